package livefeed;

import java.nio.charset.StandardCharsets;

/**
 * The text/event-stream format, as the browser's EventSource reads it: lines of "field: value",
 * each event ended by an empty line. An item is encoded once per publish, and the same bytes
 * go to every open stream. The byte arrays are never changed after they are made.
 */
final class ServerSentEvent {

    /** How long a browser waits before it reconnects; the page's own retry delays start at 1 s. */
    static final int RETRY_MILLIS = 2000;
    /** Sent first on every stream. */
    static final byte[] RETRY = ("retry: " + RETRY_MILLIS + "\n\n").getBytes(StandardCharsets.UTF_8);
    /** A comment line: EventSource ignores it, but it keeps proxies from closing an idle stream. */
    static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private ServerSentEvent() {
    }

    // tag::one-event-per-item[]
    /**
     * {@code id: 7}, {@code data: {"id":7,...}}, then an empty line. The browser remembers the id and
     * sends it back as Last-Event-ID when it reconnects: the cursor of step 3, kept for us.
     * The JSON is one line: Json escapes every line break inside the fields.
     */
    static byte[] of(Item item) {
        return ("id: " + item.id() + "\ndata: " + item.toJson() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
    // end::one-event-per-item[]
}
