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
// tag::parked-poll[]
final class LongPoll {

    private final HttpExchange exchange;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile Future<?> timeout;

    LongPoll(HttpExchange exchange) {
        this.exchange = exchange;
    }

    void expireWith(Future<?> timeout) {
        this.timeout = timeout;
        if (answered.get()) {
            timeout.cancel(false); // a publish came first
        }
    }

    void answer(List<Item> items) {
        // BEGIN SOLUTION ex2.1: answer only once, whoever comes first; cancel the timeout; write the items as JSON
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
        // END SOLUTION
    }
}
// end::parked-poll[]
