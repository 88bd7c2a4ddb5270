package livefeed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A parked poll holds no thread: with more polls parked than there are request threads, pages are still served. */
class ParkedPollsTest {

    private static final int PARKED = FeedServer.REQUEST_THREADS + 100;
    private static final Duration SOON = Duration.ofSeconds(5);

    private final List<Socket> sockets = new ArrayList<>();
    private FeedServer server;

    @BeforeEach
    void start() throws IOException {
        server = FeedServer.start(Settings.parse(new String[] {"--host", "127.0.0.1", "--port", "0"}, Map.of()));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        server.stop();
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: a parked poll holds no thread: with more parked than there are request threads, pages are still served")
    void morePollsParkedThanThereAreRequestThreadsHoldNoneOfThem() {
        for (int i = 0; i < PARKED; i++) {
            send("GET /real_time_feed HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        }
        await("every poll is parked").atMost(SOON).until(() -> server.waitingPolls() == PARKED);
        await("no request thread is busy").atMost(SOON).until(() -> server.busyRequestThreads() == 0);

        Socket page = send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(CompletableFuture.supplyAsync(() -> statusLine(page))).succeedsWithin(Duration.ofSeconds(1))
                .isEqualTo("HTTP/1.1 200 OK");
    }

    private Socket send(String request) {
        try {
            Socket socket = new Socket("127.0.0.1", server.url().getPort());
            sockets.add(socket);
            socket.setSoTimeout((int) SOON.toMillis()); // a test that goes wrong still ends
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of the answer, such as "HTTP/1.1 200 OK". */
    private static String statusLine(Socket socket) {
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
    }
}
