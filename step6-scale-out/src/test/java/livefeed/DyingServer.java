package livefeed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server that dies in the middle of every request: it reads the request whole (head and body), then
 * closes the connection without a word, as a feed server killed at that moment would. It keeps the
 * request line of each request it read, so a test knows it was tried.
 */
final class DyingServer implements AutoCloseable {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length: *(\\d+)");

    private final ServerSocket socket;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    private DyingServer(ServerSocket socket) {
        this.socket = socket;
    }

    static DyingServer start() throws IOException {
        DyingServer server = new DyingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread thread = new Thread(server::acceptAll, "dying-server");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** "POST /send_feed_item HTTP/1.1", for each request read, in order. */
    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                InputStream in = connection.getInputStream();
                String head = readHead(in);
                Matcher length = CONTENT_LENGTH.matcher(head);
                in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                if (!head.isEmpty()) {
                    requestLines.add(head.substring(0, head.indexOf("\r\n")));
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** The request line and headers, up to the empty line; empty when the connection closed before a request. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return "";
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
