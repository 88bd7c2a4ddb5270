package livefeed.client;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console client follows the feed as the page does: the same timeouts and retry delays, in Java and in JavaScript. */
class SameAsThePageTest {

    private static final Path STATIC = Path.of("..", "static");

    @Test
    void waitsForEachAnswerAsLongAsThePage() throws Exception {
        assertThat(FeedClient.REQUEST_TIMEOUT)
                .as("FeedClient.REQUEST_TIMEOUT and REQUEST_TIMEOUT_MS in cursor-polling.js are one policy: change both")
                .isEqualTo(constant(STATIC.resolve("cursor-polling.js"), "REQUEST_TIMEOUT_MS"));
    }

    @Test
    void retriesAfterTheSameDelaysAsThePage() throws Exception {
        Path page = STATIC.resolve("feed-page.js");

        assertThat(RetryDelay.STANDARD_BASE)
                .as("RetryDelay's base and RETRY_BASE_MS in feed-page.js are one policy: change both")
                .isEqualTo(constant(page, "RETRY_BASE_MS"));
        assertThat(RetryDelay.STANDARD_CAP)
                .as("RetryDelay's cap and RETRY_CAP_MS in feed-page.js are one policy: change both")
                .isEqualTo(constant(page, "RETRY_CAP_MS"));
        assertThat(RetryDelay.standard().base()).isEqualTo(RetryDelay.STANDARD_BASE);
        assertThat(RetryDelay.standard().cap()).isEqualTo(RetryDelay.STANDARD_CAP);
    }

    /** "const NAME = 30_000;" in a script, in milliseconds. */
    private static Duration constant(Path script, String name) throws Exception {
        Matcher value = Pattern.compile("const " + name + " = ([0-9_]+);").matcher(Files.readString(script));
        assertThat(value.find()).as("a line 'const " + name + " = <milliseconds>;' in " + script).isTrue();
        return Duration.ofMillis(Long.parseLong(value.group(1).replace("_", "")));
    }
}
