package livefeed.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long the client waits after failures in a row: the base delay, doubled for each failure
 * after the first, at most the cap, then shortened by a random factor in [0.5, 1).
 * <p>
 * The article retried after a fixed 10 s: after a server restart, every client came back at the
 * same moment, and kept doing so in lockstep. Growing, random delays spread them out.
 * Even so each delay is longer than the one before, until the cap: a delay is below its ceiling C,
 * the next ceiling is 2C, and the next delay at least half of that, C.
 *
 * @param random gives numbers in [0, 1), as Math.random does; tests pass a constant
 */
public record RetryDelay(Duration base, Duration cap, DoubleSupplier random) {

    /** The page's base and cap: RETRY_BASE_MS and RETRY_CAP_MS in feed-page.js (SameAsThePageTest compares them). */
    static final Duration STANDARD_BASE = Duration.ofSeconds(1);
    static final Duration STANDARD_CAP = Duration.ofSeconds(30);

    /** The page's policy: about 1 s, 2 s, 4 s, ... and never more than 30 s. */
    public static RetryDelay standard() {
        return new RetryDelay(STANDARD_BASE, STANDARD_CAP, Math::random);
    }

    Duration afterFailures(int failures) {
        int doublings = Math.min(failures - 1, 30); // the cap is reached long before 2^30
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << doublings);
        double factor = 0.5 + random.getAsDouble() / 2;
        return Duration.ofMillis((long) (ceiling * factor));
    }
}
