package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated config: nginx accepts it, and its timeouts are in the right order. */
class NginxConfigTest {

    private final Path workDir = Path.of("target", "nginx-config-test");
    private final NginxConfig config = new NginxConfig("127.0.0.1", 8080, 8001, Path.of("..", "static"), workDir,
            Duration.ofSeconds(30), NginxConfig.readTimeoutFor(Duration.ofSeconds(30)),
            NginxConfig.Limits.of(10_000, 1_048_576));

    @Test
    void passesNginxsOwnCheck() throws Exception {
        assertThat(nginxCheck(config)).contains("syntax is ok").contains("test is successful");
    }

    @Test
    void passesNginxsOwnCheckWithSeveralWorkers() throws Exception {
        NginxConfig shared = new NginxConfig("127.0.0.1", 8080, 8001, Path.of("..", "static"), workDir,
                Duration.ofSeconds(30), NginxConfig.readTimeoutFor(Duration.ofSeconds(30)),
                NginxConfig.Limits.of(10_000, 20_000));

        assertThat(nginxCheck(shared)).contains("test is successful");
    }

    @Test
    void sizesOneWorkerForTwoConnectionsPerWaitingPollAndRoomForThePages() {
        // 10,000 polls: 20,000 connections, 100 more for pages and the admin; a file for each, a page file for each spare one
        assertThat(NginxConfig.Limits.of(10_000, 1_048_576)).isEqualTo(new NginxConfig.Limits(1, 20_100, 20_200, 10_000));
        assertThat(NginxConfig.Limits.of(10_000, 20_200)).as("just enough files")
                .isEqualTo(new NginxConfig.Limits(1, 20_100, 20_200, 10_000));
        assertThat(NginxConfig.Limits.of(100, 1_024)).isEqualTo(new NginxConfig.Limits(1, 300, 400, 100));
    }

    @Test
    void sharesThePollsAmongWorkersWhenOneProcessMayNotOpenEnoughFiles() {
        // ulimit -n 20000: a worker opens at most 20,000 files, so holds at most (20,000 - 200) / 2 = 9,900 polls
        assertThat(NginxConfig.Limits.of(10_000, 20_199)).as("one file short")
                .isEqualTo(new NginxConfig.Limits(2, 20_098, 20_198, 9_999));
        assertThat(NginxConfig.Limits.of(10_000, 20_000)).isEqualTo(new NginxConfig.Limits(2, 19_900, 20_000, 9_900));
        assertThat(NginxConfig.Limits.of(19_900, 20_000)).isEqualTo(new NginxConfig.Limits(3, 19_900, 20_000, 9_900));
        assertThat(NginxConfig.Limits.of(924, 1_024)).as("ulimit -n 1024, and the feed server's 924 polls")
                .isEqualTo(new NginxConfig.Limits(3, 924, 1_024, 412));
    }

    @Test
    void writesTheLimitsIntoTheConfig() throws Exception {
        NginxConfig shared = new NginxConfig("127.0.0.1", 8080, 8001, Path.of("..", "static"), workDir,
                Duration.ofSeconds(30), Duration.ofSeconds(35), new NginxConfig.Limits(2, 19_900, 20_000, 9_900));

        assertThat(shared.render()).contains("worker_processes 2;", "worker_rlimit_nofile 20000;",
                "worker_connections 19900;", "keepalive 9900;", "listen 127.0.0.1:8080 reuseport;");
        assertThat(config.render()).as("one worker").contains("worker_processes 1;", "listen 127.0.0.1:8080;");
    }

    @Test
    @Tag("ex4.4")
    @DisplayName("Exercise 4.4: the config holds the read timeout, 5 s longer than the poll timeout")
    void fillsInEveryValueOfTheTemplate() throws Exception {
        String rendered = config.render();

        assertThat(rendered).doesNotContain("{{")
                .contains("listen 127.0.0.1:8080;")
                .contains("server 127.0.0.1:8001;")
                .contains("proxy_read_timeout 35s;")
                .contains("root " + Path.of("..", "static").toAbsolutePath().normalize() + ";");
    }

