package livefeed;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the server starts: each setting comes from its --flag, else its FEED_* environment
 * variable, else its default. Immutable.
 */
record Settings(String host, int port, Path staticDir, Duration pollTimeout, int backlog, int maxWaiting,
        Duration heartbeat, int maxSubscribers, int redisPort) {

    static final String USAGE = "options: --host H (default 127.0.0.1), --port N (default 8001, 0 = any free port),"
            + " --static DIR (default ./static or ../static), --poll-timeout SECONDS (default 30),"
            + " --backlog N (items kept, default 20), --max-waiting N (parked polls, default 10000),"
            + " --heartbeat SECONDS (default 15), --max-subscribers N (open event streams, default 10000),"
            + " --redis-port N (Redis on 127.0.0.1, default 6390)";

    static Settings parse(String[] args, Map<String, String> env) {
        Map<String, String> flags = Flags.parse(args, "--host", "--port", "--static", "--poll-timeout",
                "--backlog", "--max-waiting", "--heartbeat", "--max-subscribers", "--redis-port");
        String host = flags.getOrDefault("--host", env.getOrDefault("FEED_HOST", "127.0.0.1"));
        int port = portNumber("--port", flags.getOrDefault("--port", env.getOrDefault("FEED_PORT", "8001")));
        Path staticDir = flags.containsKey("--static") ? Path.of(flags.get("--static")) : findStaticDir();
        if (!Files.isDirectory(staticDir)) {
            throw new IllegalArgumentException("no static/ folder at " + staticDir.toAbsolutePath()
                    + ": run from the repository root, or pass --static DIR");
        }
        Duration pollTimeout = seconds("--poll-timeout", flags.getOrDefault("--poll-timeout", "30"));
        int backlog = atLeastOne("--backlog", flags.getOrDefault("--backlog", "20"));
        int maxWaiting = atLeastOne("--max-waiting", flags.getOrDefault("--max-waiting", "10000"));
        Duration heartbeat = seconds("--heartbeat", flags.getOrDefault("--heartbeat", "15"));
        int maxSubscribers = atLeastOne("--max-subscribers", flags.getOrDefault("--max-subscribers", "10000"));
        int redisPort = portNumber("--redis-port", flags.getOrDefault("--redis-port", env.getOrDefault("FEED_REDIS_PORT", "6390")));
        return new Settings(host, port, staticDir, pollTimeout, backlog, maxWaiting, heartbeat, maxSubscribers, redisPort);
    }

    private static int portNumber(String flag, String value) {
        int port = Flags.number(flag, value);
        if (port > 65535) {
            throw new IllegalArgumentException(flag + " must be 0 to 65535, not " + port);
        }
        return port;
    }

    private static int atLeastOne(String flag, String value) {
        int number = Flags.number(flag, value);
        if (number < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1");
        }
        return number;
    }

    /** "30" or "0.5": tests use a short timeout. */
    private static Duration seconds(String flag, String value) {
        if (!value.matches("[0-9]{1,6}(\\.[0-9]{1,3})?") || new BigDecimal(value).signum() == 0) {
            throw new IllegalArgumentException(flag + " must be a number of seconds above 0, such as 30 or 0.5, not '" + value + "'");
        }
        return Duration.ofMillis(new BigDecimal(value).movePointRight(3).longValueExact());
    }

    /** static/ sits at the repository root: Maven runs tests in the module folder, one level down. */
    private static Path findStaticDir() {
        Path here = Path.of("static");
        return Files.isDirectory(here) ? here : Path.of("..", "static");
    }
}
