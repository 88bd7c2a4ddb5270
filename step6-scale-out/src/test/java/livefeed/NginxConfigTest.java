package livefeed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Step 6's config: every feed server in the upstream, GETs retried, the stream waited for longer than its heartbeat. */
class NginxConfigTest {

    private final Path workDir = Path.of("target", "nginx-config-test");
    private final NginxConfig config = new NginxConfig("127.0.0.1", 8080, List.of(8001, 8002, 8003), Path.of("..", "static"),
            workDir, Duration.ofSeconds(30), NginxConfig.readTimeoutFor(Duration.ofSeconds(30)), Duration.ofSeconds(15),
            NginxConfig.Limits.of(30_000, 1_048_576));

    @Test
    void passesNginxsOwnCheck() throws Exception {
        Path nginx = NginxRequired.binary();
        Files.createDirectories(workDir.resolve("temp"));
        Files.writeString(workDir.resolve("nginx.conf"), config.render());
        Files.writeString(workDir.resolve("htpasswd"), Htpasswd.line("admin", "secret"));

        Process check = new ProcessBuilder(nginx.toString(), "-t", "-p", workDir.toAbsolutePath().toString(),
                "-e", workDir.toAbsolutePath().resolve("error.log").toString(),
                "-c", workDir.toAbsolutePath().resolve("nginx.conf").toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("test is successful");
    }

    @Test
    void listsEveryFeedServerInTheUpstreamInTheOrderGiven() throws Exception {
        assertThat(config.render()).doesNotContain("{{").contains("""
                    upstream feed_server {
                        server 127.0.0.1:8001 max_fails=1 fail_timeout=2s;
                        server 127.0.0.1:8002 max_fails=1 fail_timeout=2s;
                        server 127.0.0.1:8003 max_fails=1 fail_timeout=2s;
                """);
    }

    @Test
    void retriesAGetOnTheNextServerButNeverAPostThatWasSent() throws Exception {
        assertThat(config.render()).contains("proxy_next_upstream error timeout;").doesNotContain("non_idempotent;");
    }

    @Test
    void waitsLongerThanThePollTimeoutForAPollAndLongerThanTheHeartbeatForAStream() throws Exception {
        String rendered = config.render();

        assertThat(rendered).contains("proxy_read_timeout 35s;  # longer than the poll timeout (30s)");
        assertThat(rendered).contains("""
                        location = /feed_events {    # step 5's stream: unbuffered, as every answer here (above)
                            proxy_pass http://feed_server;
                            proxy_read_timeout 20s;  # longer than the heartbeat (15s), or nginx cuts a quiet stream
                """);
    }

    @Test
    void servesThisStepsScriptAsTheClientScript() throws Exception {
        assertThat(config.render()).contains("alias " + Path.of("..", "static").toAbsolutePath().normalize()
                + "/" + FeedServer.CLIENT_SCRIPT + ";");
    }
}
