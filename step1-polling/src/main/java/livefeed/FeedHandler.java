package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;

/** GET /real_time_feed?since=ID: answers at once with every item newer than since. */
final class FeedHandler {

    private final Feed feed;

    FeedHandler(Feed feed) {
        this.feed = feed;
    }

    // tag::answer-at-once[]
    void handle(HttpExchange exchange) throws IOException, HttpError {
        // BEGIN SOLUTION ex1.3: 405 with Allow unless GET or HEAD; else answer at once with the items newer than since
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            throw new HttpError(405, "use GET to read the feed");
        }
        long since = since(exchange.getRequestURI().getRawQuery()).orElse(0);
        Responses.json(exchange, 200, Json.array(feed.itemsAfter(since)));
        // END SOLUTION
    }
    // end::answer-at-once[]

    /** The since cursor: empty when absent; digits only, else a 400 at once. */
    static OptionalLong since(String rawQuery) throws HttpError {
        // BEGIN SOLUTION ex1.2: empty without since; its value if it is 1 to 18 digits; else HttpError 400
        Map<String, String> query = Form.parse(rawQuery);
        String since = query.get("since");
        if (since == null) {
            return OptionalLong.empty();
        }
        if (!since.matches("[0-9]{1,18}")) {
            throw new HttpError(400, "since must be the id of the last item you have (digits only), not '" + since + "'");
        }
        return OptionalLong.of(Long.parseLong(since));
        // END SOLUTION
    }
}
