package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The long-poll feed with a backlog: a GET is answered at once with the kept items newer than its
 * cursor, or parked until the next item is published. Nothing is lost between two polls.
 * Thread-safe: lastId, backlog and waiting are guarded by the lock on this object, and the polls
 * are answered outside the lock, each on a worker, so a slow client delays nobody else.
 */
final class Feed {

    private final Duration pollTimeout;
    private final int maxWaiting;
    private final ScheduledExecutorService workers;
    private long lastId;
    private Backlog backlog;
    private Set<LongPoll> waiting = new LinkedHashSet<>();

    Feed(Duration pollTimeout, int backlogSize, int maxWaiting, ScheduledExecutorService workers) {
        this.pollTimeout = pollTimeout;
        this.maxWaiting = maxWaiting;
        this.workers = workers;
        this.backlog = new Backlog(backlogSize);
    }

    // tag::publish-into-the-backlog[]
    Item publish(Map<String, String> fields) {
        Item item;
        Backlog kept;
        Set<LongPoll> parked;
        synchronized (this) {
            item = new Item(++lastId, System.currentTimeMillis(), fields);
            backlog = backlog.with(item);
            kept = backlog;
            parked = waiting;
            waiting = new LinkedHashSet<>();
        }
        for (LongPoll poll : parked) {
            workers.execute(() -> poll.answer(kept));
        }
        return item;
    }
    // end::publish-into-the-backlog[]

    /**
     * Answers at once when the backlog has items newer than since, else parks the poll. The check
     * and the parking happen under the same lock as publish: a publish cannot slip in between
     * them, so no poll can park just after the item it waits for went by (a lost wake-up).
     *
     * @return false when too many polls are waiting already
     */
    // tag::check-and-park-under-one-lock[]
    boolean poll(HttpExchange exchange, OptionalLong requested) {
        // BEGIN SOLUTION ex3.2: in one synchronized block: the cursor, the newer items, else park; answer outside it
        LongPoll poll;
        List<Item> newer;
        synchronized (this) {
            long since = cursor(requested);
            poll = new LongPoll(exchange, since);
            newer = backlog.itemsAfter(since);
            if (newer.isEmpty()) {
                if (waiting.size() >= maxWaiting) {
                    return false;
                }
                waiting.add(poll);
            }
        }
        if (newer.isEmpty()) {
            poll.expireWith(workers.schedule(() -> expire(poll), pollTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } else {
            poll.answer(newer); // outside the lock: a slow client must not hold up the publishers
        }
        return true;
        // END SOLUTION
    }
    // end::check-and-park-under-one-lock[]

    /** The cursor to answer from: the requested since, with the lock held (it reads lastId). */
    private long cursor(OptionalLong requested) {
        long since = requested.orElse(lastId); // no cursor: wait for the next item, as the article did
        // BEGIN FIX ex3.4
        if (since > lastId) {
            since = 0; // a cursor from before a restart: ids began again at 1
        }
        // END FIX
        return since;
    }

    /** Stopping: every parked poll gets an empty answer now, rather than a dropped connection. */
    void answerAllWaiting() {
        Set<LongPoll> parked;
        synchronized (this) {
            parked = waiting;
            waiting = new LinkedHashSet<>();
        }
        parked.forEach(poll -> poll.answer(List.of()));
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    private void expire(LongPoll poll) {
        synchronized (this) {
            waiting.remove(poll);
        }
        poll.answer(List.of());
    }
}
