package livefeed;

import com.sun.management.UnixOperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The open-file limit (ulimit -n) against --max-waiting. Every waiting poll is a connection, and
 * every connection an open file: the feed server holds one per poll, and nginx, which inherits the
 * same limit, two. The feed server is one process and cannot go past the limit; nginx can, with more
 * workers (NginxConfig.Limits). So when the limit is too low for --max-waiting, the demo waits for
 * fewer polls, answers 503 to the rest, and says at start how to raise the limit, instead of failing
 * with "Too many open files" under load.
 */
final class OpenFileLimit {

    /** Files the feed server's JVM opens besides the polls: its jars and classes, its selector, the pages it reads. */
    static final int JVM_FILES = 100;

    private OpenFileLimit() {
    }

    /**
     * The most files this process may open. At start the JVM raises its own limit to the most it may
     * (the hard limit, on Linux), and nginx, its child, starts with the same. Unknown where the JDK
     * cannot tell (not a Unix): then no limit is assumed.
     */
    static long ofThisProcess() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    }

    /** The most polls the feed server can hold open within the limit: at least one. */
    static int pollsWithin(long limit) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, limit - JVM_FILES));
    }

    /** The --max-waiting this run can keep: the one asked for, or fewer when the limit cannot hold it. */
    static int fit(int maxWaiting, long limit) {
        return Math.min(maxWaiting, pollsWithin(limit));
    }

    /** The limit at which the feed server holds maxWaiting polls and nginx does so with one worker. */
    static long neededFor(int maxWaiting) {
        return Math.max(maxWaiting + JVM_FILES, NginxConfig.Limits.oneWorkerFiles(maxWaiting));
    }

    /** What the demo prints at start when the limit cannot hold maxWaiting polls: what it does, and the fix. */
    static String note(int maxWaiting, long limit) {
        int fits = fit(maxWaiting, limit);
        long needed = neededFor(maxWaiting);
        return "note: the open-file limit (ulimit -n) is " + limit + ", enough for " + fits + " waiting polls, not "
                + maxWaiting + ": this run waits for " + fits + " (--max-waiting " + fits + ") and answers 503 past it."
                + " To hold " + maxWaiting + ", run: ulimit -n " + needed + " (if refused: sudo prlimit --pid $$ --nofile="
                + needed + ") and start again";
    }
}
