package livefeed.benchmark;

import com.sun.management.UnixOperatingSystemMXBean;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import livefeed.NginxBinary;

/**
 * The benchmark's step 6 rows: one redis-server (append-only, an fsync on every write, a fresh folder
 * under benchmark/target/scale-out/ for each run), N of step 6's feed servers (a JVM each, on a free
 * loopback port, all on that Redis) and nginx in front of them (an upstream over the N, round robin),
 * each a child of this launcher. It prints where Redis and each feed server are, then nginx's URL as
 * the steps' servers print theirs, and stops them all when it is stopped: nginx first, then the feed
 * servers, then Redis. The benchmark counts the children's CPU and memory, not this launcher's. It is
 * the benchmark's own set-up (step 6's demo has its own): what the benchmark needs, and no password.
 * <p>
 * Options: --port N (nginx's, required), --servers N (1), --heartbeat SECONDS (15), --max-subscribers N
 * (10000: each feed server's limit, and nginx's room), --classpath CP (the feed servers': their classes
 * and Jedis's jars, required), --jvm-args "..." (the feed servers' JVM options, none), --nginx no (with
 * one server: no nginx, the subscribers connect to the feed server, as step 5's do).
 */
public final class ScaleOutServer {

    static final String REDIS_INSTALL_HINT = "redis-server is not installed: sudo apt-get install -y redis-server"
            + " (Debian, Ubuntu)";
    private static final List<String> REDIS_PLACES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server");
    private static final Path WORK_DIR = Path.of("benchmark", "target", "scale-out");
    /** What a feed server prints once it listens, and what this launcher prints about each child. */
    private static final Pattern FEED_SERVER_URL = Pattern.compile("Live feed at http://127\\.0\\.0\\.1:([0-9]+)/");
    static final Pattern REDIS_LINE = Pattern.compile("^Redis at 127\\.0\\.0\\.1:([0-9]+)$");
    static final Pattern FEED_SERVER_LINE = Pattern.compile("^Feed server [0-9]+ at 127\\.0\\.0\\.1:([0-9]+)$");
    /** Connections besides the streams (POSTs), and files besides the connections (logs), as step 4 counts them. */
    private static final int SPARE = 100;
    private static final int START_WITHIN_SECONDS = 30;

    private ScaleOutServer() {
    }

