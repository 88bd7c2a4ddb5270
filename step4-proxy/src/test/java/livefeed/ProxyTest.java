package livefeed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The whole step: step 3's feed server behind a real nginx, as ProxyDemo starts them. */
class ProxyTest {

    private static final Path STATIC = Path.of("..", "static");
    private static final Duration SOON = Duration.ofSeconds(5);

    private ProxyDemo demo;
    private Http http;
    private FeedServer feedServer;

    @BeforeEach
    void start() throws Exception {
        Settings feedSettings = Settings.parse(new String[] {"--host", "127.0.0.1", "--port", "0"}, Map.of());
        int nginxPort = TestNginx.freePort();
        demo = ProxyDemo.start(NginxRequired.binary(), feedSettings, nginxPort, workDir(), TestNginx.PASSWORD);
        feedServer = demo.feedServer();
        http = new Http(URI.create("http://127.0.0.1:" + nginxPort + "/"));
    }

    @AfterEach
    void stop() {
        if (demo != null) { // null when the test was skipped for want of nginx
            demo.stop();
        }
    }

    @Test
    void nginxServesTheLiveFeedPageAndThisStepsScriptItself() throws Exception {
        HttpResponse<String> page = http.get("/");
        HttpResponse<String> script = http.get("/client.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).isEqualTo(Files.readString(STATIC.resolve("index.html")));
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).as("nginx's /client.js is the script step 3's own server serves")
                .isEqualTo(Files.readString(STATIC.resolve(FeedServer.CLIENT_SCRIPT)));
    }

    @Test
    @Tag("ex4.3")
    @DisplayName("Exercise 4.3: the demo's admin page opens with admin's password, and only with it")
    void servesTheAdminPageOnlyWithThePassword() throws Exception {
        assertThat(http.get("/admin.html").statusCode()).as("the admin page without the password").isEqualTo(401);

        HttpResponse<String> admin = http.getAs("admin", TestNginx.PASSWORD, "/admin.html");

        assertThat(admin.statusCode()).as("the admin page with admin's password").isEqualTo(200);
        assertThat(admin.body()).isEqualTo(Files.readString(STATIC.resolve("admin.html")));
    }

    @Test
    void aPublishThroughNginxWakesAPollParkedThroughNginx() {
        CompletableFuture<HttpResponse<String>> poll = http.getAsync("/real_time_feed?since=0");
        await().atMost(SOON).until(() -> feedServer.waitingPolls() == 1);

        HttpResponse<String> published = http.publishAs("admin", TestNginx.PASSWORD, "type=message&content=through+nginx");

        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(poll).succeedsWithin(SOON).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.body()).isEqualTo("[" + published.body() + "]");
        });
    }

    @Test
    void aPublishWithoutThePasswordIs401AndPublishesNothing() {
        HttpResponse<String> refused = http.publish("type=message&content=sneaky");

        assertThat(refused.statusCode()).isEqualTo(401);
        HttpResponse<String> first = http.publishAs("admin", TestNginx.PASSWORD, "type=message&content=real");
        assertThat(first.body()).as("the refused post never reached the feed server").startsWith("{\"id\":1,");
        assertThat(http.get("/real_time_feed?since=0").body()).isEqualTo("[" + first.body() + "]");
    }

    @Test
    void passesTheFeedServersErrorsOnUnchanged() {
        HttpResponse<String> response = http.get("/real_time_feed?since=abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).startsWith("{\"error\":\"since must be the id of the last item you have");
    }

    @Test
    void stoppingAnswersAPollParkedThroughNginxWithAnEmptyArray() throws Exception {
        CompletableFuture<HttpResponse<String>> poll = http.getAsync("/real_time_feed");
        await().atMost(SOON).until(() -> feedServer.waitingPolls() == 1);

        demo.stop();

        assertThat(poll).succeedsWithin(SOON).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("[]");
        });
        demo = ProxyDemo.start(NginxRequired.binary(), Settings.parse(new String[] {"--port", "0"}, Map.of()),
                TestNginx.freePort(), workDir(), TestNginx.PASSWORD); // for @AfterEach
    }

    @Test
    void answersAnUnknownPathWithAJsonErrorWhateverItsExtension() {
        for (String path : new String[] {"/missing", "/missing.css", "/missing.html", "/static/index.html"}) {
            HttpResponse<String> response = http.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json; charset=utf-8");
            assertThat(response.body()).isEqualTo("{\"error\":\"nothing here: try / for the live feed or /admin.html\"}");
        }
    }

    @Test
    void theFeedServerListensOnLoopbackOnly() {
        assertThat(feedServer.url().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void sizesNginxForTheFeedServersMaxWaiting() throws Exception {
        Path workDir = workDir();
        Settings fifty = Settings.parse(new String[] {"--port", "0", "--max-waiting", "50"}, Map.of());
        ProxyDemo small = ProxyDemo.start(NginxRequired.binary(), fifty, TestNginx.freePort(), workDir, TestNginx.PASSWORD);
        try {
            assertThat(Files.readString(workDir.resolve("nginx.conf")))
                    .as("50 polls: two connections each and 100 spare; a file for each, and 100 more")
                    .contains("worker_processes 1;", "worker_connections 200;", "worker_rlimit_nofile 300;", "keepalive 50;");
        } finally {
            small.stop();
        }
    }

    @Test
    void stoppingLeavesNothingListening() throws Exception {
        int feedPort = feedServer.url().getPort();
        int nginxPort = http.port();

        demo.stop();

        assertThatThrownBy(() -> new Socket("127.0.0.1", nginxPort).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", feedPort).close()).isInstanceOf(ConnectException.class);
        demo = ProxyDemo.start(NginxRequired.binary(), Settings.parse(new String[] {"--port", "0"}, Map.of()),
                TestNginx.freePort(), workDir(), TestNginx.PASSWORD); // for @AfterEach
    }

    // tag::port-taken-in-one-line[]
    @Test
    void saysWhyWhenNginxCannotHaveItsPortAndStopsTheFeedServer() throws Exception {
        int feedPort = TestNginx.freePort();
        Settings feedSettings = Settings.parse(new String[] {"--port", String.valueOf(feedPort)}, Map.of());
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {

            assertThatThrownBy(() -> ProxyDemo.start(NginxRequired.binary(), feedSettings, taken.getLocalPort(),
                    workDir(), TestNginx.PASSWORD))
                    .hasMessage("nginx could not start: bind() to 127.0.0.1:" + taken.getLocalPort()
                            + " failed (98: Address already in use)");
        }
        new ServerSocket(feedPort, 50, InetAddress.getLoopbackAddress()).close(); // free again: the feed server stopped
    }
    // end::port-taken-in-one-line[]

    private static Path workDir() throws Exception {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "nginx-tests")), "demo");
    }
}
