package livefeed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * nginx reads a request's headers whole before it forwards it, so clients that stop half-way wait at nginx,
 * which holds a connection for each and no thread, and never reach the feed server.
 */
class StalledClientsBehindNginxTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration SOON = Duration.ofSeconds(5);
    /** More than the feed server has request threads: alone, it would be starved (step 3's StalledClientsTest). */
    private static final int STALLED = RequestThreads.MOST + 50;
    private static final String AUTHORIZATION = "Authorization: Basic "
            + Base64.getEncoder().encodeToString(("admin:" + TestNginx.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    /** A request line and a header, but never the empty line that ends the headers. */
    private static final String HALF_SENT_HEADERS = "GET /real_time_feed HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    private static final String PUBLISH = "POST /send_feed_item HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTHORIZATION
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 27\r\n\r\ntype=message&content=served";
    private static final String POLL = "GET /real_time_feed?since=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final String OK = "HTTP/1.1 200 OK";

    private ProxyDemo demo;
    private FeedServer feedServer;
    private int nginxPort;
    private final RawConnections toNginx = new RawConnections(() -> nginxPort);

    @BeforeEach
    void start() throws Exception {
        Settings feedSettings = Settings.parse(new String[] {"--host", "127.0.0.1", "--port", "0"}, Map.of());
        nginxPort = TestNginx.freePort();
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "nginx-tests")), "stalled");
        demo = ProxyDemo.start(NginxRequired.binary(), feedSettings, nginxPort, workDir, TestNginx.PASSWORD);
        feedServer = demo.feedServer();
    }

    @AfterEach
    void stop() throws IOException {
        toNginx.closeAll(); // first: nginx, stopping, would wait for the clients it is still reading
        if (demo != null) { // null when the test was skipped for want of nginx
            demo.stop();
        }
    }

    @Test
    void clientsThatStallInTheirHeadersNeverReachTheFeedServer() {
        for (int i = 0; i < STALLED; i++) {
            toNginx.send(HALF_SENT_HEADERS);
        }

        await("no request thread of the feed server is busy, for a whole second").during(ONE_SECOND).atMost(SOON)
                .until(() -> feedServer.busyRequestThreads() == 0);
        assertThat(toNginx.statusLine(toNginx.send(PUBLISH))).as("a publish through nginx")
                .succeedsWithin(ONE_SECOND).isEqualTo(OK);
        assertThat(toNginx.statusLine(toNginx.send(POLL))).as("a poll through nginx")
                .succeedsWithin(ONE_SECOND).isEqualTo(OK);
    }

    /** The limit of this shield: this config passes posted bodies on as they come (proxy_request_buffering off). */
    @Test
    void aPostWithThePasswordWhoseBodyStallsDoesReachTheFeedServer() {
        toNginx.send("POST /send_feed_item HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTHORIZATION
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ntype=message");

        await("the feed server's request thread waits for the rest of the body").atMost(SOON)
                .until(() -> feedServer.busyRequestThreads() == 1);
    }
}
