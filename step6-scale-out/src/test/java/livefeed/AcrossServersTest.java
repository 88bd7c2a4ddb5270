package livefeed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two feed servers on one Redis, with no nginx between: a test talks to each by its own port. Step 3's
 * contract holds whichever server answers: one id sequence, a cursor valid on both.
 */
class AcrossServersTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    private RedisServer redis;
    private FeedServer one;
    private FeedServer other;

    @BeforeEach
    void start() throws IOException {
        redis = TestRedis.startNew();
        one = startServer();
        other = startServer();
    }

    @AfterEach
    void stop() throws InterruptedException {
        one.stop();
        other.stop();
        redis.kill();
    }

    private FeedServer startServer() throws IOException {
        String[] args = {"--port", "0", "--poll-timeout", "10", "--redis-port", String.valueOf(redis.port())};
        return FeedServer.start(Settings.parse(args, Map.of()));
    }

    @Test
    @DisplayName("an item published through one server is returned by the other for since=id-1, and since=id waits there")
    void aCursorFromOneServerMeansTheSameOnTheOther() {
        new Http(one.url()).publish("type=message&content=first");
        String published = new Http(one.url()).publish("type=message&content=second").body();
        assertThat(published).as("ids come from Redis: the second item is 2").startsWith("{\"id\":2,");

        HttpResponse<String> answer = new Http(other.url()).get("/real_time_feed?since=1");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).as("since=1 on the other server: item 2, as the first server answered it")
                .isEqualTo("[" + published + "]");

        CompletableFuture<HttpResponse<String>> waiting = new Http(other.url()).getAsync("/real_time_feed?since=2");
        await("since=2 waits on the other server: nothing is newer").atMost(SOON)
                .failFast("the other server answered since=2 instead of parking it", waiting::isDone)
                .until(() -> other.waitingPolls() == 1);
        String third = new Http(one.url()).publish("type=message&content=third").body();
        assertThat(waiting).as("an item published through the first server answers the poll parked on the other")
                .succeedsWithin(SOON).satisfies(response -> assertThat(response.body()).isEqualTo("[" + third + "]"));
    }

    @Test
    @DisplayName("items published through both servers at once get one sequence of ids, and each server's stream has them all, in order")
    void publishersOnBothServersShareOneSequenceOfIds() {
        try (EventReader onOne = EventReader.open(one.url(), "/feed_events?since=0");
             EventReader onOther = EventReader.open(other.url(), "/feed_events?since=0")) {
            List<CompletableFuture<Void>> publishers = new ArrayList<>();
            for (FeedServer server : List.of(one, other)) {
                publishers.add(CompletableFuture.runAsync(() -> IntStream.range(0, 10).forEach(i ->
                        assertThat(new Http(server.url()).publish("type=message&content=" + i).statusCode()).isEqualTo(200))));
            }
            publishers.forEach(CompletableFuture::join);

            List<Long> everyId = IntStream.rangeClosed(1, 20).mapToObj(Long::valueOf).toList();
            await("both streams get all 20 items").atMost(SOON).until(() -> onOne.ids().size() >= 20 && onOther.ids().size() >= 20);
            assertThat(onOne.ids()).as("ids 1 to 20, each once, in order, on the first server").isEqualTo(everyId);
            assertThat(onOther.ids()).as("and the same on the other").isEqualTo(everyId);
        }
    }

    @Test
    @DisplayName("an entry that something else wrote into the stream stops no follower: it is passed on, and so is the next item")
    void aForeignEntryStopsNoFollower() {
        try (Jedis redisCli = new Jedis("127.0.0.1", redis.port())) {
            redisCli.xadd(RedisFeed.STREAM, XAddParams.xAddParams().id("0-*"), Map.of("timestamp", "not a number"));
        }
        String item = new Http(one.url()).publish("type=message&content=after").body();

        HttpResponse<String> answer = new Http(other.url()).get("/real_time_feed?since=0");
        assertThat(answer.body()).as("the foreign entry, with timestamp 0, then the item published after it")
                .isEqualTo("[{\"id\":1,\"timestamp\":0}," + item + "]");
    }

    @Test
    @DisplayName("an entry added by hand with an id of Redis's choosing (XADD feed * ...) sets no follower spinning;"
            + " publishing is refused with a 503 after it, as Redis refuses every 0-* below it")
    void anEntryWithAnIdOfItsOwnSetsNoFollowerSpinning() {
        try (Jedis redisCli = new Jedis("127.0.0.1", redis.port())) {
            redisCli.xadd(RedisFeed.STREAM, XAddParams.xAddParams(), Map.of("type", "by hand")); // id: <now in ms>-0
            long before = commandsProcessed(redisCli);
            // For a whole second, Redis runs a few commands: the two followers' XREAD BLOCK, and this check's own
            // INFO ten times a second; a follower that read the same entry again and again would run thousands.
            await("no follower reads in a loop").during(Duration.ofSeconds(1)).atMost(SOON)
                    .until(() -> commandsProcessed(redisCli) - before < 40);
        }
        HttpResponse<String> refused = new Http(one.url()).publish("type=message&content=after");
        assertThat(refused.statusCode()).as("Redis refuses a 0-* id below the hand-made entry's").isEqualTo(503);
    }

    private static long commandsProcessed(Jedis redisCli) {
        return redisCli.info("stats").lines().filter(line -> line.startsWith("total_commands_processed:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("with Redis down, a cursor this server holds is answered from memory, and a cursor ahead of it,"
            + " which only Redis can judge, gets a 503")
    void withRedisDownOnlyACursorAheadNeedsRedis() throws InterruptedException {
        String item = new Http(one.url()).publish("type=message&content=kept").body();
        redis.kill();

        assertThat(new Http(one.url()).get("/real_time_feed?since=0").body()).as("since=0: the kept item, from memory")
                .isEqualTo("[" + item + "]");
        HttpResponse<String> ahead = new Http(one.url()).get("/real_time_feed?since=99");
        assertThat(ahead.statusCode()).as("since=99: ahead of this server, and Redis cannot say whether it exists")
                .isEqualTo(503);
        assertThat(ahead.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    @DisplayName("a cursor newer than anything Redis holds is a feed that began again: answered from the start, as step 3 did")
    void aCursorBeyondRedisIsARestart() {
        String item = new Http(one.url()).publish("type=message&content=only").body();

        HttpResponse<String> answer = new Http(other.url()).get("/real_time_feed?since=99");

        assertThat(answer.body()).as("since=99 when Redis's newest id is 1: every kept item").isEqualTo("[" + item + "]");
    }
}
