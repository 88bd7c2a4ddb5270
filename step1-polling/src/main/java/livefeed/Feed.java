package livefeed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every item ever published, in id order. Step 1 keeps them all, so memory grows without end:
 * a flaw that step 3 fixes. Thread-safe: every method holds the lock on this object.
 */
final class Feed {

    // tag::keep-every-item[]
    private final List<Item> items = new ArrayList<>(); // the item with id N is at index N - 1

    synchronized Item publish(Map<String, String> fields) {
        Item item = new Item(items.size() + 1, System.currentTimeMillis(), fields);
        items.add(item);
        return item;
    }

    /** Every item whose id is greater than since, oldest first. */
    synchronized List<Item> itemsAfter(long since) {
        // BEGIN SOLUTION ex1.1: every item with an id greater than since, oldest first, as a copy
        if (since >= items.size()) {
            return List.of();
        }
        return List.copyOf(items.subList((int) since, items.size()));
        // END SOLUTION
    }
    // end::keep-every-item[]
}
