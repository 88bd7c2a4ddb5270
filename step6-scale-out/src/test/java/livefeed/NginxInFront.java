package livefeed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real nginx in front of a feed server, with test resource nginx-feed-events.conf.template as
 * its config, in its own folder under target/. Without nginx the test skips, unless CI is set.
 */
final class NginxInFront implements AutoCloseable {

    static final String INSTALL_HINT = "nginx is not installed: sudo apt-get install -y nginx (Debian, Ubuntu)"
            + " or brew install nginx (macOS)";
    private static final List<String> USUAL_PLACES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx",
            "/usr/local/nginx/sbin/nginx", "/opt/homebrew/bin/nginx", "/usr/local/bin/nginx");

    private final Process process;
    final URI url;

    private NginxInFront(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static NginxInFront start(int feedPort, Duration readTimeout) throws IOException {
        Path nginx = binary();
        int port = freePort();
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "nginx-tests")), "nginx")
                .toAbsolutePath();
        Files.createDirectories(workDir.resolve("temp"));
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x")); // its worker may run as nobody
        String config;
        try (InputStream template = NginxInFront.class.getResourceAsStream("/nginx-feed-events.conf.template")) {
            config = new String(template.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(workDir.resolve("nginx.conf"), config
                .replace("{{WORK_DIR}}", workDir.toString())
                .replace("{{FEED_PORT}}", String.valueOf(feedPort))
                .replace("{{NGINX_PORT}}", String.valueOf(port))
                .replace("{{READ_TIMEOUT}}", readTimeout.toMillis() + "ms"));
        Process process = new ProcessBuilder(nginx.toString(), "-p", workDir.toString(), "-c", workDir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("nginx.out").toFile()).start();
        Path pid = workDir.resolve("nginx.pid");
        await("nginx listening (see " + workDir.resolve("error.log") + ")").atMost(Duration.ofSeconds(10))
                .until(() -> !process.isAlive() || Files.exists(pid) && !Files.readString(pid).isBlank());
        if (!process.isAlive()) {
            fail("nginx did not start: " + Files.readString(workDir.resolve("error.log")));
        }
        return new NginxInFront(process, URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** The nginx program; skips the test without it, or fails it when CI is set. */
    private static Path binary() {
        Path nginx = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(dir -> !dir.isEmpty()).map(dir -> dir + "/nginx"),
                        USUAL_PLACES.stream())
                .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (nginx == null) {
            if (System.getenv("CI") != null) {
                fail("CI is set, so step 5's nginx tests must run, but " + INSTALL_HINT);
            }
            assumeTrue(false, "skipped: " + INSTALL_HINT);
        }
        return nginx;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx's fast stop
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
