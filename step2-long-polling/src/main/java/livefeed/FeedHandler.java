package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.util.Map;
import java.util.OptionalLong;

/** GET /real_time_feed: the request is parked until the next item is published. */
final class FeedHandler {

    private final Feed feed;

    FeedHandler(Feed feed) {
        this.feed = feed;
    }

    void handle(HttpExchange exchange) throws HttpError {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            throw new HttpError(405, "use GET to read the feed");
        }
        // tag::hand-the-exchange-to-the-feed[]
        since(exchange.getRequestURI().getRawQuery()); // checked, but this step keeps no items: since cannot help
        feed.park(exchange);
        // end::hand-the-exchange-to-the-feed[]
    }

    /** The since cursor: empty when absent; digits only, else a 400 at once. */
    static OptionalLong since(String rawQuery) throws HttpError {
        Map<String, String> query = Form.parse(rawQuery);
        String since = query.get("since");
        if (since == null) {
            return OptionalLong.empty();
        }
        if (!since.matches("[0-9]{1,18}")) {
            throw new HttpError(400, "since must be the id of the last item you have (digits only), not '" + since + "'");
        }
        return OptionalLong.of(Long.parseLong(since));
    }
}
