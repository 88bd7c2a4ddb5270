package livefeed.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The data of a chunked HTTP/1.1 body (Transfer-Encoding: chunked), from the pieces a socket hands
 * over: each chunk is its size in hex and CRLF, that many bytes, CRLF; a chunk of size 0, then
 * trailer lines and an empty line, end the body. The JDK server sends a stream so. Used by one
 * thread at a time.
 */
final class ChunkedBody {

    private static final int MAX_LINE_CHARS = 1024;

    /** Where in the body the next byte falls. */
    private enum Part { SIZE_LINE, DATA, DATA_END, TRAILER, ENDED }

    private final StringBuilder line = new StringBuilder();
    private Part part = Part.SIZE_LINE;
    private int left; // bytes of data left in the current chunk

    /**
     * The next piece of data in these bytes, as a slice of them that is taken from the buffer; null
     * when they hold no more data (they are used up, or the body has ended).
     */
    ByteBuffer next(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining() && part != Part.ENDED) {
            if (part == Part.DATA) {
                int count = Math.min(left, bytes.remaining());
                ByteBuffer piece = bytes.slice(bytes.position(), count);
                bytes.position(bytes.position() + count);
                left -= count;
                if (left == 0) {
                    part = Part.DATA_END;
                }
                return piece;
            }
            char c = (char) (bytes.get() & 0xFF); // sizes, line ends and trailers are ASCII
            if (c == '\n' && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
                endOfLine(line.toString());
                line.setLength(0);
            } else if (line.append(c).length() > MAX_LINE_CHARS) {
                throw new IOException("a chunked body's line is longer than " + MAX_LINE_CHARS + " characters");
            }
        }
        return null;
    }

    /** True once the last chunk and the trailer have arrived. */
    boolean ended() {
        return part == Part.ENDED;
    }

    void reset() {
        line.setLength(0);
        part = Part.SIZE_LINE;
        left = 0;
    }

    private void endOfLine(String text) throws IOException {
        switch (part) {
            case SIZE_LINE -> {
                String size = text.contains(";") ? text.substring(0, text.indexOf(';')) : text; // no extension
                try {
                    left = Integer.parseInt(size.trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("not a chunk size: " + text);
                }
                part = left == 0 ? Part.TRAILER : Part.DATA;
            }
            case DATA_END -> {
                if (!text.isEmpty()) {
                    throw new IOException("a chunk is longer than its size said");
                }
                part = Part.SIZE_LINE;
            }
            case TRAILER -> {
                if (text.isEmpty()) {
                    part = Part.ENDED;
                }
            }
            default -> throw new IllegalStateException("no line is read in " + part);
        }
    }
}
