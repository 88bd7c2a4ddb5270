package livefeed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GET /feed_events on a raw socket, read as EventSource reads it: the head, then each event as a
 * block of lines, as it comes (a thread of its own reads them). Written for these tests, not from
 * the server's code: it decodes the chunks and splits the events itself.
 */
final class EventReader implements AutoCloseable {

    final int status;
    /** Header names in lower case. */
    final Map<String, String> headers;
    /** Each event or comment, its lines joined by \n: "retry: 2000", "id: 1\ndata: {...}", ": keep-alive". */
    final List<String> blocks = new CopyOnWriteArrayList<>();
    private final Socket socket;
    private final InputStream in;
    private volatile boolean endedCleanly;
    private volatile boolean broken;
    private String errorBody = "";

    private EventReader(Socket socket, InputStream in, int status, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
    }

    /** Opens a stream and reads it in the background. Extra headers come as "Name: value". */
    static EventReader open(URI base, String pathAndQuery, String... extraHeaders) {
        EventReader reader = connect(base, pathAndQuery, 0, extraHeaders);
        if (reader.status == 200) {
            Thread thread = new Thread(reader::readEvents, "event-reader");
            thread.setDaemon(true);
            thread.start();
        }
        return reader;
    }

    /** Opens a stream with a small receive buffer and never reads it: a reader that has stalled. */
    static EventReader stalled(URI base, String pathAndQuery) {
        return connect(base, pathAndQuery, 4096, new String[0]);
    }

    private static EventReader connect(URI base, String pathAndQuery, int receiveBuffer, String[] extraHeaders) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer); // before connecting, so that the window is small from the start
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nAccept: text/event-stream\r\n");
            for (String header : extraHeaders) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
            EventReader reader = new EventReader(socket, in, Integer.parseInt(statusLine.split(" ")[1]), headers);
            if (reader.status != 200 && headers.containsKey("content-length")) {
                reader.errorBody = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a refusal (400, 503 ...). */
    String errorBody() {
        return errorBody;
    }

    /** The ids of the events received so far, in order. */
    List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (String block : blocks) {
            if (block.startsWith("id: ")) {
                ids.add(Long.parseLong(block.substring(4, block.indexOf('\n'))));
            }
        }
        return ids;
    }

    /** The data lines of the events received so far, in order: the items' JSON. */
    List<String> data() {
        List<String> data = new ArrayList<>();
        for (String block : blocks) {
            for (String line : block.split("\n")) {
                if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
        }
        return data;
    }

    long heartbeats() {
        return blocks.stream().filter(": keep-alive"::equals).count();
    }

    /** The server ended the response properly: the last, empty chunk came. */
    boolean endedCleanly() {
        return endedCleanly;
    }

    /** The connection broke, or was closed without the last chunk. */
    boolean broken() {
        return broken;
    }

    /** Closes the socket at once, as a browser tab that goes away does. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readEvents() {
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        byte previous = 0;
        try {
            for (;;) {
                int size = Integer.parseInt(line(in).strip(), 16);
                if (size == 0) {
                    line(in); // the empty line after the last chunk
                    endedCleanly = true;
                    return;
                }
                for (byte b : in.readNBytes(size)) {
                    if (b == '\n' && previous == '\n') { // an empty line ends the event
                        blocks.add(event.toString(StandardCharsets.UTF_8).stripTrailing());
                        event.reset();
                        previous = 0;
                    } else {
                        event.write(b);
                        previous = b;
                    }
                }
                line(in); // the CRLF that ends the chunk
            }
        } catch (IOException | RuntimeException e) {
            broken = true;
        }
    }

    /** One line, without its CRLF (or LF). */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
