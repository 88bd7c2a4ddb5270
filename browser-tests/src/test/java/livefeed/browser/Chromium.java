package livefeed.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Debian's Chromium and its chromedriver: without them the browser tests skip on a learner's machine, and fail in CI (CI set). */
final class Chromium {

    static final String INSTALL_HINT = "sudo apt-get install -y chromium chromium-driver (Debian, Ubuntu)"
            + " or brew install --cask chromium chromedriver (macOS)";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private Chromium() {
    }

    static Path browser() {
        return required("Chromium", "chromium", "chromium-browser");
    }

    static Path driver() {
        return required("chromedriver", "chromedriver");
    }

    private static Path required(String what, String... names) {
        Optional<Path> found = find(names);
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("CI is set, so the browser tests must run, but " + what + " was not found: " + INSTALL_HINT);
            }
            if (System.getProperty("livefeed.groups") != null) { // set by a run by tag: an exercise must not pass by skipping
                fail("-Dgroups=" + System.getProperty("livefeed.groups") + " asks for browser tests, but " + what
                        + " was not found: " + INSTALL_HINT);
            }
            String reason = "skipped: " + what + " not found: " + INSTALL_HINT;
            if (TOLD.compareAndSet(false, true)) {
                System.err.println("Browser tests " + reason); // once on the console; each test's report says it too
            }
            assumeTrue(false, reason);
        }
        return found.get();
    }

    /** The first of these programs on the PATH, or in /usr/bin where Debian puts them. */
    private static Optional<Path> find(String... names) {
        Stream<String> dirs = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(dir -> !dir.isEmpty()),
                Stream.of("/usr/bin"));
        return dirs.flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
