package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The open event streams, and the small pool of writers that serves them all. Publishing hands
 * the same bytes to every stream's queue; the writers do the writing.
 * <p>
 * The JDK server writes in blocking mode, and offers no way to close one connection from another
 * thread: a write to a reader that never reads blocks its writer until that reader's connection
 * dies. So a writer blocked for over a second is replaced: the pool grows by one while it is stuck.
 * <p>
 * Publishing happens under the feed's lock, so it only queues: the writers are called for the streams
 * that need one after that lock is let go ({@link #startDrains()}), and a publish holds up no subscribe.
 * <p>
 * Thread-safe: the two sets and toDrain are concurrent; lastSent is volatile; only the ticker resizes the pool.
 */
final class Subscribers {

    static final int WRITER_THREADS = 4;
    /** Room in each stream's queue beyond a replay of the whole backlog: a burst of live events. */
    static final int QUEUE_ROOM = 256;
    private static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Set<EventStream> live = ConcurrentHashMap.newKeySet(); // get every event; at most max
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet(); // not closed yet, live or ending
    private final Queue<EventStream> toDrain = new ConcurrentLinkedQueue<>(); // have events, and no writer called yet
    private final ThreadPoolExecutor writers;
    private final int max;
    private final int maxQueued;
    private final long heartbeatNanos;
    private volatile long lastSent = System.nanoTime();

    Subscribers(int max, int backlog, Duration heartbeat) {
        this.max = max;
        this.maxQueued = backlog + QUEUE_ROOM;
        this.heartbeatNanos = heartbeat.toNanos();
        this.writers = new ThreadPoolExecutor(WRITER_THREADS, WRITER_THREADS + max, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
    }

    /** A new stream; the feed adds it once it has queued the stream's replay. */
    EventStream newStream(HttpExchange exchange) {
        return new EventStream(exchange, maxQueued, this);
    }

    boolean isFull() {
        return live.size() >= max;
    }

    void add(EventStream stream) {
        open.add(stream);
        live.add(stream);
    }

    // tag::send-to-all[]
    /** The same bytes to every stream; a stream that refuses them (closing, or too far behind) is dropped. */
    void sendToAll(byte[] event) {
        lastSent = System.nanoTime();
        for (Iterator<EventStream> streams = live.iterator(); streams.hasNext(); ) {
            if (!streams.next().send(event)) {
                streams.remove();
            }
        }
    }
    // end::send-to-all[]

    /** Called by a stream that has events and no drain queued or running; {@link #startDrains()} calls its writer. */
    void needsDrain(EventStream stream) {
        toDrain.add(stream);
    }

    /**
     * Sets every writer to the streams that need a drain. Whoever queued events calls this once it
     * holds no lock. One task per writer, not one per stream: a publish to 10,000 streams costs the
     * pool a few tasks, and a writer blocked on a stalled reader leaves the other streams to the others.
     */
    void startDrains() {
        if (toDrain.isEmpty()) {
            return;
        }
        try {
            for (int i = writers.getCorePoolSize(); i > 0; i--) {
                writers.execute(this::drainAll);
            }
        } catch (RejectedExecutionException stopping) {
            toDrain.forEach(this::closed); // the server is stopping: its connections are closed anyway
        }
    }

    /** A writer's task: drains the streams one after the other; each is taken from toDrain once. */
    private void drainAll() {
        for (EventStream stream; (stream = toDrain.poll()) != null; ) {
            stream.run();
        }
    }

    /** Called by a stream once its response has ended, however it ended. */
    void closed(EventStream stream) {
        live.remove(stream);
        if (open.remove(stream)) {
            synchronized (open) {
                open.notifyAll();
            }
        }
    }

    int count() {
        return live.size();
    }

    /** How often {@link #tick()} should run: often enough for the heartbeat, and to notice a stuck writer. */
    Duration tickInterval() {
        return Duration.ofNanos(Math.min(heartbeatNanos / 2, TimeUnit.MILLISECONDS.toNanos(250)));
    }

    // tag::heartbeat-and-stuck-writers[]
    /** A heartbeat after a quiet --heartbeat; and as many spare writers as there are stuck ones. */
    void tick() {
        long now = System.nanoTime();
        if (now - lastSent >= heartbeatNanos) {
            sendToAll(ServerSentEvent.HEARTBEAT);
        }
        int stuck = 0;
        for (EventStream stream : open) {
            if (stream.writingFor(now) > STUCK_NANOS) {
                stuck++;
            }
        }
        if (writers.getCorePoolSize() != WRITER_THREADS + stuck) {
            writers.setCorePoolSize(WRITER_THREADS + stuck);
        }
        startDrains(); // the heartbeat's, and the streams left while every writer was stuck
    }
    // end::heartbeat-and-stuck-writers[]

    /** Stopping: every stream writes what it has queued, then ends. */
    void endAll() {
        for (EventStream stream : live) {
            stream.end();
        }
        live.clear();
    }

    /** Waits until every stream has ended, at most the given time. */
    void awaitEnded(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (open) {
            long left;
            while (!open.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                open.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** After the server has closed every connection (which also ends a write blocked on one). */
    void stopWriters() {
        writers.shutdownNow();
    }
}
