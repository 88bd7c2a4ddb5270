package livefeed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values that turn nginx.conf.template into nginx's config. Immutable.
 *
 * @param readTimeout how long nginx waits for the feed server's answer: it must outlast the poll timeout
 */
record NginxConfig(String host, int port, int feedPort, Path staticDir, Path workDir,
                   Duration pollTimeout, Duration readTimeout) {

    /** How long the page waits for an answer before it gives up (REQUEST_TIMEOUT_MS in cursor-polling.js, as NginxConfigTest checks). */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(40);

    // tag::read-timeout-arithmetic[]
    /** The timeout arithmetic: poll timeout (30 s) < nginx's read timeout (35 s) < the page's own timeout (40 s). */
    static Duration readTimeoutFor(Duration pollTimeout) {
        // BEGIN SOLUTION ex4.1: nginx waits for the feed server 5 s longer than the poll timeout
        return pollTimeout.plusSeconds(5);
        // END SOLUTION
    }
    // end::read-timeout-arithmetic[]

    /** Refuses a poll timeout that would make nginx, or the page, give up on a quiet feed before the server answers. */
    static void checkTimeouts(Duration pollTimeout) {
        // BEGIN SOLUTION ex4.2: IllegalArgumentException unless the read timeout is under CLIENT_TIMEOUT
        if (readTimeoutFor(pollTimeout).compareTo(CLIENT_TIMEOUT) >= 0) {
            throw new IllegalArgumentException("--poll-timeout must be under " + CLIENT_TIMEOUT.minusSeconds(5).toSeconds()
                    + " s: nginx waits 5 s longer than the feed server, and the page gives up after "
                    + CLIENT_TIMEOUT.toSeconds() + " s");
        }
        // END SOLUTION
    }

    String render() throws IOException {
        Map<String, String> values = Map.of(
                "NGINX_HOST", host,
                "NGINX_PORT", String.valueOf(port),
                "FEED_PORT", String.valueOf(feedPort),
                "STATIC_DIR", staticDir.toAbsolutePath().normalize().toString(),
                "WORK_DIR", workDir.toAbsolutePath().normalize().toString(),
                "POLL_TIMEOUT", seconds(pollTimeout),
                "READ_TIMEOUT", seconds(readTimeout));
        Matcher placeholder = Pattern.compile("\\{\\{([A-Z_]+)}}").matcher(template());
        StringBuilder config = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("nginx.conf.template names an unknown value: " + placeholder.group());
            }
            placeholder.appendReplacement(config, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(config).toString();
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
