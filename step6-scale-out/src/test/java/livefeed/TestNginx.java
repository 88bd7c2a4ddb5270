package livefeed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A real nginx in front of several upstream ports, as the demo configures it, in its own folder under target/. */
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

    /** nginx over these ports, tried in this order; its read timeouts follow the feed servers' poll timeout and heartbeat. */
    static TestNginx inFrontOf(List<Integer> upstreamPorts, Duration pollTimeout, Duration heartbeat) throws Exception {
        Path binary = NginxRequired.binary();
        int port = TestRedis.freePort();
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "nginx-tests")), "nginx");
        NginxConfig config = new NginxConfig("127.0.0.1", port, upstreamPorts, Path.of("..", "static"), workDir,
                pollTimeout, NginxConfig.readTimeoutFor(pollTimeout), heartbeat,
                NginxConfig.Limits.of(MAX_WAITING, OpenFileLimit.ofThisProcess()));
        return new TestNginx(Nginx.start(binary, config, Htpasswd.line("admin", TestNginx.PASSWORD)), URI.create("http://127.0.0.1:" + port + "/"));
    }

    Http http() {
        return new Http(url);
    }

    @Override
    public void close() throws InterruptedException {
        nginx.stop();
    }
}
