package livefeed;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest items, at most {@code capacity} of them, oldest first. Immutable: adding an item
 * makes a new Backlog, so the feed can hand one to any number of threads without a lock.
 */
final class Backlog {

    private final int capacity;
    private final List<Item> items; // oldest first; their ids are consecutive

    Backlog(int capacity) {
        this(capacity, List.of());
    }

    private Backlog(int capacity, List<Item> items) {
        this.capacity = capacity;
        this.items = items;
    }

    // tag::capped-immutable-backlog[]
    /** This backlog plus the item; the oldest is dropped when that makes one too many. */
    Backlog with(Item item) {
        List<Item> kept = new ArrayList<>(items);
        kept.add(item);
        if (kept.size() > capacity) {
            kept.remove(0);
        }
        return new Backlog(capacity, List.copyOf(kept));
    }

    /** Every kept item whose id is greater than since, oldest first. */
    List<Item> itemsAfter(long since) {
        if (items.isEmpty()) {
            return List.of();
        }
        long skip = since - items.get(0).id() + 1; // ids are consecutive, so no search is needed
        return items.subList((int) Math.min(Math.max(skip, 0), items.size()), items.size());
    }
    // end::capped-immutable-backlog[]
}
