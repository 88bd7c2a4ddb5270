package livefeed;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 6: several feed servers, one feed. Starts a real Redis, --servers feed servers (each a JVM of
 * its own, following the feed in Redis) and nginx in front of them all, with step 4's passwords. Run
 * it, open the URL it prints, kill a feed server with kill -9 and watch the page go on; Ctrl-C stops
 * everything.
 */
public final class ScaleOutDemo {

    static final String USAGE = "options: --servers N (feed servers, default 3), --nginx-port N (default 8080),"
            + " --port N (the first feed server's port, default 8001; the others take the next ones; 0 = any free port),"
            + " --redis-port N (default 6390), --work-dir DIR (Redis's files, nginx's, the logs; default step6-scale-out/target);"
            + " --poll-timeout SECONDS, --backlog N, --max-waiting N, --heartbeat SECONDS: passed on to every feed server,"
            + " which keeps its own defaults for those not given";
    /** The feed servers' own options, which the demo passes on as they are, only when given. */
    private static final List<String> PASSED_ON = List.of("--poll-timeout", "--backlog", "--max-waiting", "--heartbeat");

    private final RedisServer redis;
    private final List<FeedServerProcess> feedServers;
    private final Nginx nginx;
    private final URI url;
    private volatile boolean stopping; // set by the shutdown hook's thread, read by the threads that watch the children

