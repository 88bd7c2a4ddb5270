package livefeed.client;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait before a retry: doubled for each failure in a row, capped, and shortened at random by up to half. */
class RetryDelayTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(30);

    @Test
    void doublesForEachFailureInARowUpToTheCap() {
        RetryDelay longest = new RetryDelay(SECOND, CAP, () -> 0.999_999);

        assertThat(longest.afterFailures(1)).isEqualTo(Duration.ofMillis(999));
        assertThat(longest.afterFailures(2)).isEqualTo(Duration.ofMillis(1_999));
        assertThat(longest.afterFailures(5)).isEqualTo(Duration.ofMillis(15_999));
        assertThat(longest.afterFailures(6)).as("32 s is over the cap").isEqualTo(Duration.ofMillis(29_999));
        assertThat(longest.afterFailures(1_000)).isEqualTo(Duration.ofMillis(29_999));
    }

    @Test
    void theRandomFactorShortensTheDelayByUpToHalf() {
        assertThat(new RetryDelay(SECOND, CAP, () -> 0.0).afterFailures(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(new RetryDelay(SECOND, CAP, () -> 0.5).afterFailures(3)).isEqualTo(Duration.ofSeconds(3));
    }

    @RepeatedTest(20)
    void eachDelayIsLongerThanTheOneBeforeWhateverTheRandomFactorUntilTheCap() {
        RetryDelay standard = RetryDelay.standard();
        Duration previous = Duration.ZERO;
        for (int failures = 1; failures <= 5; failures++) { // 1 s, 2 s, 4 s, 8 s, 16 s before the factor
            Duration delay = standard.afterFailures(failures);
            assertThat(delay).isGreaterThan(previous);
            previous = delay;
        }
        assertThat(standard.afterFailures(20)).isBetween(CAP.dividedBy(2), CAP.minusMillis(1));
    }
}
