package livefeed.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Nearest-rank percentiles, as the report prints them. */
class StatsTest {

    @Test
    void givesNearestRankPercentilesWhateverTheOrderOfArrival() {
        Stats stats = new Stats();
        for (long value = 100; value >= 1; value--) {
            stats.add(value);
        }

        assertThat(stats.percentile(50)).isEqualTo(50);
        assertThat(stats.percentile(99)).isEqualTo(99);
        assertThat(stats.percentile(100)).isEqualTo(100);
        assertThat(stats.percentile(0)).as("p0 is the smallest value").isEqualTo(1);
    }

    @Test
    void roundsTheRankUpWhenFewValues() {
        Stats stats = new Stats();
        stats.add(7);
        stats.add(3);
        stats.add(5);

        assertThat(stats.percentile(50)).isEqualTo(5);
        assertThat(stats.percentile(99)).as("p99 of three values is the largest").isEqualTo(7);
    }

    @Test
    void growsPastItsFirstArrayAndMerges() {
        Stats first = new Stats();
        Stats second = new Stats();
        for (int i = 0; i < 3000; i++) {
            first.add(1);
            second.add(2);
        }
        first.addAll(second);

        assertThat(first.count()).isEqualTo(6000);
        assertThat(first.percentile(50)).isEqualTo(1);
        assertThat(first.percentile(51)).isEqualTo(2);
    }

    @Test
    void saysMinusOneWhenEmpty() {
        assertThat(new Stats().percentile(50)).isEqualTo(-1);
    }
}
