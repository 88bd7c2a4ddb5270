package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Unit tests of the capped backlog: what it keeps, what it drops, and what since finds. */
class BacklogTest {

    @Test
    @Tag("ex3.1")
    @DisplayName("Exercise 3.1: an empty backlog has nothing newer than anything")
    void startsEmpty() {
        assertThat(new Backlog(20).itemsAfter(0)).as("an empty backlog: nothing, whatever since is").isEmpty();
    }

    @Test
    @Tag("ex3.1")
    @DisplayName("Exercise 3.1: since=0 gives every kept item, oldest first")
    void keepsEveryItemUpToItsCapacityInIdOrder() {
        Backlog backlog = withItems(new Backlog(5), 1, 5);

        assertThat(ids(backlog.itemsAfter(0))).as("since=0: every kept item, oldest first").containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @Tag("ex3.1")
    @DisplayName("Exercise 3.1: once the oldest items are dropped, since=0 starts at the oldest kept")
    void dropsTheOldestItemFirstOnceFull() {
        Backlog backlog = withItems(new Backlog(5), 1, 6);
        assertThat(ids(backlog.itemsAfter(0))).as("item 1 was dropped: the first kept id is 2, not 1")
                .containsExactly(2L, 3L, 4L, 5L, 6L);

        backlog = withItems(backlog, 7, 8);
        assertThat(ids(backlog.itemsAfter(0))).as("items 1 to 3 were dropped: the first kept id is 4")
                .containsExactly(4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        Backlog backlog = withItems(new Backlog(20), 1, 1000);

        assertThat(ids(backlog.itemsAfter(0))).hasSize(20).startsWith(981L).endsWith(1000L);
    }

    @Test
    void addingMakesANewBacklogAndLeavesTheOldOneAsItWas() {
        Backlog before = withItems(new Backlog(2), 1, 2);

        Backlog after = before.with(item(3));

        assertThat(ids(before.itemsAfter(0))).containsExactly(1L, 2L);
        assertThat(ids(after.itemsAfter(0))).containsExactly(2L, 3L);
    }

    /** The backlog holds ids 4 to 8 (capacity 5, ids 1 to 8 published). */
    @ParameterizedTest(name = "since={0} -> {1}")
    @CsvSource({
        "0,                   4 5 6 7 8",  // everything kept
        "2,                   4 5 6 7 8",  // older than the oldest: the client missed 3
        "3,                   4 5 6 7 8",  // oldest - 1
        "4,                   5 6 7 8",    // oldest
        "7,                   8",          // newest - 1
        "8,                   ''",         // newest: caught up
        "9,                   ''",         // newest + 1
        "999999999999999999,  ''",         // far future
    })
    @Tag("ex3.1")
    @DisplayName("Exercise 3.1: the kept items newer than since, from older than the oldest to past the newest")
    void findsTheItemsNewerThanSince(long since, String expected) {
        Backlog backlog = withItems(new Backlog(5), 1, 8);

        List<Long> expectedIds = expected.isBlank() ? List.of()
                : java.util.Arrays.stream(expected.split(" ")).map(Long::valueOf).toList();
        assertThatCode(() -> backlog.itemsAfter(since))
                .as("itemsAfter(" + since + ") must answer, never throw: a since past the newest id gives an empty list")
                .doesNotThrowAnyException();
        assertThat(ids(backlog.itemsAfter(since)))
                .as("the kept items with an id greater than " + since + ", oldest first")
                .containsExactlyElementsOf(expectedIds);
    }

    @Test
    @Tag("ex3.1")
    @DisplayName("Exercise 3.1: a backlog of one")
    void aBacklogOfOneKeepsOnlyTheNewest() {
        Backlog backlog = withItems(new Backlog(1), 1, 3);

        assertThat(ids(backlog.itemsAfter(0))).as("a backlog of one keeps only item 3: since=0").containsExactly(3L);
        assertThat(ids(backlog.itemsAfter(2))).as("since=2").containsExactly(3L);
        assertThat(backlog.itemsAfter(3)).as("since=3, the newest id: nothing newer").isEmpty();
    }

    private static Backlog withItems(Backlog backlog, long firstId, long lastId) {
        for (long id : LongStream.rangeClosed(firstId, lastId).toArray()) {
            backlog = backlog.with(item(id));
        }
        return backlog;
    }

    private static Item item(long id) {
        return new Item(id, 1_700_000_000_000L + id, Map.of("type", "message"));
    }

    private static List<Long> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }
}
