package livefeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercise 6.1: Redis numbers the items, in the same step that stores them. Two feed servers on one
 * Redis publish at the same time: the ids they answer are 1, 2, 3 ... with no gap and no repeat, and
 * the stream keeps exactly the backlog's newest items.
 */
class IdsFromRedisTest {

    private static final int BACKLOG = 5;
    private static final int PUBLISHERS = 4;
    private static final int ITEMS_PER_PUBLISHER = 10;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Tag("ex6.1")
    @DisplayName("Exercise 6.1: two servers publishing at once answer the ids 1, 2, 3 ... from Redis, each once")
    void twoServersPublishingAtOnceAnswerConsecutiveIdsFromRedis() throws Exception {
        int redisPort = TestRedis.emptied();
        FeedServer first = start(redisPort);
        FeedServer second = start(redisPort);
        ExecutorService threads = Executors.newFixedThreadPool(PUBLISHERS);
        try {
            List<Future<List<Long>>> publishers = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                Http http = new Http((p % 2 == 0 ? first : second).url());
                publishers.add(threads.submit(() -> publish(http)));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<List<Long>> publisher : publishers) {
                ids.addAll(publisher.get(30, TimeUnit.SECONDS));
            }

            assertThat(ids).as("the ids that two servers answered while they published at the same time: Redis must"
                    + " number every item (XADD with the id 0-*), one after the other, whichever server took it;"
                    + " an id counted by a server repeats on the other")
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, PUBLISHERS * ITEMS_PER_PUBLISHER).boxed().toList());
        } finally {
            threads.shutdownNow();
            first.stop();
            second.stop();
        }
    }

    @Test
    @Tag("ex6.1")
    @DisplayName("Exercise 6.1: the stream in Redis keeps exactly the backlog's newest items, not about as many")
    void theStreamKeepsExactlyTheNewestItemsOfTheBacklog() throws Exception {
        int redisPort = TestRedis.emptied();
        FeedServer server = start(redisPort);
        try {
            Http http = new Http(server.url());
            for (int i = 1; i <= 12; i++) {
                assertThat(http.publish("type=message&content=" + i).statusCode()).as("publishing item %d", i).isEqualTo(200);
            }

            try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
                assertThat(jedis.xlen(RedisFeed.STREAM)).as("XLEN feed after 12 publishes with --backlog " + BACKLOG
                        + ": MAXLEN must be the backlog size, and exact (with ~ Redis keeps whole nodes, up to ~100 entries)")
                        .isEqualTo(BACKLOG);
                assertThat(jedis.xrange(RedisFeed.STREAM, "-", "+").stream().map(StreamEntry::getID).toList())
                        .as("the kept entries: the newest five, with the ids Redis gave them (0-*: 0-1, 0-2, ...)")
                        .containsExactly(new StreamEntryID(0, 8), new StreamEntryID(0, 9), new StreamEntryID(0, 10),
                                new StreamEntryID(0, 11), new StreamEntryID(0, 12));
            }
        } finally {
            server.stop();
        }
    }

    private List<Long> publish(Http http) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ITEMS_PER_PUBLISHER; i++) {
            HttpResponse<String> answer = http.publish("type=message&content=" + i);
            assertThat(answer.statusCode()).as("a publish: %s", answer.body()).isEqualTo(200);
            ids.add(json.readTree(answer.body()).get("id").asLong());
        }
        return ids;
    }

    private static FeedServer start(int redisPort) throws Exception {
        return FeedServer.start(Settings.parse(new String[] {"--port", "0", "--backlog", String.valueOf(BACKLOG),
                "--redis-port", String.valueOf(redisPort)}, Map.of()));
    }
}
