package livefeed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo as a learner runs it: its own JVM, started with its main, which starts Redis, two feed servers
 * and nginx; stopped as Ctrl-C stops it (SIGTERM). The last test stops it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutDemoTest {

    private static final Path STATIC = Path.of("..", "static");
    private static final Duration START_WITHIN = Duration.ofSeconds(30);

    private static Process demo;
    private static List<String> output;
    private static int nginxPort;
    private static Http http;

    @BeforeAll
    static void startTheDemo() throws Exception {
        TestRedis.RedisRequired.binary();
        NginxRequired.binary();
        nginxPort = TestRedis.freePort();
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "demo-tests")), "demo",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))); // nginx's worker may run as nobody
        output = new CopyOnWriteArrayList<>();
        demo = startDemo(output, List.of("--servers", "2", "--nginx-port", String.valueOf(nginxPort), "--port", "0",
                "--redis-port", String.valueOf(TestRedis.freePort()), "--work-dir", workDir.toString(), "--poll-timeout", "20"));
        await().atMost(START_WITHIN).failFast("the demo stopped: " + output, () -> !demo.isAlive())
                .until(() -> output.stream().anyMatch(line -> line.startsWith("Live feed through nginx at ")));
        http = new Http(URI.create("http://127.0.0.1:" + nginxPort + "/"));
    }

    @AfterAll
    static void stopTheDemo() throws InterruptedException {
        if (demo != null && demo.isAlive()) { // a test failed before the last one stopped it
            demo.destroy();
            if (!demo.waitFor(20, TimeUnit.SECONDS)) {
                demo.descendants().forEach(ProcessHandle::destroyForcibly);
                demo.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void printsTheUrlOfNginxAndNoPasswordWhenOneIsGiven() {
        assertThat(output).contains("Live feed through nginx at http://127.0.0.1:" + nginxPort + "/ (admin page: http://127.0.0.1:"
                + nginxPort + "/admin.html)");
        assertThat(output).noneMatch(line -> line.contains(TestNginx.PASSWORD));
    }

    @Test
    @Order(2)
    void nginxServesThePageAndThisStepsScript() throws Exception {
        HttpResponse<String> page = http.get("/");
        HttpResponse<String> script = http.get("/client.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(Files.readString(STATIC.resolve("index.html")));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).isEqualTo(Files.readString(STATIC.resolve(FeedServer.CLIENT_SCRIPT)));
    }

    @Test
    @Order(3)
    void publishingAndTheAdminPageNeedThePassword() {
        HttpResponse<String> withoutPassword = http.publish("type=message&content=hi");
        HttpResponse<String> withPassword = http.publishAs("admin", TestNginx.PASSWORD, "type=message&content=hi");

        assertThat(withoutPassword.statusCode()).isEqualTo(401);
        assertThat(withoutPassword.body()).startsWith("{\"error\":");
        assertThat(http.get("/admin.html").statusCode()).isEqualTo(401);
        assertThat(withPassword.statusCode()).isEqualTo(200);
        assertThat(withPassword.body()).startsWith("{\"id\":1,");
        assertThat(http.getAs("admin", TestNginx.PASSWORD, "/admin.html").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void stoppingAnswersAWaitingPollWithAnEmptyListAndLeavesNothingRunning() {
        List<ProcessHandle> children = demo.descendants().toList();
        CompletableFuture<HttpResponse<String>> poll = http.getAsync("/real_time_feed?since=1");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> !poll.isDone()); // parked (poll timeout: 20 s)

        demo.destroy(); // SIGTERM, as Ctrl-C

        // Within 4 s: were nginx stopped first, its graceful stop would hold the poll 5 s, then drop it.
        assertThat(poll).as("the waiting poll, answered as the demo stops").succeedsWithin(Duration.ofSeconds(4))
                .satisfies(answer -> {
                    assertThat(answer.statusCode()).isEqualTo(200);
                    assertThat(answer.body()).isEqualTo("[]");
                });
        await().atMost(Duration.ofSeconds(20)).until(() -> !demo.isAlive());
        assertThat(children).as("Redis, the feed servers, nginx").hasSizeGreaterThanOrEqualTo(4).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aPortInUseIsNamedWithTheOptionThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> said = new CopyOnWriteArrayList<>();
            Process refused = startDemo(said, List.of("--nginx-port", String.valueOf(taken.getLocalPort())));

            assertThat(refused.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(said).containsExactly("error: port "
                    + taken.getLocalPort() + " is in use (an earlier demo still running?): stop it, or pass --nginx-port N"));
        }
    }

    /** The demo's JVM; what it prints (stdout and stderr) goes into output, line by line. */
    private static Process startDemo(List<String> output, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(FeedServerProcess.javaBinary(), "-cp", FeedServerProcess.classpath(),
                "livefeed.ScaleOutDemo"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FEED_ADMIN_PASSWORD", TestNginx.PASSWORD);
        Process process = builder.start();
        FeedServerProcesses.collectOutput(process, output, "demo-output");
        return process;
    }
}
