package livefeed.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An item as the client reads it from the feed: the id and timestamp the server gave it, and its
 * text fields in the order they came. The client shares only the wire format with the server, not
 * its classes, as any other client would. Immutable.
 */
record FeedItem(long id, long timestamp, Map<String, String> fields) {

    FeedItem {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
