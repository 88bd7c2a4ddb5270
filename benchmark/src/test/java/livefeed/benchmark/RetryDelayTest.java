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
        Matcher ceiling = Pattern.compile("function retryDelay\\(failures\\) \\{\\s*const ceiling = Math\\.min\\(([0-9_]+),"
                + " ([0-9_]+) \\* 2 \\*\\* Math\\.max\\(0, failures - 1\\)\\);\\s*return Math\\.round\\(ceiling"
                + " \\* \\(0\\.5 \\+ Math\\.random\\(\\) / 2\\)\\);").matcher(page);

        assertThat(ceiling.find()).as("%s's retryDelay reads as it did when RetryDelay copied it", FEED_PAGE_JS).isTrue();
        assertThat(Long.parseLong(ceiling.group(1).replace("_", ""))).isEqualTo(RetryDelay.CEILING_MILLIS);
        assertThat(Long.parseLong(ceiling.group(2).replace("_", ""))).isEqualTo(RetryDelay.FIRST_MILLIS);
    }
}
