package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The long-poll feed: a GET is parked here until the next item is published. Step 2 keeps no
 * items, so an item published while a client is between two polls reaches nobody: step 3 fixes it.
 * Thread-safe: lastId and waiting are guarded by the lock on this object, and the polls are
 * answered outside the lock, each on a worker, so a slow client delays nobody else.
 */
final class Feed {

    private final Duration pollTimeout;
    private final ScheduledExecutorService workers;
    private long lastId;
    private Set<LongPoll> waiting = new LinkedHashSet<>();

    Feed(Duration pollTimeout, ScheduledExecutorService workers) {
        this.pollTimeout = pollTimeout;
        this.workers = workers;
    }

    // tag::publish-and-park[]
    Item publish(Map<String, String> fields) {
        // BEGIN SOLUTION ex2.3: under the lock: next id, take the waiting set; outside it: answer each on a worker
        Item item;
        Set<LongPoll> parked;
        synchronized (this) {
            item = new Item(++lastId, System.currentTimeMillis(), fields);
            parked = waiting;
            waiting = new LinkedHashSet<>();
        }
        for (LongPoll poll : parked) {
            workers.execute(() -> poll.answer(List.of(item)));
        }
        return item;
        // END SOLUTION
    }

    void park(HttpExchange exchange) {
        // BEGIN SOLUTION ex2.2: keep the poll in waiting (under the lock) and schedule its expiry; answer nothing
        LongPoll poll = new LongPoll(exchange);
        synchronized (this) {
            waiting.add(poll);
        }
        poll.expireWith(workers.schedule(() -> expire(poll), pollTimeout.toMillis(), TimeUnit.MILLISECONDS));
        // END SOLUTION
    }
    // end::publish-and-park[]

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

    // tag::time-out-with-an-empty-answer[]
    private void expire(LongPoll poll) {
        // BEGIN SOLUTION ex2.4: take the poll out of waiting, then answer it with an empty list
        synchronized (this) {
            waiting.remove(poll);
        }
        poll.answer(List.of());
        // END SOLUTION
    }
    // end::time-out-with-an-empty-answer[]
}
