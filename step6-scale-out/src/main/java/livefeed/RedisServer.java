package livefeed;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real redis-server, run as a child process in a folder of its own: it needs no root and touches no
 * system file or service. Every write is on disk before Redis answers it (an append-only file with an
 * fsync on every write), so an item that got its 200 survives Redis being killed. Immutable: any
 * thread may stop it.
 */
final class RedisServer {

    static final String INSTALL_HINT = "redis-server is not installed: sudo apt-get install -y redis-server (Debian, Ubuntu)"
            + " or brew install redis (macOS)";
    /** XADD with an id "0-*" (RedisFeed) came in Redis 7. */
    static final int OLDEST_MAJOR_VERSION = 7;
    private static final List<String> USUAL_PLACES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server",
            "/opt/homebrew/bin/redis-server");
    private static final long START_WITHIN_SECONDS = 10;

    private final Process process;
    private final int port;
    private final Path dir;

    private RedisServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** The redis-server program: the first on the PATH, else the first in a usual place; empty when there is none. */
    static Optional<Path> find() {
        Stream<String> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> folder + "/redis-server");
        return Stream.concat(onPath, USUAL_PLACES.stream()).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    // tag::redis-as-a-child[]
    /** Starts Redis on 127.0.0.1:port with its files in dir (what is there already is loaded), and waits until it answers. */
    static RedisServer start(Path binary, int port, Path dir) throws IOException, InterruptedException {
        Path folder = dir.toAbsolutePath().normalize();
        Files.createDirectories(folder);
        Process process = new ProcessBuilder(binary.toString(),
                "--port", String.valueOf(port),
                "--bind", "127.0.0.1",
                "--dir", folder.toString(),
                "--appendonly", "yes",        // every write goes to an append-only file ...
                "--appendfsync", "always",    // ... and is on disk before Redis answers it
                "--save", "",                 // no snapshots besides: the append-only file is the one copy
                "--daemonize", "no",          // our child: it stops when we stop it
                "--logfile", folder.resolve("redis.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("redis.out").toFile())
                .start();
        RedisServer redis = new RedisServer(process, port, folder);
        redis.awaitAnswers();
        redis.requireVersion();
        return redis;
    }
    // end::redis-as-a-child[]

    /** An older Redis would refuse every publish ("Invalid stream ID"): say so once, at start. */
    private void requireVersion() throws IOException, InterruptedException {
        String version;
        try (Jedis jedis = connect()) {
            version = jedis.info("server").lines().filter(line -> line.startsWith("redis_version:"))
                    .map(line -> line.substring("redis_version:".length()).strip()).findFirst().orElse("0");
        }
        if (Integer.parseInt(version.replaceFirst("\\..*", "")) < OLDEST_MAJOR_VERSION) {
            stop();
            throw new IOException("redis-server " + version + " is too old: step 6 needs Redis " + OLDEST_MAJOR_VERSION
                    + " or later (XADD with an id 0-*): Debian 12 and Ubuntu 24.04 have it (apt-get install -y redis-server),"
                    + " or brew install redis (macOS)");
        }
    }

    /** Redis answers PING once it listens and has loaded its file. If it exits first, its log says why. */
    private void awaitAnswers() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_WITHIN_SECONDS);
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IOException("redis-server could not start: " + lastLogLine());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IOException("redis-server did not answer within " + START_WITHIN_SECONDS + " s: " + lastLogLine());
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    private boolean answers() {
        try (Jedis jedis = connect()) {
            return jedis.ping().equals("PONG");
        } catch (JedisException notYet) {
            return false;
        }
    }

    /** A short-lived connection for the checks at start, with the feed servers' own settings (RedisFeed.config). */
    private Jedis connect() {
        return new Jedis("127.0.0.1", port, RedisFeed.config(Duration.ofMillis(500)));
    }

    /** Such as "Could not create server TCP listening socket 127.0.0.1:6390: bind: Address already in use". */
    String lastLogLine() throws IOException {
        Path log = dir.resolve("redis.log");
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return lines.isEmpty() ? "(nothing in " + log + ")" : lines.get(lines.size() - 1).replaceFirst("^\\d+:\\w \\S+ \\S+ \\S+ \\S+ [.\\-*#] ", "");
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    Process process() {
        return process;
    }

    /** SIGTERM: Redis finishes the command in hand, syncs its file and exits. Killed after 5 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGKILL: what a crash looks like. What Redis answered before is on disk all the same. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
