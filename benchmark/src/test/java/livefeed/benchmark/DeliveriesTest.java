package livefeed.benchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscribers' bookkeeping, without sockets: which subscriber got which item, and how late. */
class DeliveriesTest {

    private static final long PUBLISHED_AT = 1_764_000_000_000L;

    private final Deliveries deliveries = new Deliveries(3, 5); // subscribers 0 to 2, items 1 to 5

    @Test
    void countsEachItemOnceWithItsLatencyAndMovesTheCursor() {
        deliveries.arrived(0, 1, PUBLISHED_AT, PUBLISHED_AT + 7);
        deliveries.arrived(1, 1, PUBLISHED_AT, PUBLISHED_AT + 9);
        deliveries.arrived(0, 2, PUBLISHED_AT + 100, PUBLISHED_AT + 103);

        assertThat(deliveries.delivered()).isEqualTo(3);
        assertThat(deliveries.lastDeliveryMillis()).isEqualTo(PUBLISHED_AT + 103);
        assertThat(deliveries.cursor(0)).isEqualTo(2);
        assertThat(deliveries.cursor(1)).isEqualTo(1);
        assertThat(deliveries.cursor(2)).as("nothing yet: since=0").isZero();
        Stats first = deliveries.latencies(List.of(1L));
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.percentile(0)).isEqualTo(7);
        assertThat(first.percentile(100)).isEqualTo(9);
        assertThat(deliveries.latencies(List.of(1L, 2L)).count()).isEqualTo(3);
    }

    @Test
    void countsAnItemThatArrivesTwiceAsADuplicateNotAsADelivery() {
        deliveries.arrived(0, 1, PUBLISHED_AT, PUBLISHED_AT + 7);
        deliveries.arrived(0, 1, PUBLISHED_AT, PUBLISHED_AT + 50);

        assertThat(deliveries.delivered()).isEqualTo(1);
        assertThat(deliveries.duplicates()).isEqualTo(1);
        assertThat(deliveries.latencies(List.of(1L)).percentile(100)).as("the first arrival's").isEqualTo(7);
    }

    @Test
    void countsAnItemSmallerThanOneAlreadyHadAsOutOfOrder() {
        deliveries.arrived(0, 3, PUBLISHED_AT, PUBLISHED_AT);
        deliveries.arrived(0, 2, PUBLISHED_AT, PUBLISHED_AT);

        assertThat(deliveries.outOfOrder()).isEqualTo(1);
        assertThat(deliveries.delivered()).as("late, but delivered").isEqualTo(2);
        assertThat(deliveries.cursor(0)).isEqualTo(3);
    }

    @Test
    void countsIdsPastTheLastItemAsUnknownAndKeepsNothingOfThem() {
        deliveries.arrived(0, 6, PUBLISHED_AT, PUBLISHED_AT);
        deliveries.arrived(0, 0, PUBLISHED_AT, PUBLISHED_AT);

        assertThat(deliveries.unknownIds()).isEqualTo(2);
        assertThat(deliveries.delivered()).isZero();
        assertThat(deliveries.cursor(0)).isZero();
    }

    @Test
    void countsTheSubscribersThatReachedAnItemThroughALaterOne() {
        deliveries.arrived(0, 3, PUBLISHED_AT, PUBLISHED_AT); // a cursor of 3 covers 1, 2 and 3
        deliveries.arrived(1, 1, PUBLISHED_AT, PUBLISHED_AT);

        assertThat(deliveries.subscribersAt(1)).isEqualTo(2);
        assertThat(deliveries.subscribersAt(2)).isEqualTo(1);
        assertThat(deliveries.subscribersAt(3)).isEqualTo(1);
        assertThat(deliveries.subscribersAt(4)).isZero();
    }

    @Test
    void countsWhatEachSubscriberMissed() {
        deliveries.arrived(0, 1, PUBLISHED_AT, PUBLISHED_AT);
        deliveries.arrived(0, 2, PUBLISHED_AT, PUBLISHED_AT);
        deliveries.arrived(1, 2, PUBLISHED_AT, PUBLISHED_AT);

        assertThat(deliveries.lost(List.of(1L, 2L))).as("subscriber 1 missed 1; subscriber 2 missed both").isEqualTo(3);
        assertThat(deliveries.withNone(List.of(1L, 2L))).as("subscriber 2").isEqualTo(1);
        assertThat(deliveries.withNone(List.of(1L))).as("subscribers 1 and 2").isEqualTo(2);
    }
}
