package livefeed.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 response at a time from the pieces a socket hands over: status line, headers,
 * then exactly Content-Length bytes of body. That is all the feed server sends; chunked bodies are
 * refused rather than half-supported.
 */
final class ResponseParser {

    private static final int MAX_HEAD_CHARS = 8192;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 [0-9]{3}( .*)?");

    private final StringBuilder head = new StringBuilder();
    private byte[] body; // null while the head is still arriving
    private int bodyRead;
    private int status;

    /** Takes bytes from the buffer until a whole response has arrived: true then, false if more is needed. */
    boolean feed(ByteBuffer bytes) throws IOException {
        while (body == null && bytes.hasRemaining()) {
            head.append((char) (bytes.get() & 0xFF)); // the head is ASCII
            if (head.length() >= 4 && head.indexOf("\r\n\r\n", head.length() - 4) >= 0) { // the blank line
                readHead(head.toString().split("\r\n"));
            } else if (head.length() > MAX_HEAD_CHARS) {
                throw new IOException("response head longer than " + MAX_HEAD_CHARS + " characters");
            }
        }
        if (body == null) {
            return false;
        }
        int count = Math.min(bytes.remaining(), body.length - bodyRead);
        bytes.get(body, bodyRead, count);
        bodyRead += count;
        return bodyRead == body.length;
    }

    /** True before the first byte of a response: a connection that ends now ended between two answers. */
    boolean isEmpty() {
        return head.length() == 0;
    }

    int status() {
        return status;
    }

    String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    void reset() {
        head.setLength(0);
        body = null;
        bodyRead = 0;
    }

    private void readHead(String[] lines) throws IOException {
        if (!STATUS_LINE.matcher(lines[0]).matches()) {
            throw new IOException("not an HTTP/1.1 status line: " + lines[0]);
        }
        status = Integer.parseInt(lines[0].substring(9, 12));
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                body = new byte[Integer.parseInt(lines[i].substring(colon + 1).trim())];
            }
        }
        if (body == null) {
            throw new IOException("the response has no Content-Length (status " + status + ")");
        }
    }
}
