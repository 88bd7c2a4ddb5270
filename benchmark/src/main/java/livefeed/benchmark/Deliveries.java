package livefeed.benchmark;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Which subscriber got which item, and when: the bookkeeping of the subscribers, without sockets.
 * Items have the ids 1 to lastId (the server is fresh). Written by the subscribers' one thread; the
 * main thread reads delivered, lastDeliveryMillis and subscribersAt while it runs (volatile and
 * atomic), and the rest after that thread has stopped.
 */
final class Deliveries {

    private final int lastId;
    private final BitSet[] seen; // seen[subscriber].get(id)
    private final long[] cursors; // the largest id each subscriber has
    private final Stats[] latencyById; // ms from an item's timestamp to its first arrival, all subscribers
    private final AtomicIntegerArray subscribersAt; // [id]: how many subscribers have a cursor >= id
    private volatile long delivered;
    private volatile long lastDeliveryMillis;
    private int duplicates;
    private int outOfOrder;
    private int unknownIds;

    Deliveries(int subscribers, int lastId) {
        this.lastId = lastId;
        this.seen = new BitSet[subscribers];
        Arrays.setAll(seen, s -> new BitSet());
        this.cursors = new long[subscribers];
        this.latencyById = new Stats[lastId + 1];
        Arrays.setAll(latencyById, id -> new Stats());
        this.subscribersAt = new AtomicIntegerArray(lastId + 1);
    }

    /** An item arrived at a subscriber (numbered from 0). */
    void arrived(int subscriber, long id, long timestampMillis, long arrivalMillis) {
        if (id < 1 || id > lastId) {
            unknownIds++;
            return;
        }
        if (seen[subscriber].get((int) id)) {
            duplicates++;
            return;
        }
        if (id < cursors[subscriber]) {
            outOfOrder++;
        }
        seen[subscriber].set((int) id);
        delivered++; // one writer: safe
        lastDeliveryMillis = arrivalMillis;
        latencyById[(int) id].add(arrivalMillis - timestampMillis);
        for (long reached = cursors[subscriber] + 1; reached <= id; reached++) {
            subscribersAt.incrementAndGet((int) reached);
        }
        cursors[subscriber] = Math.max(cursors[subscriber], id);
    }

    /** The largest id this subscriber has, 0 before any: what a page sends as since=. */
    long cursor(int subscriber) {
        return cursors[subscriber];
    }

    /** How many subscribers have this item or a later one. Safe from any thread. */
    int subscribersAt(long id) {
        return subscribersAt.get((int) id);
    }

    /** Items delivered, all subscribers together, first arrivals only. Safe from any thread. */
    long delivered() {
        return delivered;
    }

    /** When the last item arrived. Safe from any thread. */
    long lastDeliveryMillis() {
        return lastDeliveryMillis;
    }

    /** Arrivals of an item a subscriber already had. */
    int duplicates() {
        return duplicates;
    }

    /** Arrivals of an item smaller than one the subscriber already had. */
    int outOfOrder() {
        return outOfOrder;
    }

    /** Ids past the last item the benchmark published: a POST it counted as failed went through. */
    int unknownIds() {
        return unknownIds;
    }

    /** The latencies of these items, all subscribers together, in ms. */
    Stats latencies(List<Long> ids) {
        Stats all = new Stats();
        ids.forEach(id -> all.addAll(latencyById[id.intValue()]));
        return all;
    }

    /** How many (subscriber, item) pairs never arrived. */
    long lost(List<Long> ids) {
        return Arrays.stream(seen).mapToLong(s -> ids.stream().filter(id -> !s.get(id.intValue())).count()).sum();
    }

    /** How many subscribers got none of these items. */
    long withNone(List<Long> ids) {
        return Arrays.stream(seen).filter(s -> ids.stream().noneMatch(id -> s.get(id.intValue()))).count();
    }
}
