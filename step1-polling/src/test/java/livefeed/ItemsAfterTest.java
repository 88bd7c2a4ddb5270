package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Feed.itemsAfter on its own, without a server: the items a GET with that since gets. */
class ItemsAfterTest {

    private final Feed feed = new Feed();

    @Test
    @Tag("ex1.1")
    @DisplayName("Exercise 1.1: nothing published, nothing to give")
    void givesNothingBeforeTheFirstPublish() {
        assertThat(feed.itemsAfter(0)).as("nothing published yet").isEmpty();
    }

    @Test
    @Tag("ex1.1")
    @DisplayName("Exercise 1.1: since=0 gives every item, oldest first")
    void givesEveryItemOldestFirstAfterZero() {
        publish(3);

        assertThat(ids(feed.itemsAfter(0))).as("since=0: every item, oldest first").containsExactly(1L, 2L, 3L);
    }

    @Test
    @Tag("ex1.1")
    @DisplayName("Exercise 1.1: only the items whose id is greater than since")
    void givesOnlyTheItemsNewerThanSince() {
        publish(3);

        assertThat(ids(feed.itemsAfter(1))).as("the items with an id greater than 1").containsExactly(2L, 3L);
        assertThat(ids(feed.itemsAfter(2))).as("the items with an id greater than 2").containsExactly(3L);
        assertThat(feed.itemsAfter(3)).as("a since equal to the last id: caught up, nothing newer").isEmpty();
        assertThatCode(() -> feed.itemsAfter(999_999_999_999L))
                .as("a since larger than any id must give an empty list, not an exception:"
                        + " compare it with the number of items before you cut the list (cast to int, it is negative)")
                .doesNotThrowAnyException();
        assertThat(feed.itemsAfter(999_999_999_999L)).as("a since larger than any id gives nothing").isEmpty();
    }

    @Test
    @Tag("ex1.1")
    @DisplayName("Exercise 1.1: the answer is a copy, which a later publish leaves as it was")
    void givesACopyThatALaterPublishDoesNotChange() {
        publish(2);
        List<Item> answer = feed.itemsAfter(0);

        publish(1);

        assertThatCode(() -> ids(answer))
                .as("the answer is read after the lock is released, while others publish: return a copy,"
                        + " not a view of the list (a view breaks when the list grows)")
                .doesNotThrowAnyException();
        assertThat(ids(answer)).as("turned into JSON after the lock is released").containsExactly(1L, 2L);
    }

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            feed.publish(Map.of("type", "message"));
        }
    }

    private static List<Long> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }
}
