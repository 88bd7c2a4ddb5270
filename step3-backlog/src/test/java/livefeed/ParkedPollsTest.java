package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A parked poll holds no thread: with more polls parked than there are request threads, pages are still served. */
class ParkedPollsTest {

    private static final int PARKED = FeedServer.REQUEST_THREADS + 100;
    private static final Duration SOON = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServer server = new TestServer();
    @RegisterExtension
    final RawConnections connections = new RawConnections(() -> server.server().url().getPort());

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: a parked poll holds no thread: with more parked than there are request threads, pages are still served")
    void morePollsParkedThanThereAreRequestThreadsHoldNoneOfThem() {
        for (int i = 0; i < PARKED; i++) {
            connections.send("GET /real_time_feed HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        }
        await("every poll is parked").atMost(SOON).until(() -> server.server().waitingPolls() == PARKED);
        await("no request thread is busy").atMost(SOON).until(() -> server.server().busyRequestThreads() == 0);

        assertThat(connections.statusLine(connections.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")))
                .succeedsWithin(Duration.ofSeconds(1)).isEqualTo("HTTP/1.1 200 OK");
    }
}
