package livefeed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The values that turn nginx.conf.template into nginx's config: step 4's, with several feed servers
 * and step 5's stream. Immutable.
 *
 * @param feedPorts   the feed servers' ports on loopback, in the order nginx tries them
 * @param readTimeout how long nginx waits for a feed server's answer: it must outlast the poll timeout
 * @param heartbeat   how often a quiet stream gets a heartbeat: nginx must wait longer than that
 * @param limits      how many connections and files nginx may open, from the feed servers' --max-waiting
 */
record NginxConfig(String host, int port, List<Integer> feedPorts, Path staticDir, Path workDir,
                   Duration pollTimeout, Duration readTimeout, Duration heartbeat, Limits limits) {

    /** After one failed try nginx leaves a feed server alone this long, then tries it again. */
    static final Duration FAIL_TIMEOUT = Duration.ofSeconds(2);

    NginxConfig {
        feedPorts = List.copyOf(feedPorts);
    }

    /** How long the page waits for an answer before it gives up (REQUEST_TIMEOUT_MS in cursor-polling.js, as NginxConfigTest checks). */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(40);

    // tag::read-timeout-arithmetic[]
    /** The timeout arithmetic: poll timeout (30 s) < nginx's read timeout (35 s) < the page's own timeout (40 s). */
    static Duration readTimeoutFor(Duration pollTimeout) {
        return pollTimeout.plusSeconds(5);
    }
    // end::read-timeout-arithmetic[]

    /** The same arithmetic for a stream: a heartbeat every 15 s, and nginx waits 20 s before it calls the stream dead. */
    static Duration streamReadTimeoutFor(Duration heartbeat) {
        return heartbeat.plusSeconds(5);
    }

    /** Refuses a poll timeout that would make nginx, or the page, give up on a quiet feed before the server answers. */
    static void checkTimeouts(Duration pollTimeout) {
        if (readTimeoutFor(pollTimeout).compareTo(CLIENT_TIMEOUT) >= 0) {
            throw new IllegalArgumentException("--poll-timeout must be under " + CLIENT_TIMEOUT.minusSeconds(5).toSeconds()
                    + " s: nginx waits 5 s longer than the feed server, and the page gives up after "
                    + CLIENT_TIMEOUT.toSeconds() + " s");
        }
    }

    /**
     * nginx's limits, from the feed server's --max-waiting and the open-file limit nginx inherits
     * (OpenFileLimit). A waiting poll holds two connections in nginx, the browser's and nginx's own to
     * the feed server, and every connection is an open file.
     *
     * @param workers           worker processes: one, unless one process may not open enough files
     * @param workerConnections connections each worker may hold: two per waiting poll, and SPARE more
     * @param workerOpenFiles   files each worker may open: its connections, a page file on each spare one, its logs
     * @param keepalive         idle connections to the feed server each worker keeps: after a publish, all its
     *                          polls are answered at once, and each connection is reused for the next poll
     */
    record Limits(long workers, long workerConnections, long workerOpenFiles, long keepalive) {

        /** Connections beyond the polls: browsers loading the pages and scripts, the admin publishing. */
        static final int SPARE = 100;

        // tag::limits-from-max-waiting[]
        static Limits of(int maxWaiting, long openFileLimit) {
            long connections = 2L * maxWaiting + SPARE; // two per waiting poll, and the spare ones
            long files = connections + SPARE;           // one per connection, and a page file on each spare one
            if (files <= openFileLimit) {
                return new Limits(1, connections, files, maxWaiting);
            }
            // One process may not open that many files: several workers share the polls, each within the limit.
            long pollsEach = Math.max(1, (openFileLimit - 2 * SPARE) / 2);
            long workers = (maxWaiting + pollsEach - 1) / pollsEach;
            return new Limits(workers, 2 * pollsEach + SPARE, 2 * pollsEach + 2 * SPARE, pollsEach);
        }
        // end::limits-from-max-waiting[]

        /** The files one worker needs to hold every waiting poll alone. */
        static long oneWorkerFiles(int maxWaiting) {
            return 2L * maxWaiting + 2 * SPARE;
        }
    }

    String render() throws IOException {
        Map<String, String> values = Map.of(
                "NGINX_HOST", host,
                "NGINX_PORT", String.valueOf(port),
                "FEED_SERVERS", serverLines(),
                "STATIC_DIR", staticDir.toAbsolutePath().normalize().toString(),
                "WORK_DIR", workDir.toAbsolutePath().normalize().toString(),
                "POLL_TIMEOUT", seconds(pollTimeout),
                "READ_TIMEOUT", seconds(readTimeout),
                "HEARTBEAT", seconds(heartbeat),
                "STREAM_READ_TIMEOUT", seconds(streamReadTimeoutFor(heartbeat)),
                "CLIENT_SCRIPT", FeedServer.CLIENT_SCRIPT);
        Map<String, String> limitValues = Map.of(
                "WORKERS", String.valueOf(limits.workers()),
                "WORKER_CONNECTIONS", String.valueOf(limits.workerConnections()),
                "WORKER_OPEN_FILES", String.valueOf(limits.workerOpenFiles()),
                "UPSTREAM_KEEPALIVE", String.valueOf(limits.keepalive()),
                // Several workers must share the crowd evenly, each within its open-file limit: each gets its own
                // listening socket and the kernel spreads new connections among them (nginx alone lets one worker
                // take most of them). Not with one worker: another nginx could then bind the same port unnoticed.
                "SPREAD", limits.workers() > 1 ? " reuseport" : "");
        Matcher placeholder = Pattern.compile("\\{\\{([A-Z_]+)}}").matcher(template());
        StringBuilder config = new StringBuilder();
        while (placeholder.find()) {
            String value = values.getOrDefault(placeholder.group(1), limitValues.get(placeholder.group(1)));
            if (value == null) {
                throw new IllegalStateException("nginx.conf.template names an unknown value: " + placeholder.group());
            }
            placeholder.appendReplacement(config, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(config).toString();
    }

    /** The upstream's servers, one line each: "server 127.0.0.1:8001 max_fails=1 fail_timeout=2s;". */
    private String serverLines() {
        return feedPorts.stream()
                .map(feedPort -> "server 127.0.0.1:" + feedPort + " max_fails=1 fail_timeout=" + seconds(FAIL_TIMEOUT) + ";")
                .collect(Collectors.joining("\n        "));
    }

    /** "35s", or "500ms": nginx's own way to write a time; a test may shorten the timeouts below a second. */
    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static String template() throws IOException {
        try (InputStream in = NginxConfig.class.getResourceAsStream("/nginx.conf.template")) {
            if (in == null) {
                throw new IOException("nginx.conf.template is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
