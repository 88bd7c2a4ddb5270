package livefeed.benchmark;

import java.util.Random;

/**
 * How long a page waits before it asks again after a failure: static/feed-page.js's retryDelay, 1 s,
 * 2 s, 4 s... up to 30 s, times a random 0.5 to 1 so that pages do not come back all at once.
 * RetryDelayTest checks these numbers against the page's. Seeded, so the delays are the same from
 * run to run; used by the subscribers' one thread only.
 */
final class RetryDelay {

    static final long BASE_MILLIS = 1000; // the page's RETRY_BASE_MS
    static final long CAP_MILLIS = 30_000; // the page's RETRY_CAP_MS

    private final Random random = new Random(1);

    /** The delay after this many failures in a row (1 for the first), in ns. */
    long nanos(int failures) {
        long ceilingMillis = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(failures - 1, 5));
        return Math.round(ceilingMillis * (0.5 + random.nextDouble() / 2)) * 1_000_000;
    }
}
