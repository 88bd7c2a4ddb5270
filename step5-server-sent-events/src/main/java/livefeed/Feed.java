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
 * The feed with a backlog, read two ways: a long poll is answered at once with the kept items
 * newer than its cursor, or parked until the next item is published; an event stream gets the
 * kept items newer than its cursor, then every item as it is published. Nothing is lost.
 * Thread-safe: lastId, backlog, waiting and stopped are guarded by the lock on this object, and so
 * is handing events to the streams, so that they get them in id order. The polls are answered
 * outside the lock, each on a worker, and the streams are written by their own writers, so a
 * slow client delays nobody else.
 */
final class Feed {

    private final Duration pollTimeout;
    private final int maxWaiting;
    private final ScheduledExecutorService workers;
    private long lastId;
    private Backlog backlog;
    private Set<LongPoll> waiting = new LinkedHashSet<>();
    private final Subscribers subscribers;
    private boolean stopped;

    Feed(Duration pollTimeout, int backlogSize, int maxWaiting, ScheduledExecutorService workers, Subscribers subscribers) {
        this.pollTimeout = pollTimeout;
        this.maxWaiting = maxWaiting;
        this.workers = workers;
        this.backlog = new Backlog(backlogSize);
        this.subscribers = subscribers;
    }

    // tag::publish-to-polls-and-streams[]
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
            subscribers.sendToAll(ServerSentEvent.of(item)); // encoded once; queued only, no stream is written here
        }
        subscribers.startDrains(); // outside the lock: handing 10,000 streams to the writers takes a while
        for (LongPoll poll : parked) {
            workers.execute(() -> poll.answer(kept));
        }
        return item;
    }
    // end::publish-to-polls-and-streams[]

    /**
     * Answers at once when the backlog has items newer than since, else parks the poll. The check
     * and the parking happen under the same lock as publish: a publish cannot slip in between
     * them, so no poll can park just after the item it waits for went by (a lost wake-up).
     *
     * @return false when too many polls are waiting already
     */
    boolean poll(HttpExchange exchange, OptionalLong requested) {
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
    }

    // tag::replay-and-subscribe-under-one-lock[]
    /**
     * Queues the kept items newer than the cursor on the stream, then subscribes it to every item
     * published from now on. Both happen under the lock that publish holds: an item published
     * meanwhile is either in the replay or sent live, never both, never neither.
     *
     * @return false when too many streams are open already (or the server is stopping)
     */
    boolean subscribe(EventStream stream, OptionalLong requested) {
        synchronized (this) {
            if (stopped || subscribers.isFull()) {
                return false;
            }
            stream.send(ServerSentEvent.RETRY); // the first thing on every stream, and it gets the headers sent
            for (Item item : backlog.itemsAfter(cursor(requested))) {
                stream.send(ServerSentEvent.of(item));
            }
            subscribers.add(stream);
        }
        subscribers.startDrains();
        return true;
    }
    // end::replay-and-subscribe-under-one-lock[]

    /** The cursor to answer from: the requested since, with the lock held (it reads lastId). */
    private long cursor(OptionalLong requested) {
        long since = requested.orElse(lastId); // no cursor: wait for the next item, as the article did
        if (since > lastId) {
            since = 0; // a cursor from before a restart: ids began again at 1
        }
        return since;
    }

    /** Stopping: every stream ends after what it has queued; no new one is let in. */
    void endAllStreams() {
        synchronized (this) {
            stopped = true;
            subscribers.endAll();
        }
        subscribers.startDrains();
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
