package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.util.OptionalLong;

/**
 * GET /feed_events: one response that stays open, an event per item. Everything that can be
 * refused (a bad cursor, too many streams) is answered with an error before any stream starts.
 */
final class EventStreamHandler {

    private final Feed feed;
    private final Subscribers subscribers;

    EventStreamHandler(Feed feed, Subscribers subscribers) {
        this.feed = feed;
        this.subscribers = subscribers;
    }

    void handle(HttpExchange exchange) throws HttpError, RedisUnavailable {
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            throw new HttpError(405, "use GET to open the event stream");
        }
        OptionalLong cursor = cursor(exchange.getRequestHeaders().getFirst("Last-Event-ID"),
                exchange.getRequestURI().getRawQuery());
        if (!feed.subscribe(subscribers.newStream(exchange), cursor)) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(FeedHandler.RETRY_AFTER_SECONDS));
            throw new HttpError(503, "too many streams are open; try again in " + FeedHandler.RETRY_AFTER_SECONDS + " s");
        }
    }

    // tag::last-event-id-wins[]
    /**
     * Where the stream starts: after Last-Event-ID, which the browser sends by itself when it
     * reconnects, else after ?since=, else at the next item. Either is checked like step 3's since.
     */
    static OptionalLong cursor(String lastEventId, String rawQuery) throws HttpError {
        if (lastEventId != null) {
            return OptionalLong.of(FeedHandler.cursor("Last-Event-ID", lastEventId));
        }
        return FeedHandler.since(rawQuery);
    }
    // end::last-event-id-wins[]
}
