package livefeed;

import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real redis-server for the tests, as a child process on a free port with its own folder under
 * target/. Without redis-server installed the tests are skipped with the install line, but fail when
 * CI is set: CI must run them.
 */
final class TestRedis {

    private static TestRedis shared;

    private final RedisServer server;

    private TestRedis(RedisServer server) {
        this.server = server;
    }

    /** A new Redis with an empty folder: each call, its own. Stop or kill it in the test. */
    static RedisServer startNew() {
        Path binary = RedisRequired.binary();
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "redis-");
            return RedisServer.start(binary, freePort(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One Redis for all the tests of this JVM that need an empty feed and nothing more: emptied by each call. */
    static synchronized int emptied() {
        if (shared == null || !shared.server.process().isAlive()) {
            shared = new TestRedis(startNew());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.server.process().destroyForcibly()));
        }
        try (Jedis jedis = new Jedis("127.0.0.1", shared.server.port())) {
            jedis.flushAll(); // the stream is gone: ids begin again at 1, as for a new feed
        }
        return shared.server.port();
    }

    /** Settings.parse, on an empty feed in the shared Redis: for a test that starts its own feed server. */
    static Settings settings(String[] args, Map<String, String> env) {
        String[] withRedis = Stream.concat(Stream.of(args), Stream.of("--redis-port", String.valueOf(emptied())))
                .toArray(String[]::new);
        return Settings.parse(withRedis, env);
    }

    /**
     * A port free now. Redis cannot pick one itself (port 0 means no TCP at all), so another process could
     * take it before Redis binds it; RedisServer.start then fails with Redis's own "Address already in use".
     */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Skips, or fails under CI, without redis-server. */
    static final class RedisRequired {

        private RedisRequired() {
        }

        static Path binary() {
            Path binary = RedisServer.find().orElse(null);
            if (binary == null) {
                String message = RedisServer.INSTALL_HINT;
                if (System.getenv("CI") != null) {
                    throw new IllegalStateException(message + " (CI is set: these tests must run)");
                }
                Assumptions.abort(message);
            }
            return binary;
        }
    }
}
