package livefeed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis killed with SIGKILL under two feed servers, then started again on the same folder: no 200 for
 * an item that was not stored, waiting clients answered at their timeout, ids that go on where they
 * were, and feed servers that find Redis again by themselves.
 */
class RedisKilledTest {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SOON = Duration.ofSeconds(5);

    private RedisServer redis;
    private FeedServer first;
    private FeedServer second;
    private PollingClient onFirst;
    private PollingClient onSecond;

    @BeforeEach
    void start() throws Exception {
        redis = TestRedis.startNew();
        first = FeedServer.start(settings());
        second = FeedServer.start(settings());
        onFirst = PollingClient.follow(first.url());
        onSecond = PollingClient.follow(second.url());
    }

    @AfterEach
    void stop() throws Exception {
        onFirst.close();
        onSecond.close();
        first.stop();
        second.stop();
        redis.stop();
    }

    @Test
    void aPublishGetsA503WithinSecondsWhileRedisIsDown() throws Exception {
        publish(first, 1);
        redis.kill();

        CompletableFuture<HttpResponse<String>> publish = CompletableFuture.supplyAsync(
                () -> new Http(first.url()).publish("type=message&content=lost"));

        assertThat(publish).succeedsWithin(SOON).satisfies(answer -> {
            assertThat(answer.statusCode()).as("never a 200 for an item Redis did not store").isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue(String.valueOf(ErrorAnswers.REDIS_RETRY_AFTER_SECONDS));
            assertThat(answer.body()).startsWith("{\"error\":\"the feed is kept in Redis, which does not answer");
        });
    }

    @Test
    void aWaitingPollGetsAnEmptyAnswerAtItsTimeoutWhileRedisIsDown() throws Exception {
        publish(first, 1);
        await().atMost(SOON).until(() -> onSecond.ids().equals(List.of(1L)));
        int before = second.waitingPolls();
        CompletableFuture<HttpResponse<String>> poll = new Http(second.url()).getAsync("/real_time_feed?since=1");
        await().atMost(SOON).until(() -> second.waitingPolls() == before + 1);

        redis.kill();

        assertThat(poll).succeedsWithin(POLL_TIMEOUT.plus(SOON)).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("[]");
        });
    }

    @Test
    void afterRedisRestartsOnItsFolderIdsGoOnAndTheFeedServersFollowAgainByThemselves() throws Exception {
        publish(first, 1);
        publish(second, 2);
        publish(first, 3);
        redis.kill();
        assertThat(new Http(second.url()).publish("type=message&content=lost").statusCode()).isEqualTo(503);

        redis = RedisServer.start(RedisServer.find().orElseThrow(), redis.port(), redis.dir());

        AtomicReference<HttpResponse<String>> afterRestart = new AtomicReference<>();
        await().atMost(SOON).until(() -> { // the pool may still hold a dead connection: at most one more 503
            afterRestart.set(new Http(first.url()).publish("type=message&content=four"));
            return afterRestart.get().statusCode() != 503;
        });
        assertThat(afterRestart.get().statusCode()).isEqualTo(200);
        assertThat(afterRestart.get().body()).as("the id after the last one that got a 200: none reused")
                .startsWith("{\"id\":4,");
        publish(second, 5);
        await().atMost(SOON).untilAsserted(() -> {
            assertThat(onFirst.ids()).as("what a client of the first server got").containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(onSecond.ids()).as("what a client of the second server got").containsExactly(1L, 2L, 3L, 4L, 5L);
        });
    }

    private Settings settings() {
        return Settings.parse(new String[] {"--port", "0", "--poll-timeout", String.valueOf(POLL_TIMEOUT.toSeconds()),
                "--redis-port", String.valueOf(redis.port())}, Map.of());
    }

    private static void publish(FeedServer server, long expectedId) {
        HttpResponse<String> answer = new Http(server.url()).publish("type=message&content=item+" + expectedId);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("{\"id\":" + expectedId + ",");
    }
}
