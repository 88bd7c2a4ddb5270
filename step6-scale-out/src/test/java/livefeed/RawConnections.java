package livefeed;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * Raw connections to a server on loopback, for what no HTTP client sends (half a request, hundreds of
 * requests held open at once), and the answers to them. After each test it closes every connection it
 * opened: {@code @RegisterExtension RawConnections connections = new RawConnections(() -> port);}
 */
final class RawConnections implements AfterEachCallback {

    /** How long a read may wait: longer than anything a test waits for, so that a test that goes wrong still ends. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final IntSupplier port;
    private final List<Socket> sockets = new ArrayList<>();
    private final ExecutorService readers = Executors.newCachedThreadPool();

    /** The port is asked for at each connection, so it may be one the test learns only once it starts. */
    RawConnections(IntSupplier port) {
        this.port = port;
    }

    /** Opens a connection and writes these bytes on it, no more: the request may be whole or not. */
    Socket send(String request) {
        try {
            Socket socket = new Socket("127.0.0.1", port.getAsInt());
            sockets.add(socket);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of the answer, such as "HTTP/1.1 200 OK", once it comes. */
    CompletableFuture<String> statusLine(Socket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                InputStream in = socket.getInputStream();
                StringBuilder line = new StringBuilder();
                for (int b = in.read(); b >= 0 && b != '\r'; b = in.read()) {
                    line.append((char) b);
                }
                return line.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, readers);
    }

    /** Everything the server sends on this connection until it closes it. */
    CompletableFuture<String> everythingReadFrom(Socket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, readers);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        closeAll();
    }

    void closeAll() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
        readers.shutdownNow();
    }
}
