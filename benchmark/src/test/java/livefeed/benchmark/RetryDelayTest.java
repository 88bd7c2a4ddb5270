package livefeed.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscribers wait after a failure as the page does: the same doubling, ceiling and jitter. */
class RetryDelayTest {

    private static final Path FEED_PAGE_JS = Path.of("..", "static", "feed-page.js");

    @Test
    void doublesFromHalfASecondToASecondUpToThirtySeconds() {
        RetryDelay delay = new RetryDelay();
        for (int failures = 1; failures <= 10; failures++) {
            long ceilingMillis = Math.min(30_000, 1000L << (failures - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(delay.nanos(failures) / 1_000_000).as("after %d failures", failures)
                        .isBetween(ceilingMillis / 2, ceilingMillis);
            }
        }
    }

    @Test
    void isTheSameFromRunToRun() {
        RetryDelay first = new RetryDelay();
        RetryDelay second = new RetryDelay();
        for (int failures = 1; failures <= 5; failures++) {
            assertThat(first.nanos(failures)).isEqualTo(second.nanos(failures));
        }
    }

    @Test
    void usesThePagesOwnNumbers() throws IOException {
        String page = Files.readString(FEED_PAGE_JS);

        assertThat(constant(page, "RETRY_BASE_MS"))
                .as("RetryDelay.BASE_MILLIS and RETRY_BASE_MS in feed-page.js are one policy: change both")
                .isEqualTo(RetryDelay.BASE_MILLIS);
        assertThat(constant(page, "RETRY_CAP_MS"))
                .as("RetryDelay.CAP_MILLIS and RETRY_CAP_MS in feed-page.js are one policy: change both")
                .isEqualTo(RetryDelay.CAP_MILLIS);
        assertThat(page).as("feed-page.js's retryDelay doubles and jitters as RetryDelay does: change both")
                .contains("Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1))")
                .contains("Math.round(ceiling * (0.5 + Math.random() / 2))");
    }

    /** "const NAME = 30_000;" in the script. */
    private static long constant(String script, String name) {
        Matcher value = Pattern.compile("const " + name + " = ([0-9_]+);").matcher(script);
        assertThat(value.find()).as("a line 'const %s = <milliseconds>;' in %s", name, FEED_PAGE_JS).isTrue();
        return Long.parseLong(value.group(1).replace("_", ""));
    }
}
