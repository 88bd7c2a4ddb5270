package livefeed.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A subscriber whose connection fails waits the page's retry delay before it connects again. */
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
}
