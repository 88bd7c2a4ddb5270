package livefeed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis alive but silent (SIGSTOP: the kernel still accepts connections, nobody answers), the failure
 * that timeouts are for: without them a call, or the follower's blocking read, would wait forever.
 */
class RedisFrozenTest {

    private RedisServer redis;
    private FeedServer server;
    private Follower follower;
    private final List<String> followerLog = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        redis = TestRedis.startNew();
        String[] args = {"--port", "0", "--redis-port", String.valueOf(redis.port())};
        server = FeedServer.start(Settings.parse(args, Map.of()));
        follower = Follower.start(redis.port(), item -> { }, followerLog::add);
        assertThat(new Http(server.url()).publish("type=message&content=before").statusCode()).isEqualTo(200);
        signal("-STOP");
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        signal("-CONT");
        follower.stop();
        server.stop();
        redis.kill();
    }

    @Test
    @DisplayName("a POST gets a 503 within a few seconds: every call to Redis has a timeout (RedisFeed.TIMEOUT)")
    void aPostGetsA503WithinSeconds() {
        CompletableFuture<HttpResponse<String>> post =
                CompletableFuture.supplyAsync(() -> new Http(server.url()).publish("type=message&content=frozen"));

        assertThat(post).as("the POST, while Redis is stopped").succeedsWithin(Duration.ofSeconds(8)).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).startsWith("{\"error\":\"the feed is kept in Redis");
        });
    }

    @Test
    @DisplayName("the follower notices within its read timeout, instead of waiting in its blocking read for ever")
    void theFollowerNoticesWithinItsReadTimeout() {
        await("the follower says it lost Redis").atMost(Follower.READ_TIMEOUT.plusSeconds(3))
                .until(() -> followerLog.stream().anyMatch(line -> line.startsWith("lost Redis")));
    }

    /** kill -STOP or -CONT: Java's ProcessHandle sends neither. */
    private void signal(String signal) throws IOException {
        Process kill = new ProcessBuilder("kill", signal, String.valueOf(redis.process().pid())).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !kill.isAlive());
        assertThat(kill.exitValue()).as("kill %s", signal).isZero();
    }
}