    private ScaleOutDemo(RedisServer redis, List<FeedServerProcess> feedServers, Nginx nginx, URI url) {
        this.redis = redis;
        this.feedServers = feedServers;
        this.nginx = nginx;
        this.url = url;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> flags;
        Settings feedSettings;
        int servers;
        int nginxPort;
        try {
            flags = Flags.parse(args, "--servers", "--nginx-port", "--port", "--redis-port", "--work-dir",
                    "--poll-timeout", "--backlog", "--max-waiting", "--heartbeat");
            feedSettings = Settings.parse(feedServerArgs(flags), Map.of());
            NginxConfig.checkTimeouts(feedSettings.pollTimeout());
            servers = Flags.number("--servers", flags.getOrDefault("--servers", "3"));
            nginxPort = Flags.number("--nginx-port", flags.getOrDefault("--nginx-port", "8080"));
            checkPorts(servers, feedSettings.port(), nginxPort);
        } catch (IllegalArgumentException e) {
            fail(2, e.getMessage() + "\n" + USAGE);
            return;
        }
        // tag::max-waiting-within-open-file-limit[]
        long fileLimit = OpenFileLimit.ofThisProcess();
        int maxWaiting = feedSettings.maxWaiting();
        if (OpenFileLimit.fit(maxWaiting, fileLimit) < maxWaiting) { // else "Too many open files" under load
            System.out.println(OpenFileLimit.note(maxWaiting, fileLimit));
            flags.put("--max-waiting", String.valueOf(OpenFileLimit.fit(maxWaiting, fileLimit)));
            feedSettings = Settings.parse(feedServerArgs(flags), Map.of());
        }
        // end::max-waiting-within-open-file-limit[]
        Path redisBinary = RedisServer.find().orElse(null);
        Path nginxBinary = NginxBinary.find().orElse(null);
        if (redisBinary == null || nginxBinary == null) {
            fail(1, redisBinary == null ? RedisServer.INSTALL_HINT : NginxBinary.INSTALL_HINT);
            return;
        }
        Optional<String> busy = PortsInUse.firstOf(servers, feedSettings.port(), feedSettings.redisPort(), nginxPort);
        if (busy.isPresent()) {
            fail(1, busy.get());
            return;
        }
        // tag::admin-password[]
        String password = System.getenv().getOrDefault("FEED_ADMIN_PASSWORD", "");
        if (password.isEmpty()) {
            password = Htpasswd.newPassword();
            System.out.println("Admin password (user admin), made for this run: " + password
                    + "  (set FEED_ADMIN_PASSWORD to choose it)");
        }
        // end::admin-password[]
        Path workDir = Path.of(flags.getOrDefault("--work-dir", FeedServerProcess.moduleDir().resolve("target").toString()));
        try {
            ScaleOutDemo demo = start(new Plan(redisBinary, nginxBinary, servers, feedSettings, passedOn(flags),
                    nginxPort, workDir, password));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                demo.stop();
                System.out.println("Stopped: the feed servers (their waiting clients answered), nginx, then Redis.");
            }));
            demo.sayWhenAChildStops();
            demo.sayWhenTheFeedGoesOn();
            System.out.println("Live feed through nginx at " + demo.url + " (admin page: " + demo.url + "admin.html)");
            demo.exitWhenNginxDies();
        } catch (IOException e) {
            fail(1, e.getMessage());
        }
    }

    /** What to start, and where. */
    record Plan(Path redisBinary, Path nginxBinary, int servers, Settings feedSettings, List<String> feedServerArgs,
                int nginxPort, Path workDir, String password) {
    }

    // tag::start-redis-then-feed-servers-then-nginx[]
    /** Redis first (the feed servers follow it), then the feed servers side by side, then nginx in front of them. */
    static ScaleOutDemo start(Plan plan) throws IOException, InterruptedException {
        RedisServer redis = RedisServer.start(plan.redisBinary(), plan.feedSettings().redisPort(), plan.workDir().resolve("redis"));
        List<FeedServerProcess> feedServers = new ArrayList<>();
        try {
            for (int i = 0; i < plan.servers(); i++) {
                int port = plan.feedSettings().port() == 0 ? 0 : plan.feedSettings().port() + i;
                feedServers.add(FeedServerProcess.start(port, redis.port(), plan.feedServerArgs(),
                        plan.workDir().resolve("logs").resolve("feed-server-" + (i + 1) + ".log")));
            }
            for (FeedServerProcess feedServer : feedServers) {
                feedServer.awaitStarted();
            }
            Nginx nginx = Nginx.start(plan.nginxBinary(), nginxConfig(plan, feedServers), Htpasswd.line("admin", plan.password()));
            System.out.println("Redis on 127.0.0.1:" + redis.port() + " (its files: " + redis.dir() + "); feed servers on "
                    + feedServers.stream().map(s -> "127.0.0.1:" + s.port()).toList()
                    + " (their logs: " + plan.workDir().resolve("logs").toAbsolutePath().normalize() + ")");
            return new ScaleOutDemo(redis, feedServers, nginx, URI.create("http://127.0.0.1:" + plan.nginxPort() + "/"));
        } catch (IOException | RuntimeException e) {
            FeedServerProcess.stopAll(feedServers); // something did not start: leave nothing running
            redis.stop();
            throw e;
        }
    }
    // end::start-redis-then-feed-servers-then-nginx[]

    private static NginxConfig nginxConfig(Plan plan, List<FeedServerProcess> feedServers) {
        Settings feed = plan.feedSettings();
        int allWaiting = (int) Math.min(Integer.MAX_VALUE, (long) plan.servers() * feed.maxWaiting()); // nginx holds them all
        return new NginxConfig("127.0.0.1", plan.nginxPort(), feedServers.stream().map(FeedServerProcess::port).toList(),
                feed.staticDir(), plan.workDir().resolve("nginx"), feed.pollTimeout(), NginxConfig.readTimeoutFor(feed.pollTimeout()),
                feed.heartbeat(), NginxConfig.Limits.of(allWaiting, OpenFileLimit.ofThisProcess()));
    }

    // tag::stop-in-an-order-that-answers-everyone[]
    /**
     * Ctrl-C. The feed servers first, all at once: each answers its waiting polls with [] and ends its
     * streams. Then nginx, which passes those last answers on before it quits. Redis last: nobody needs
     * it any more, and it syncs its file as it goes.
     */
    void stop() {
        stopping = true;
        try {
            FeedServerProcess.stopAll(feedServers);
            nginx.stop();
            redis.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
    // end::stop-in-an-order-that-answers-everyone[]

    /** Redis keeps the feed on disk: a second run goes on from the first one's ids, and says so. */
    private void sayWhenTheFeedGoesOn() {
        try (RedisFeed feed = new RedisFeed(redis.port(), Integer.MAX_VALUE)) { // every kept item: a backlog's worth
            List<Item> kept = feed.itemsAfter(0);
            if (!kept.isEmpty()) {
                System.out.println("The feed goes on from an earlier run: its newest item is " + kept.get(kept.size() - 1).id()
                        + "; Redis keeps it in " + redis.dir() + " (delete that folder, or mvn clean, for a fresh feed)");
            }
        } catch (RedisUnavailable e) {
            // Redis has just answered its start; if it stopped since, sayWhenAChildStops says so.
        }
    }

    /** A feed server or Redis that stops on its own (kill -9 ...) is worth a line: what happens now. */
    private void sayWhenAChildStops() {
        for (FeedServerProcess feedServer : feedServers) {
            feedServer.process().onExit().thenAccept(process -> sayStopped("the feed server on port " + feedServer.port(),
                    process, "nginx sends its clients to the other feed servers, while any is left; its log: " + feedServer.log().toAbsolutePath().normalize()));
        }
        redis.process().onExit().thenAccept(process -> sayStopped("Redis", process,
                "the feed servers answer 503 to a publish until it runs again on port " + redis.port()));
    }

    private void sayStopped(String what, Process process, String consequence) {
        if (!stopping) {
            System.err.println("warning: " + what + " stopped (exit status " + process.exitValue() + "): " + consequence);
        }
    }

    /** If nginx stops on its own (killed, crashed), the demo says so and stops the rest too. */
    private void exitWhenNginxDies() throws InterruptedException {
        int status = nginx.process().waitFor();
        if (stopping) {
            return;
        }
        try {
            System.err.println("error: nginx stopped (exit status " + status + "): " + nginx.lastError());
        } catch (IOException e) {
            System.err.println("error: nginx stopped (exit status " + status + ")");
        }
        System.exit(1); // the shutdown hook stops the feed servers and Redis
    }

    /** What Settings.parse checks for the feed servers: their loopback host, ports and the options given. */
    private static String[] feedServerArgs(Map<String, String> flags) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1"));
        args.addAll(given(flags, List.of("--port", "--redis-port")));
        args.addAll(passedOn(flags));
        return args.toArray(String[]::new);
    }

    private static List<String> passedOn(Map<String, String> flags) {
        return given(flags, PASSED_ON);
    }

    /** Each of these options that was given, with its value: ["--backlog", "5", ...]. */
    private static List<String> given(Map<String, String> flags, List<String> options) {
        List<String> args = new ArrayList<>();
        for (String option : options) {
            if (flags.containsKey(option)) {
                args.addAll(List.of(option, flags.get(option)));
            }
        }
        return args;
    }

    private static void checkPorts(int servers, int firstPort, int nginxPort) {
        if (servers < 1) {
            throw new IllegalArgumentException("--servers must be at least 1");
        }
        if (firstPort > 0 && firstPort + servers - 1 > 65535) {
            throw new IllegalArgumentException("--port " + firstPort + " leaves no room for " + servers + " feed servers");
        }
        if (nginxPort < 1 || nginxPort > 65535) {
            throw new IllegalArgumentException("--nginx-port must be 1 to 65535, not " + nginxPort);
        }
    }

    private static void fail(int status, String message) {
        System.err.println("error: " + message);
        System.exit(status);
    }
}
