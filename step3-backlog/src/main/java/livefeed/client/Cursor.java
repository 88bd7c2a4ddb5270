package livefeed.client;

import java.util.List;
import java.util.Optional;

/**
 * Where the client is in the feed: the largest id it has seen, sent with each request as since.
 * Each answer moves it on, and can tell two things, as the page does: that the server's backlog
 * dropped items before we came back, or that the server restarted (its ids began again at 1).
 * Used by one thread, the client's.
 */
final class Cursor {

    private long lastId; // 0 until the first items: since=0 asks for the whole backlog

    long lastId() {
        return lastId;
    }

    /** Moves past the items, which come in id order; returns a note on what came before them, if any. */
    Optional<String> moveOver(List<FeedItem> items) {
        if (items.isEmpty()) {
            return Optional.empty(); // the server's poll timed out: nothing new, ask again from here
        }
        long previous = lastId;
        long firstId = items.get(0).id();
        lastId = items.get(items.size() - 1).id();
        if (firstId <= previous) {
            // Our cursor is from before a restart: everything received is new, and the cursor starts over.
            return Optional.of("(the server restarted: its ids began again at " + firstId
                    + ", so the cursor goes from " + previous + " to " + lastId + ")");
        }
        long missed = firstId - previous - 1;
        if (previous > 0 && missed > 0) {
            return Optional.of("(" + missed + (missed == 1 ? " item" : " items")
                    + " missed: the server's backlog dropped them before we came back)");
        }
        return Optional.empty(); // since=0 brings the backlog, which may start past 1: nothing was missed then
    }
}
