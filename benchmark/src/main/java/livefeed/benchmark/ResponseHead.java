package livefeed.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The head of one HTTP/1.1 response, read from the pieces a socket hands over: the status line,
 * the headers and the blank line after them. It takes no byte of the body. ResponseParser reads a
 * whole answer with it, EventStreamSubscriber the start of a stream.
 */
final class ResponseHead {

    private static final int MAX_HEAD_CHARS = 8192;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 [0-9]{3}( .*)?");

    private final StringBuilder head = new StringBuilder();
    private String[] lines; // null while the head is still arriving
    private int status;

    /** Takes bytes from the buffer up to the blank line: true once the whole head has arrived. */
    boolean feed(ByteBuffer bytes) throws IOException {
        while (lines == null && bytes.hasRemaining()) {
            head.append((char) (bytes.get() & 0xFF)); // the head is ASCII
            if (head.length() >= 4 && head.indexOf("\r\n\r\n", head.length() - 4) >= 0) { // the blank line
                read(head.toString().split("\r\n"));
            } else if (head.length() > MAX_HEAD_CHARS) {
                throw new IOException("response head longer than " + MAX_HEAD_CHARS + " characters");
            }
        }
        return lines != null;
    }

    /** True before the first byte of a response. */
    boolean isEmpty() {
        return head.length() == 0;
    }

    int status() {
        return status;
    }

    /** The value of the first header of that name, whatever its case; null if there is none. */
    String header(String name) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    void reset() {
        head.setLength(0);
        lines = null;
    }

    private void read(String[] headLines) throws IOException {
        if (!STATUS_LINE.matcher(headLines[0]).matches()) {
            throw new IOException("not an HTTP/1.1 status line: " + headLines[0]);
        }
        status = Integer.parseInt(headLines[0].substring(9, 12));
        lines = headLines;
    }
}
