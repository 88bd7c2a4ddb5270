package livefeed;

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
record RetryDelay(Duration base, Duration cap, DoubleSupplier random) {

    /** The page's policy: about 1 s, 2 s, 4 s, ... and never more than 30 s. */
    static RetryDelay standard() {
        return new RetryDelay(Duration.ofSeconds(1), Duration.ofSeconds(30), Math::random);
    }

    Duration afterFailures(int failures) {
        int doublings = Math.min(failures - 1, 30); // the cap is reached long before 2^30
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << doublings);
        double factor = 0.5 + random.getAsDouble() / 2;
        return Duration.ofMillis((long) (ceiling * factor));
    }
}
