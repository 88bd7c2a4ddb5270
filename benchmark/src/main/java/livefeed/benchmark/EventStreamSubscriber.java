package livefeed.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A page that follows the feed with the browser's EventSource (step 5, and nginx+nchan): one GET
 * that stays open, and an event per item. Like EventSource it sends Accept: text/event-stream, reads
 * the events as they come, remembers the id of the last one and sends it back as Last-Event-ID when
 * it connects again, after the server's retry: delay. The item itself is read from each event's data:
 * nchan's event ids are its own (1700000000:0), step 5's are the item ids.
 * <p>
 * The stream's body is chunked (the JDK server), or runs until the connection closes (nginx+nchan).
 * Owned by the subscribers' one thread.
 */
final class EventStreamSubscriber implements Subscriber {

    /** How long EventSource waits before it reconnects until a server says retry: (Chromium's default). */
    static final long DEFAULT_RETRY_MILLIS = 3000;

    /** How the body of the answer being read ends. */
    private enum Framing { CHUNKED, LENGTH, UNTIL_CLOSED }

    private final String path;
    private final boolean since;
    private final ResponseHead head = new ResponseHead();
    private final ChunkedBody chunks = new ChunkedBody();
    private Framing framing; // null while the head is still arriving
    private long lengthLeft;
    // The event being read: its current line's bytes, and the fields so far.
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean afterCarriageReturn;
    private final StringBuilder data = new StringBuilder();
    private String idField = "";
    // What EventSource keeps from one connection to the next.
    private String lastEventId = "";
    private long retryMillis = DEFAULT_RETRY_MILLIS;

    /** since: whether the URL carries since=, the largest item id the page has, as step 5's page sends it. */
    EventStreamSubscriber(String path, boolean since) {
        this.path = path;
        this.since = since;
    }

    @Override
    public String request(long largestId, int port) {
        String target = since ? path + "?since=" + largestId : path;
        String lastEvent = lastEventId.isEmpty() ? "" : "Last-Event-ID: " + lastEventId + "\r\n";
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n" + lastEvent + "\r\n";
    }

    @Override
    public Read read(ByteBuffer bytes, Arrivals arrivals) throws IOException {
        if (framing == null) {
            if (!head.feed(bytes)) {
                return Read.MORE_TO_COME;
            }
            framing = framing();
        }
        boolean ended = body(bytes, head.status() == 200 ? arrivals : null); // not 200: its body is skipped
        if (!ended) {
            return Read.MORE_TO_COME; // a stream: the next event, or the rest of this one
        }
        Read read = head.status() == 200 ? Read.ENDED : Read.NOT_200;
        reset();
        return read;
    }

    @Override
    public boolean betweenAnswers() {
        return head.isEmpty() || (framing != null && head.status() == 200 && lineLength == 0 && data.length() == 0);
    }

    /** A new connection starts a new stream; what EventSource keeps, the last event id and retry:, stays. */
    @Override
    public void reset() {
        head.reset();
        chunks.reset();
        framing = null;
        lineLength = 0;
        afterCarriageReturn = false;
        data.setLength(0);
        idField = lastEventId;
    }

    /** EventSource waits the server's retry: before it connects again, and backs off no further. */
    @Override
    public OptionalLong reconnectDelayMillis() {
        return OptionalLong.of(retryMillis);
    }

    /** The id of the last event read, as the next connection sends it in Last-Event-ID; "" before any. */
    String lastEventId() {
        return lastEventId;
    }

    private Framing framing() throws IOException {
        String contentType = head.header("Content-Type");
        if (head.status() == 200 && (contentType == null || !contentType.startsWith("text/event-stream"))) {
            throw new IOException("not an event stream: Content-Type " + contentType); // EventSource fails so
        }
        String length = head.header("Content-Length");
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            return Framing.CHUNKED;
        }
        if (length != null) {
            lengthLeft = Long.parseLong(length);
            return Framing.LENGTH;
        }
        return Framing.UNTIL_CLOSED;
    }

    /** Reads the body in these bytes, its events to arrivals (none if null): true once the body has ended. */
    private boolean body(ByteBuffer bytes, Arrivals arrivals) throws IOException {
        switch (framing) {
            case CHUNKED -> {
                for (ByteBuffer piece = chunks.next(bytes); piece != null; piece = chunks.next(bytes)) {
                    events(piece, arrivals);
                }
                return chunks.ended();
            }
            case LENGTH -> {
                int count = (int) Math.min(lengthLeft, bytes.remaining());
                events(bytes.slice(bytes.position(), count), arrivals);
                bytes.position(bytes.position() + count);
                lengthLeft -= count;
                return lengthLeft == 0;
            }
            default -> {
                events(bytes, arrivals);
                return false;
            }
        }
    }

    /** Splits the bytes into lines as EventSource does: a line ends at CRLF, LF or CR. */
    private void events(ByteBuffer bytes, Arrivals arrivals) {
        if (arrivals == null) {
            bytes.position(bytes.limit());
            return;
        }
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n' && afterCarriageReturn) { // the LF of a CRLF: that line has ended already
                afterCarriageReturn = false;
                continue;
            }
            afterCarriageReturn = b == '\r';
            if (b == '\n' || b == '\r') {
                line(new String(line, 0, lineLength, StandardCharsets.UTF_8), arrivals);
                lineLength = 0;
            } else {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
    }

    /** One line: an empty one dispatches the event; ": ..." is a comment (a heartbeat); else "field: value". */
    private void line(String text, Arrivals arrivals) {
        if (text.isEmpty()) {
            dispatch(arrivals);
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(text.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
        switch (field) {
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    idField = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // "event", and fields EventSource ignores
            }
        }
    }

    /** The end of an event: its id becomes the last event id, and its data's item arrives. */
    private void dispatch(Arrivals arrivals) {
        lastEventId = idField;
        if (data.length() == 0) {
            return; // no data: no event, as in EventSource
        }
        long[] stamps = ItemJson.idsAndTimestamps(data.toString());
        for (int i = 0; i < stamps.length; i += 2) {
            arrivals.arrived(stamps[i], stamps[i + 1]);
        }
        data.setLength(0);
    }
}
