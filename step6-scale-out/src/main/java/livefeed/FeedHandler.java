package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.util.Map;
import java.util.OptionalLong;

/** GET /real_time_feed?since=ID: answered at once with the items newer than since, or parked until there are some. */
final class FeedHandler {

    static final int RETRY_AFTER_SECONDS = 5;

    private final Feed feed;

    FeedHandler(Feed feed) {
        this.feed = feed;
    }

    void handle(HttpExchange exchange) throws HttpError, RedisUnavailable {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            throw new HttpError(405, "use GET to read the feed");
        }
        // tag::refuse-with-retry-after[]
        if (!feed.poll(exchange, since(exchange.getRequestURI().getRawQuery()))) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            throw new HttpError(503, "too many clients are waiting; try again in " + RETRY_AFTER_SECONDS + " s");
        }
        // end::refuse-with-retry-after[]
    }

    /** The since cursor: empty when absent; digits only, else a 400 at once. */
    static OptionalLong since(String rawQuery) throws HttpError {
        Map<String, String> query = Form.parse(rawQuery);
        String since = query.get("since");
        if (since == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(cursor("since", since));
    }

    /** A cursor, from the query or from a header: the id of the last item the client has, digits only, else a 400. */
    static long cursor(String name, String value) throws HttpError {
        if (!value.matches("[0-9]{1,18}")) {
            throw new HttpError(400, name + " must be the id of the last item you have (digits only), not '" + value + "'");
        }
        return Long.parseLong(value);
    }
}
