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
 * This server's view of the one feed in Redis, read two ways: a long poll is answered at once with the
 * kept items newer than its cursor, or parked until the next item arrives; an event stream gets the
 * kept items newer than its cursor, then every item as it arrives. Items are published into Redis and
 * arrive here from it (the Follower), on every server alike. Nothing is lost, unless this server falls
 * more than a backlog behind Redis (then its pages see a gap, as in step 3).
 * Thread-safe: lastId, backlog, waiting and stopped are guarded by the lock on this object, and so
 * is handing events to the streams, so that they get them in id order. The polls are answered
 * outside the lock, each on a worker, and the streams are written by their own writers, so a
 * slow client delays nobody else.
 */
final class Feed {

    private final RedisFeed redisFeed;
    private final Duration pollTimeout;
    private final int backlogSize;
    private final int maxWaiting;
    private final ScheduledExecutorService workers;
    private long lastId;
    private Backlog backlog;
    private Set<LongPoll> waiting = new LinkedHashSet<>();
    private final Subscribers subscribers;
    private boolean stopped;

    Feed(RedisFeed redisFeed, Duration pollTimeout, int backlogSize, int maxWaiting, ScheduledExecutorService workers,
            Subscribers subscribers) {
        this.redisFeed = redisFeed;
        this.pollTimeout = pollTimeout;
        this.backlogSize = backlogSize;
        this.maxWaiting = maxWaiting;
        this.workers = workers;
        this.backlog = new Backlog(backlogSize);
        this.subscribers = subscribers;
    }

    // tag::publish-into-redis[]
    /**
     * Stores the item in Redis, which gives it its id. Every server delivers it when its follower reads
     * it back from Redis; this one catches up at once, so that once the POST has its 200, a poll here
     * finds the item (another server may answer a moment before its follower has it: nothing is lost,
     * the client's next poll gets it).
     */
    Item publish(Map<String, String> fields) throws RedisUnavailable {
        Item item = redisFeed.append(System.currentTimeMillis(), fields);
        try {
            catchUp();
        } catch (RedisUnavailable e) {
            // Stored all the same: the 200 stands, and the follower delivers the item once Redis answers again.
        }
        return item;
    }
    // end::publish-into-redis[]

    // tag::deliver-what-redis-holds[]
    /**
     * An item read from Redis (by the follower, or by a catch-up): kept, and handed to every waiting
     * poll and open stream. An id this server has seen already is skipped, so that the follower and a
     * catch-up may both read it and it is delivered once.
     */
    void deliver(Item item) {
        Backlog kept;
        Set<LongPoll> parked;
        synchronized (this) {
            if (item.id() <= lastId) {
                return;
            }
            if (item.id() != lastId + 1) {
                backlog = new Backlog(backlogSize); // Redis trimmed what came between: the backlog's ids must be consecutive
            }
            lastId = item.id();
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
    }
    // end::deliver-what-redis-holds[]

    /**
     * Answers at once when the backlog has items newer than since, else parks the poll. The check
     * and the parking happen under the same lock as deliver: an item cannot slip in between
     * them, so no poll can park just after the item it waits for went by (a lost wake-up).
     *
     * @return false when too many polls are waiting already
     */
    boolean poll(HttpExchange exchange, OptionalLong requested) throws RedisUnavailable {
        catchUpTo(requested);
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
            poll.answer(newer); // outside the lock: a slow client must not hold up the deliveries
        }
        return true;
    }

    /**
     * Queues the kept items newer than the cursor on the stream, then subscribes it to every item
     * delivered from now on. Both happen under the lock that deliver holds: an item delivered
     * meanwhile is either in the replay or sent live, never both, never neither.
     *
     * @return false when too many streams are open already (or the server is stopping)
     */
    boolean subscribe(EventStream stream, OptionalLong requested) throws RedisUnavailable {
        catchUpTo(requested);
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

    // tag::a-cursor-ahead-of-this-server[]
    /**
     * A cursor newer than anything this server has seen may come from another server that is ahead
     * (nginx sends each request where it likes). Redis decides, not this server: what Redis holds
     * after our last id is delivered here first, by this thread, before the cursor is looked at.
     */
    private void catchUpTo(OptionalLong requested) throws RedisUnavailable {
        // BEGIN SOLUTION ex6.3: when the requested cursor is newer than lastSeen(), catchUp() here and now
        if (requested.isPresent() && requested.getAsLong() > lastSeen()) {
            catchUp();
        }
        // END SOLUTION
    }

    /** Delivers here, on this thread, whatever Redis holds after the last id this server has seen. */
    private void catchUp() throws RedisUnavailable {
        redisFeed.itemsAfter(lastSeen()).forEach(this::deliver);
    }

    /** The cursor to answer from: the requested since, with the lock held (it reads lastId). */
    private long cursor(OptionalLong requested) {
        long since = requested.orElse(lastId); // no cursor: wait for the next item, as the article did
        if (since > lastId) {
            since = 0; // newer than anything even Redis holds: a cursor from a feed that began again at 1
        }
        return since;
    }
    // end::a-cursor-ahead-of-this-server[]

    private synchronized long lastSeen() {
        return lastId;
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
