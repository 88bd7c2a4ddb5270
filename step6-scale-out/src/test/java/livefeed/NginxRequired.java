package livefeed;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * For tests that need the real nginx: on a learner's machine they skip without it; in CI (CI set)
 * they fail. The same file in step 4 and in browser-tests (public for those, in livefeed.browser).
 */
public final class NginxRequired {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private NginxRequired() {
    }

    /** The nginx program, or the test ends here: skipped, or failed when CI is set. */
    public static Path binary() {
        Path nginx = NginxBinary.find().orElse(null);
        if (nginx == null) {
            if (System.getenv("CI") != null) {
                fail("CI is set, so the tests that need nginx must run, but " + NginxBinary.INSTALL_HINT);
            }
            if (System.getProperty("livefeed.groups") != null) { // set by a run by tag: an exercise must not pass by skipping
                fail("-Dgroups=" + System.getProperty("livefeed.groups") + " asks for tests that need nginx: "
                        + NginxBinary.INSTALL_HINT);
            }
            String reason = "skipped: " + NginxBinary.INSTALL_HINT;
            if (TOLD.compareAndSet(false, true)) {
                System.err.println("The tests that need nginx are " + reason); // once on the console; each test's report says it too
            }
            assumeTrue(false, reason);
        }
        return nginx;
    }
}
