package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One parked GET. No thread waits for it: the exchange is simply kept, as the article's node.js
 * server kept its callbacks, and answered later by whichever comes first: a publish, the poll
 * timeout, or the server stopping. The flag makes sure that only the first of them answers.
 */
final class LongPoll {

    private final HttpExchange exchange;
    private final long since;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile Future<?> timeout;

    LongPoll(HttpExchange exchange, long since) {
        this.exchange = exchange;
        this.since = since;
    }

    void expireWith(Future<?> timeout) {
        this.timeout = timeout;
        if (answered.get()) {
            timeout.cancel(false); // a publish came first
        }
    }

    // tag::answer-from-the-cursor[]
    /** Answers with what this client has not seen yet: the items of the backlog newer than its cursor. */
    void answer(Backlog backlog) {
        answer(backlog.itemsAfter(since));
    }
    // end::answer-from-the-cursor[]

    void answer(List<Item> items) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        Future<?> pending = timeout;
        if (pending != null) {
            pending.cancel(false);
        }
        try {
            Responses.json(exchange, 200, Json.array(items));
        } catch (IOException clientWentAway) {
            // Nothing to do: the client closed the connection while it waited.
        }
    }
}
