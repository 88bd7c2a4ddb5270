package livefeed.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber whose connection fails waits the page's retry delay before it connects again; one
 * that reads a stream waits the server's retry:, as EventSource does.
 */
class SubscribersTest {

    @Test
    void waitsThePagesRetryDelayAfterTheServerClosesTheConnection() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0)) {
            Thread closer = new Thread(() -> { // accepts and closes at once, like nginx out of connections
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return; // the server socket was closed: the test is over
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();
            Subscribers subscribers = new Subscribers(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 1, 10,
                    () -> new PollingSubscriber(true), 0);
            subscribers.start();

            await().atMost(Duration.ofSeconds(5)).until(() -> accepted.get() >= 1);
            // Retry delays of 0.5 to 1 s, then 1 to 2 s: at most 2 more connects in 1.4 s (at once, it would be thousands).
            await().during(Duration.ofMillis(1400)).atMost(Duration.ofSeconds(3)).until(() -> accepted.get() <= 3);
            subscribers.stop();

            assertThat(subscribers.failure).isNull();
            StepResult.Troubles troubles = subscribers.troubles();
            assertThat(troubles.closedBetweenAnswers() + troubles.brokenAnswers()).isBetween(1, 3);
        }
    }

    @Test
    void aStreamConnectsAgainAfterTheServersRetryNotThePagesDelay() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0)) {
            Thread streamer = new Thread(() -> { // a stream that says retry: 700, then ends with its connection
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        accepted.incrementAndGet();
                        BufferedReader request = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                StandardCharsets.US_ASCII));
                        while (!request.readLine().isEmpty()) {
                            // the request's head, read whole so that closing sends no reset
                        }
                        socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\nd\r\nretry: 700\n\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException | NullPointerException e) {
                        return; // the server socket was closed: the test is over
                    }
                }
            });
            streamer.setDaemon(true);
            streamer.start();
            Subscribers subscribers = new Subscribers(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 1, 10,
                    () -> new EventStreamSubscriber("/feed_events", true), 0);
            long start = System.nanoTime();
            subscribers.start();

            await().atMost(Duration.ofSeconds(5)).until(() -> accepted.get() >= 1);
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(1)).until(() -> accepted.get() == 1);
            // 700 ms apart: the 5th connect by about 2.8 s. The page's delays (0.5 s, 1 s, 2 s, 4 s at least) would take 7.5 s.
            await().atMost(Duration.ofSeconds(5)).until(() -> accepted.get() >= 5);
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            subscribers.stop();

            assertThat(seconds).isLessThan(5);
            assertThat(subscribers.failure).isNull();
            assertThat(subscribers.troubles().closedBetweenAnswers()).isGreaterThanOrEqualTo(4);
        }
    }
}
