package livefeed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The server's one handler: runs the route for a request and answers what it throws. An HttpError
 * answers as it says; anything else is a bug (or an exercise not written yet), which answers 500 with
 * a JSON error and logs one line with its cause, rather than dropping the connection without a word.
 */
final class ErrorAnswers implements HttpHandler {

    /** What answers a request; it may refuse it with an HttpError. */
    interface Route {
        void handle(HttpExchange exchange) throws IOException, HttpError;
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
        } catch (RuntimeException bug) {
            // An IOException is left to the JDK server, which closes the connection: the client is gone anyway.
            StackTraceElement[] trace = bug.getStackTrace();
            log.accept("error: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " answered 500: " + bug
                    + (trace.length > 0 ? " (at " + trace[0] + ")" : ""));
            Responses.error(exchange, 500, "the server failed to answer this request; its log says why");
        }
    }
}
