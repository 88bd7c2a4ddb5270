package livefeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercise 6.3: a cursor may come from a server that is ahead of this one, since nginx sends each request
 * where it likes. These tests use a Feed that follows nothing (no Follower), so it lags for sure: the
 * items are put in Redis directly, as another feed server would, and only a catch-up can see them.
 */
class CursorAheadTest {

    private final ObjectMapper json = new ObjectMapper();
    private Jedis jedis;
    private RedisFeed redisFeed;
    private ScheduledThreadPoolExecutor workers;
    private Subscribers subscribers;
    private Feed feed;

    @BeforeEach
    void aFeedThatFollowsNothingAndTwoItemsInRedis() {
        int redisPort = TestRedis.emptied();
        jedis = new Jedis("127.0.0.1", redisPort);
        redisFeed = new RedisFeed(redisPort, 20);
        workers = new ScheduledThreadPoolExecutor(2);
        subscribers = new Subscribers(100, 20, Duration.ofSeconds(15));
        feed = new Feed(redisFeed, Duration.ofSeconds(30), 20, 100, workers, subscribers);
        addToRedis("first");
        addToRedis("second");
    }

    @AfterEach
    void stop() {
        feed.answerAllWaiting();
        workers.shutdownNow();
        subscribers.stopWriters();
        redisFeed.close();
        jedis.close();
    }

    @Test
    @Tag("ex6.3")
    @DisplayName("Exercise 6.3: a cursor ahead of this server is answered at once from what Redis holds after it")
    void aCursorAheadOfThisServerIsAnsweredAtOnceFromRedis() throws Exception {
        RecordingExchange exchange = RecordingExchange.get();

        feed.poll(exchange, OptionalLong.of(1));

        assertThat(exchange.status()).as("since=1 while Redis holds items 1 and 2, and this server has seen none: the"
                + " cursor comes from a server that is ahead, so this one must ask Redis and answer at once, not park"
                + " the poll, nor read the cursor as one from before a restart").isEqualTo(200);
        assertThat(ids(exchange.body())).as("the answer to since=1").containsExactly(2L);
    }

    @Test
    @Tag("ex6.3")
    @DisplayName("Exercise 6.3: a cursor ahead even of Redis is from a feed that began again, and counts as 0")
    void aCursorAheadEvenOfRedisCountsAsZero() throws Exception {
        RecordingExchange exchange = RecordingExchange.get();

        feed.poll(exchange, OptionalLong.of(9));

        assertThat(exchange.status()).as("since=9 while Redis holds items 1 and 2: only Redis can say that 9 is newer"
                + " than anything published, so this server must ask it first; then the cursor counts as 0").isEqualTo(200);
        assertThat(ids(exchange.body())).as("the answer to since=9").containsExactly(1L, 2L);
    }

    /** XADD feed 0-* timestamp ... type message content ...: what another feed server's publish stores. */
    private void addToRedis(String content) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("timestamp", String.valueOf(System.currentTimeMillis()));
        entry.put("type", "message");
        entry.put("content", content);
        jedis.xadd(RedisFeed.STREAM, XAddParams.xAddParams().id("0-*"), entry);
    }

    private List<Long> ids(String body) throws Exception {
        return StreamSupport.stream(json.readTree(body).spliterator(), false).map(item -> item.get("id").asLong()).toList();
    }
}
