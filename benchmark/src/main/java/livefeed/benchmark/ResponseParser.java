package livefeed.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.1 response at a time from the pieces a socket hands over: status line, headers,
 * then exactly Content-Length bytes of body. That is all the feed server sends to a poll or a POST;
 * chunked bodies are refused rather than half-supported (EventStreamSubscriber reads the streams).
 */
final class ResponseParser {

    private final ResponseHead head = new ResponseHead();
    private byte[] body; // null while the head is still arriving
    private int bodyRead;

    /** Takes bytes from the buffer until a whole response has arrived: true then, false if more is needed. */
    boolean feed(ByteBuffer bytes) throws IOException {
        if (body == null) {
            if (!head.feed(bytes)) {
                return false;
            }
            String length = head.header("Content-Length");
            if (length == null) {
                throw new IOException("the response has no Content-Length (status " + head.status() + ")");
            }
            body = new byte[Integer.parseInt(length)];
        }
        int count = Math.min(bytes.remaining(), body.length - bodyRead);
        bytes.get(body, bodyRead, count);
        bodyRead += count;
        return bodyRead == body.length;
    }

    /** True before the first byte of a response: a connection that ends now ended between two answers. */
    boolean isEmpty() {
        return head.isEmpty();
    }

    int status() {
        return head.status();
    }

    String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    void reset() {
        head.reset();
        body = null;
        bodyRead = 0;
    }
}