    @Test
    @Tag("ex4.1")
    @DisplayName("Exercise 4.1: nginx waits 5 s longer than the feed server")
    void readTimeoutIsFiveSecondsLongerThanThePollTimeout() {
        assertThat(NginxConfig.readTimeoutFor(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(35));
        assertThat(NginxConfig.readTimeoutFor(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(5_500));
    }

    @Test
    @Tag("ex4.1")
    @DisplayName("Exercise 4.1: the feed server answers before nginx gives up, and nginx before the page")
    void nginxWaitsLongerThanThePollTimeoutAndThePageLongerThanNginx() throws Exception {
        Duration poll = Duration.ofSeconds(30);
        Duration nginxRead = NginxConfig.readTimeoutFor(poll);
        Duration page = pageTimeout(Path.of("..", "static", "cursor-polling.js"));

        assertThat(poll).as("the feed server answers [] before nginx gives up with 504").isLessThan(nginxRead);
        assertThat(nginxRead).as("nginx answers 504 before the page gives up on its own").isLessThan(page);
        assertThat(page).as("the page gives up after CLIENT_TIMEOUT: NginxConfig.CLIENT_TIMEOUT and REQUEST_TIMEOUT_MS in cursor-polling.js are one policy").isEqualTo(NginxConfig.CLIENT_TIMEOUT);
    }

    @Test
    @Tag("ex4.2")
    @DisplayName("Exercise 4.2: a poll timeout of 35 s or more is refused, and the message says why")
    void refusesAPollTimeoutThatWouldBreakThatOrder() {
        NginxConfig.checkTimeouts(Duration.ofMillis(34_999));

        assertThatThrownBy(() -> NginxConfig.checkTimeouts(Duration.ofSeconds(35)))
                .hasMessage("--poll-timeout must be under 35 s: nginx waits 5 s longer than the feed server,"
                        + " and the page gives up after 40 s");
    }

    @Test
    @Tag("ex4.4")
    @DisplayName("Exercise 4.4: a read timeout under a second is written in milliseconds")
    void writesTimesAsNginxReadsThem() throws Exception {
        NginxConfig quick = new NginxConfig("127.0.0.1", 8080, 8001, Path.of("..", "static"), workDir,
                Duration.ofMillis(500), Duration.ofMillis(1500), config.limits());

        assertThat(quick.render()).contains("proxy_read_timeout 1500ms;");
    }

    /** nginx -t on the config: its output, once nginx said the config is good. */
    private String nginxCheck(NginxConfig checked) throws Exception {
        Path nginx = NginxRequired.binary();
        Files.createDirectories(workDir.resolve("temp"));
        Files.writeString(workDir.resolve("nginx.conf"), checked.render());
        Files.writeString(workDir.resolve("htpasswd"), Htpasswd.line("admin", "secret"));

        Process check = new ProcessBuilder(nginx.toString(), "-t", "-p", workDir.toAbsolutePath().toString(),
                "-e", workDir.toAbsolutePath().resolve("error.log").toString(),
                "-c", workDir.toAbsolutePath().resolve("nginx.conf").toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor()).as(output).isZero();
        return output;
    }

    /** The client-side timeout the page's script gives each poll, such as "const POLL_TIMEOUT_MS = 40_000". */
    private static Duration pageTimeout(Path script) throws Exception {
        Matcher timeout = Pattern.compile("TIMEOUT_MS\\s*=\\s*([0-9_]+)").matcher(Files.readString(script));
        assertThat(timeout.find()).as("a *TIMEOUT_MS constant in " + script).isTrue();
        return Duration.ofMillis(Long.parseLong(timeout.group(1).replace("_", "")));
    }
}
