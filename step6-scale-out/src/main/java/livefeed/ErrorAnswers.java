package livefeed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The server's one handler: runs the route for a request and answers what it throws. An HttpError
 * answers as it says; Redis not answering is a 503 that says when to try again; anything else is a bug
 * (or an exercise not written yet), which answers 500 with a JSON error and logs one line with its
 * cause, rather than dropping the connection without a word.
 */
final class ErrorAnswers implements HttpHandler {

    /** After Redis failed a request: by then the follower is connecting again, twice a second. */
    static final int REDIS_RETRY_AFTER_SECONDS = 2;

    /** What answers a request; it may refuse it with an HttpError, or fail for want of Redis. */
    interface Route {
        void handle(HttpExchange exchange) throws IOException, HttpError, RedisUnavailable;
    }

    private final Route route;
    private final Consumer<String> log;

    ErrorAnswers(Route route, Consumer<String> log) {
        this.route = route;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route.handle(exchange);
        } catch (HttpError refused) {
            Responses.error(exchange, refused.status, refused.getMessage());
        // tag::redis-down-is-a-503[]
        } catch (RedisUnavailable down) {
            // Never a 200 for an item that Redis did not store: the client is told to try again.
            log.accept("error: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " answered 503: "
                    + down.getMessage());
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(REDIS_RETRY_AFTER_SECONDS));
            Responses.error(exchange, 503, "the feed is kept in Redis, which does not answer: try again in "
                    + REDIS_RETRY_AFTER_SECONDS + " s");
        // end::redis-down-is-a-503[]
        } catch (RuntimeException bug) {
            // An IOException is left to the JDK server, which closes the connection: the client is gone anyway.
            StackTraceElement[] trace = bug.getStackTrace();
            log.accept("error: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " answered 500: " + bug
                    + (trace.length > 0 ? " (at " + trace[0] + ")" : ""));
            Responses.error(exchange, 500, "the server failed to answer this request; its log says why");
        }
    }
}
