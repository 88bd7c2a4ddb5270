package livefeed;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 4: nginx in front. Starts step 3's feed server on loopback and a real nginx before it:
 * nginx serves the pages itself, forwards the two feed URLs, and asks for a password on the
 * admin side. Run it, open the URL it prints; Ctrl-C stops both.
 */
public final class ProxyDemo {

    static final String USAGE = "options: --nginx-port N (default 8080); --port N, --poll-timeout SECONDS, --backlog N,"
            + " --max-waiting N: passed on to the feed server, which keeps its own defaults for those not given";
    /** The feed server's own options, which the demo passes on as they are. */
    private static final List<String> FEED_SERVER_FLAGS = List.of("--port", "--poll-timeout", "--backlog", "--max-waiting");

    private final FeedServer feedServer;
    private final Nginx nginx;
    private volatile boolean stopping;

    private ProxyDemo(FeedServer feedServer, Nginx nginx) {
        this.feedServer = feedServer;
        this.nginx = nginx;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> flags;
        Settings feedSettings;
        try {
            flags = Flags.parse(args, "--nginx-port", "--port", "--poll-timeout", "--backlog", "--max-waiting");
            feedSettings = Settings.parse(feedServerArgs(flags), Map.of());
            NginxConfig.checkTimeouts(feedSettings.pollTimeout());
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
        Path binary = NginxBinary.find().orElse(null);
        if (binary == null) {
            fail(1, NginxBinary.INSTALL_HINT);
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
        int nginxPort = Flags.number("--nginx-port", flags.getOrDefault("--nginx-port", "8080"));
        try {
            ProxyDemo demo = start(binary, feedSettings, nginxPort, workDir(), password);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::stop));
            System.out.println("Live feed through nginx at http://127.0.0.1:" + nginxPort + "/"
                    + " (admin page: http://127.0.0.1:" + nginxPort + "/admin.html)");
            demo.exitWhenNginxDies();
        } catch (BindException e) {
            fail(1, "port " + feedSettings.port() + " is in use (is another feed server running?): stop it, or pass --port N");
        } catch (IOException e) {
            fail(1, e.getMessage());
        }
    }

    static ProxyDemo start(Path binary, Settings feedSettings, int nginxPort, Path workDir, String password)
            throws IOException, InterruptedException {
        // tag::start-feed-server-then-nginx[]
        FeedServer feedServer = FeedServer.start(feedSettings);
        try {
            NginxConfig config = new NginxConfig("127.0.0.1", nginxPort, feedServer.url().getPort(),
                    feedSettings.staticDir(), workDir, feedSettings.pollTimeout(),
                    NginxConfig.readTimeoutFor(feedSettings.pollTimeout()),
                    NginxConfig.Limits.of(feedSettings.maxWaiting(), OpenFileLimit.ofThisProcess()));
            return new ProxyDemo(feedServer, Nginx.start(binary, config, Htpasswd.line("admin", password)));
        } catch (IOException | RuntimeException e) {
            feedServer.stop(); // nginx did not start: leave nothing running
            throw e;
        }
        // end::start-feed-server-then-nginx[]
    }

    FeedServer feedServer() {
        return feedServer;
    }

    /** The feed server first, so that its last answers ([] to every waiting poll) still go out through nginx. */
    void stop() {
        stopping = true;
        feedServer.stop();
        try {
            nginx.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** If nginx stops on its own (killed, crashed), the demo says so and stops the feed server too. */
    private void exitWhenNginxDies() throws InterruptedException {
        int status = nginx.process().waitFor();
        if (stopping) {
            return;
        }
        if (status != 0) {
            try {
                System.err.println("error: nginx stopped (exit status " + status + "): " + nginx.lastError());
            } catch (IOException e) {
                System.err.println("error: nginx stopped (exit status " + status + ")");
            }
        }
        System.exit(status == 0 ? 0 : 1); // the shutdown hook stops the feed server
    }

    // tag::feed-server-on-loopback-only[]
    /** The feed server listens on loopback only: nginx is the one door to it. Its other settings keep its own defaults. */
    private static String[] feedServerArgs(Map<String, String> flags) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1"));
        for (String flag : FEED_SERVER_FLAGS) {
            if (flags.containsKey(flag)) {
                args.addAll(List.of(flag, flags.get(flag)));
            }
        }
        return args.toArray(String[]::new);
    }
    // end::feed-server-on-loopback-only[]

    /** target/nginx in this module, whether run from the repository root or from the module. */
    private static Path workDir() {
        Path module = Files.isDirectory(Path.of("step4-proxy")) ? Path.of("step4-proxy") : Path.of(".");
        return module.resolve("target").resolve("nginx");
    }

    private static void fail(int status, String message) {
        System.err.println("error: " + message);
        System.exit(status);
    }
}
