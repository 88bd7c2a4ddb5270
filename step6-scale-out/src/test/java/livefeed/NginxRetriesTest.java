package livefeed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nginx sends a GET that failed to the next feed server, and never sends a POST twice. The first server
 * of the upstream dies in the middle of every request (it reads it, then closes the connection); the
 * second is a real feed server. A fresh nginx tries the first server first.
 */
class NginxRetriesTest {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private DyingServer dying;
    private FeedServer feedServer;
    private int redisPort;
    private TestNginx nginx;

    @BeforeEach
    void start() throws Exception {
        NginxRequired.binary(); // skip (or fail under CI) before starting anything
        dying = DyingServer.start();
        Settings settings = TestRedis.settings(new String[] {"--port", "0", "--poll-timeout", "1"}, Map.of());
        redisPort = settings.redisPort();
        feedServer = FeedServer.start(settings);
        nginx = TestNginx.inFrontOf(List.of(dying.port(), feedServer.url().getPort()), POLL_TIMEOUT, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (feedServer != null) {
            feedServer.stop();
        }
        if (dying != null) {
            dying.close();
        }
    }

    @Test
    void aGetThatTheFirstServerDroppedIsAnsweredByTheNext() {
        new Http(feedServer.url()).publish("type=message&content=hello");

        HttpResponse<String> answer = nginx.http().get("/real_time_feed?since=0");

        assertThat(dying.requestLines()).as("the dying server was tried first").containsExactly("GET /real_time_feed?since=0 HTTP/1.1");
        assertThat(answer.statusCode()).as("nginx sent the GET again, to the feed server").isEqualTo(200);
        assertThat(answer.body()).startsWith("[{\"id\":1,").contains("\"content\":\"hello\"");
    }

    @Test
    void aPostThatWasSentIsNeverSentAgainAndGetsA502() {
        HttpResponse<String> answer = nginx.http().publishAs("admin", TestNginx.PASSWORD, "type=message&content=once");

        assertThat(dying.requestLines()).as("the dying server got the POST").containsExactly("POST /send_feed_item HTTP/1.1");
        assertThat(answer.statusCode()).as("nginx did not send the POST to another server").isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(answer.body()).startsWith("{\"error\":\"no feed server answered");
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            assertThat(jedis.exists(RedisFeed.STREAM)).as("no item in Redis: the feed server never saw the POST").isFalse();
        }
    }
}
