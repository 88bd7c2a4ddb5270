package livefeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real nginx in front of any upstream port, with its own folder under target/ and a known admin password. */
final class TestNginx implements AutoCloseable {

    static final String PASSWORD = "s3cret-for-tests";
    /** The polls nginx is sized for: far more than any test holds. */
    private static final int MAX_WAITING = 1_000;

    private final Nginx nginx;
    final URI url;

    private TestNginx(Nginx nginx, URI url) {
        this.nginx = nginx;
        this.url = url;
    }

    static TestNginx inFrontOf(int upstreamPort, Duration pollTimeout, Duration readTimeout) throws Exception {
        int port = freePort();
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "nginx-tests")), "nginx");
        NginxConfig config = new NginxConfig("127.0.0.1", port, upstreamPort, Path.of("..", "static"), workDir,
                pollTimeout, readTimeout, NginxConfig.Limits.of(MAX_WAITING, OpenFileLimit.ofThisProcess()));
        Nginx nginx = Nginx.start(NginxRequired.binary(), config, Htpasswd.line("admin", PASSWORD));
        return new TestNginx(nginx, URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** A port nobody listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        nginx.stop();
    }
}
