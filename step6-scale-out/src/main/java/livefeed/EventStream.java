package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * One open GET /feed_events. No thread waits for it: events are queued here, and a writer of the
 * pool drains the queue whenever it has something, then lets go. The queue is bounded: a reader
 * that falls too far behind is closed, and its page reconnects with Last-Event-ID.
 * <p>
 * Thread-safe: the queue and the flags are guarded by the lock on this object, which is never
 * held during a write. The exchange and its output belong to the one drain that runs at a time
 * (single owner: {@code scheduled} lets only one be queued or running).
 */
final class EventStream implements Runnable {

    private final HttpExchange exchange;
    private final int maxQueued;
    private final Subscribers subscribers;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean scheduled; // a drain is queued or running
    private boolean closing;   // no more events: the drain closes the stream once the queue is written
    private OutputStream out;  // null until the drain has sent the headers
    private volatile long writingSince; // System.nanoTime() when the drain's current write began, 0 between writes

    EventStream(HttpExchange exchange, int maxQueued, Subscribers subscribers) {
        this.exchange = exchange;
        this.maxQueued = maxQueued;
        this.subscribers = subscribers;
    }

    // tag::bounded-queue[]
    /**
     * Queues the event for the writers and returns at once: the publisher never waits for a reader.
     *
     * @return false when this stream takes no more events: it is closing, or it has just fallen
     *         more than maxQueued events behind, so its queue is dropped and it is closed
     */
    boolean send(byte[] event) {
        boolean accepted;
        synchronized (this) {
            if (closing) {
                return false;
            }
            accepted = queue.size() < maxQueued;
            if (accepted) {
                queue.add(event);
            } else {
                queue.clear(); // a reader this far behind catches up from the backlog, after a reconnect
                closing = true;
            }
        }
        schedule(); // writes the queue, or closes the stream
        return accepted;
    }
    // end::bounded-queue[]

    /** Stopping: the events already queued are written, then the stream ends cleanly. */
    void end() {
        synchronized (this) {
            closing = true;
        }
        schedule();
    }

    /** How long the drain has been blocked in its current write, in nanoseconds; 0 when it is not writing. */
    long writingFor(long now) {
        long since = writingSince;
        return since == 0 ? 0 : now - since;
    }

    private void schedule() {
        synchronized (this) {
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        subscribers.needsDrain(this);
    }

    /** The drain, on a writer: headers first, then every queued event, one flush when the queue is empty. */
    // tag::drain-then-let-go[]
    @Override
    public void run() {
        try {
            if (out == null) {
                start();
            }
            boolean unflushed = false;
            for (;;) {
                byte[] event;
                synchronized (this) {
                    event = queue.poll();
                    if (event == null && !unflushed) {
                        if (!closing) {
                            scheduled = false; // the next send schedules a new drain
                            return;
                        }
                        break;
                    }
                }
                if (event == null) {
                    flush();
                    unflushed = false;
                } else {
                    write(event);
                    unflushed = true;
                }
            }
        } catch (IOException readerWentAway) {
            dropQueue();
        } catch (RuntimeException bug) {
            dropQueue();
            bug.printStackTrace(); // a bug of ours: the stream ends, and the log says why
        }
        close();
    }
    // end::drain-then-let-go[]

    private synchronized void dropQueue() {
        closing = true;
        queue.clear();
    }

    private void start() throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no"); // nginx: pass each event on at once
        writingSince = System.nanoTime();
        try {
            exchange.sendResponseHeaders(200, 0); // 0: a body of unknown length, sent in chunks
            out = exchange.getResponseBody();
        } finally {
            writingSince = 0;
        }
    }

    /** The chunked stream keeps what is written in its 4 KiB buffer until it is full or flushed. */
    private void write(byte[] event) throws IOException {
        writingSince = System.nanoTime();
        try {
            out.write(event);
        } finally {
            writingSince = 0;
        }
    }

    /** One chunk, one write to the socket, for every event queued since the last flush. */
    private void flush() throws IOException {
        writingSince = System.nanoTime();
        try {
            out.flush();
        } finally {
            writingSince = 0;
        }
    }

    /** Ends the response (the last, empty chunk) and lets the subscribers forget this stream. */
    private void close() {
        writingSince = System.nanoTime(); // ending the response writes too, and can block like any write
        try {
            exchange.close();
        } finally {
            writingSince = 0;
            subscribers.closed(this);
        }
    }
}