    /** The redis-server program: on the PATH, else in a usual place. */
    static Optional<Path> redisServer() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "redis-server"));
        return Stream.concat(onPath, REDIS_PLACES.stream().map(Path::of)).filter(Files::isExecutable).findFirst();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = flags(args);
        Optional<Path> nginx = NginxBinary.find();
        Optional<Path> redis = redisServer();
        boolean withNginx = !flags.getOrDefault("--nginx", "yes").equals("no");
        boolean nginxMissing = withNginx && nginx.isEmpty();
        if (nginxMissing || redis.isEmpty() || !flags.containsKey("--port") || !flags.containsKey("--classpath")) {
            System.err.println("error: " + (nginxMissing ? NginxBinary.INSTALL_HINT : redis.isEmpty() ? REDIS_INSTALL_HINT
                    : "--port N and --classpath CP are required"));
            System.exit(1);
        }
        int servers = Integer.parseInt(flags.getOrDefault("--servers", "1"));
        int heartbeat = Integer.parseInt(flags.getOrDefault("--heartbeat", "15"));
        int maxSubscribers = Integer.parseInt(flags.getOrDefault("--max-subscribers", "10000"));
        Path work = WORK_DIR.toAbsolutePath();
        deleteRecursively(work); // a fresh Redis for each run: no item of an earlier run, ids from 1
        Files.createDirectories(work);

        Children children = new Children();
        Runtime.getRuntime().addShutdownHook(new Thread(children::stop));
        int redisPort = Step.freePort();
        children.redis = startRedis(redis.get(), redisPort, work.resolve("redis"));
        System.out.println("Redis at 127.0.0.1:" + redisPort);
        List<Integer> feedPorts = startFeedServers(children, servers, flags.get("--classpath"),
                flags.getOrDefault("--jvm-args", "").strip(), List.of("--redis-port", String.valueOf(redisPort),
                        "--heartbeat", String.valueOf(heartbeat), "--max-subscribers", String.valueOf(maxSubscribers)), work);
        if (!withNginx && servers == 1) { // step 5's set-up, on Redis
            System.out.println("Live feed at http://127.0.0.1:" + feedPorts.get(0) + "/ (one feed server, no nginx,"
                    + " Redis on port " + redisPort + ")");
            System.exit(children.feedServers.get(0).waitFor() == 0 ? 0 : 1);
        }
        int port = Integer.parseInt(flags.get("--port"));
        children.nginx = NginxChild.start(nginx.get(), work, config(work, port, feedPorts, heartbeat,
                Limits.of(maxSubscribers, openFileLimit())));
        System.out.println("Live feed at http://127.0.0.1:" + port + "/ (nginx over " + servers + " feed server"
                + (servers == 1 ? "" : "s") + ", Redis on port " + redisPort + ")");
        System.exit(children.nginx.waitFor() == 0 ? 0 : 1);
    }

    /**
     * The feed servers, all started at once (each JVM starts while the others do), on free ports:
     * returns the ports they print, in order, once each listens.
     */
    private static List<Integer> startFeedServers(Children children, int servers, String classpath, String jvmArgs,
                                                  List<String> settings, Path work) throws Exception {
        List<CompletableFuture<Integer>> ports = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (!jvmArgs.isEmpty()) {
                command.addAll(List.of(jvmArgs.split("\\s+")));
            }
            command.addAll(List.of("-cp", classpath, "livefeed.FeedServer", "--port", "0", "--static", "static"));
            command.addAll(settings);
            Process feedServer = new ProcessBuilder(command).redirectError(work.resolve("feed-server-" + i + ".log").toFile())
                    .start();
            children.feedServers.add(feedServer);
            ports.add(portPrinted(feedServer));
        }
        List<Integer> feedPorts = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            feedPorts.add(ports.get(i).get(START_WITHIN_SECONDS, TimeUnit.SECONDS));
            System.out.println("Feed server " + (i + 1) + " at 127.0.0.1:" + feedPorts.get(i));
        }
        return feedPorts;
    }

    /**
     * nginx's workers and their limits, as step 4 counts them: a stream holds two connections in nginx
     * (the subscriber's and nginx's own to a feed server), a connection is a file; one worker unless one
     * process may not open that many files, then several, each with its own listening socket (reuseport).
     */
    record Limits(long workers, long workerConnections, long workerOpenFiles) {
        static Limits of(int maxStreams, long openFileLimit) {
            long connections = 2L * maxStreams + SPARE;
            if (connections + SPARE <= openFileLimit) {
                return new Limits(1, connections, connections + SPARE);
            }
            long streamsEach = Math.max(1, (openFileLimit - 2 * SPARE) / 2);
            long workers = (maxStreams + streamsEach - 1) / streamsEach;
            return new Limits(workers, 2 * streamsEach + SPARE, 2 * streamsEach + 2 * SPARE);
        }
    }

    /** nginx in front of the feed servers: the stream and the publish go to any of them, round robin. */
    static String config(Path workDir, int port, List<Integer> feedPorts, int heartbeatSeconds, Limits limits) {
        String work = workDir.toString();
        List<String> lines = new ArrayList<>(List.of(
                "daemon off;                       # a child of ScaleOutServer, which stops it",
                "worker_processes " + limits.workers() + ";               # more than one only when one may not open"
                        + " enough files",
                "worker_rlimit_nofile " + limits.workerOpenFiles() + ";",
                "pid " + work + "/nginx.pid;",
                "error_log " + work + "/error.log warn;",
                "events {",
                "    worker_connections " + limits.workerConnections() + ";  # two per stream, and the POSTs",
                "}",
                "http {",
                "    access_log off;"));
        lines.addAll(NginxChild.tempPaths(workDir));
        lines.add("    upstream feed_servers {          # round robin: each new stream to the next feed server");
        feedPorts.forEach(feedPort -> lines.add("        server 127.0.0.1:" + feedPort + ";"));
        lines.addAll(List.of(
                "        keepalive 16;                # for the POSTs: a stream holds its own connection",
                "    }",
                "    server {",
                "        listen 127.0.0.1:" + port + " backlog=4096" + (limits.workers() > 1 ? " reuseport" : "")
                        + ";  # as the JDK servers' accept backlog",
                "        proxy_http_version 1.1;      # keep-alive, and a chunked answer that never ends",
                "        proxy_set_header Connection \"\";",
                "        proxy_buffering off;         # each event goes on at once",
                "        proxy_request_buffering off;",
                "        location = /feed_events {",
                "            proxy_pass http://feed_servers;",
                "            proxy_read_timeout " + (heartbeatSeconds + 10) + "s;  # longer than the heartbeat",
                "        }",
                "        location = /send_feed_item {",
                "            proxy_pass http://feed_servers;  # a POST is never sent to a second server (nginx's default)",
                "        }",
                "    }",
                "}",
                ""));
        return String.join("\n", lines);
    }

    /** The most files this process, and so each child, may open: the JVM raised its soft limit to the hard one. */
    private static long openFileLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    }

    /** redis-server as step 6 runs it (RedisServer there): every write on disk before Redis answers it. */
    private static Process startRedis(Path binary, int port, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process redis = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                "--daemonize", "no", "--logfile", dir.resolve("redis.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!RedisCommand.answers(port)) {
            if (!redis.isAlive() || System.nanoTime() > deadline) {
                redis.destroyForcibly();
                throw new IOException("redis-server did not start: see " + dir.resolve("redis.log"));
            }
            redis.waitFor(50, TimeUnit.MILLISECONDS);
        }
        return redis;
    }

    /** The port a feed server prints once it listens; its output is read to the end, so a full pipe never blocks it. */
    private static CompletableFuture<Integer> portPrinted(Process process) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = process.inputReader()) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = FEED_SERVER_URL.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // the feed server is gone: said below
            }
            port.completeExceptionally(new IOException("a feed server stopped without printing its URL: see "
                    + WORK_DIR.resolve("feed-server-*.log")));
        }, "feed-server-output");
        reader.setDaemon(true);
        reader.start();
        return port;
    }

    /** The children, stopped in the order that answers every client: nginx, the feed servers, then Redis. */
    private static final class Children {
        volatile Process nginx;
        final List<Process> feedServers = new CopyOnWriteArrayList<>();
        volatile Process redis;

        void stop() {
            if (nginx != null) {
                NginxChild.stop(nginx);
            }
            stop(feedServers);
            stop(redis == null ? List.of() : List.of(redis));
        }

        /** SIGTERM to each, then SIGKILL to any still there after 2 s: the benchmark gives the launcher 5 s in all. */
        private static void stop(List<Process> processes) {
            processes.forEach(Process::destroy);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            for (Process process : processes) {
                try {
                    if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i], args[i + 1]);
        }
        return flags;
    }
}
