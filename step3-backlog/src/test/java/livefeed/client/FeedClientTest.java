package livefeed.client;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static livefeed.client.ScriptedFeed.QUICK_RETRIES;
import static livefeed.client.ScriptedFeed.answerInTurn;
import static livefeed.client.ScriptedFeed.items;
import static livefeed.client.ScriptedFeed.line;
import static livefeed.client.ScriptedFeed.requestedUrls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The cursor: what the client sends with each poll, and what it tells when ids jump or start again. */
@WireMockTest
class FeedClientTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private FeedClient client;

    @BeforeEach
    void createClient(WireMockRuntimeInfo wireMock) {
        client = new FeedClient(URI.create(wireMock.getHttpBaseUrl()), SOON, QUICK_RETRIES, lines::add);
    }

    @Test
    @DisplayName("the cursor starts at 0, then is the largest id seen; an empty answer leaves it")
    void sendsSinceZeroFirstThenTheLargestIdItHasSeen() throws Exception {
        answerInTurn(items(1, 2, 3), items(4), okJson("[]"), items(5, 6));

        for (int i = 0; i < 4; i++) {
            assertThat(client.pollOnce()).as("no failure, so no delay").isZero();
        }

        assertThat(requestedUrls()).containsExactly(
                "/real_time_feed?since=0",
                "/real_time_feed?since=3",
                "/real_time_feed?since=4",
                "/real_time_feed?since=4"); // the poll timed out empty: nothing new, so the same cursor again
        assertThat(lines).containsExactly(line(1), line(2), line(3), line(4), line(5), line(6));
    }

    @Test
    @DisplayName("a gap in the ids is reported as items missed")
    void reportsTheItemsTheBacklogDroppedBeforeItCameBack() throws Exception {
        answerInTurn(items(1, 2), items(6, 7), items(8));

        client.pollOnce();
        client.pollOnce();
        client.pollOnce();

        assertThat(requestedUrls()).containsExactly(
                "/real_time_feed?since=0", "/real_time_feed?since=2", "/real_time_feed?since=7");
        assertThat(lines).containsExactly(line(1), line(2),
                "(3 items missed: the server's backlog dropped them before we came back)",
                line(6), line(7), line(8));
    }

    @Test
    @DisplayName("ids that start again tell of a restart, and the cursor starts over")
    void noticesThatTheServerRestartedAndStartsItsCursorOver() throws Exception {
        answerInTurn(items(6, 7), items(1, 2), items(3));

        client.pollOnce();
        client.pollOnce();
        client.pollOnce();

        assertThat(requestedUrls()).containsExactly(
                "/real_time_feed?since=0", "/real_time_feed?since=7", "/real_time_feed?since=2");
        assertThat(lines).as("a first answer that starts at 6 misses nothing: since=0 asked for the backlog")
                .containsExactly(line(6), line(7),
                        "(the server restarted: its ids began again at 1, so the cursor goes from 7 to 2)",
                        line(1), line(2), line(3));
    }

    @Test
    void stopEndsRunEvenWhileAPollIsParked() {
        answerInTurn(items(1));
        Thread runner = new Thread(client::run);
        runner.start();
        await().atMost(SOON).until(() -> requestedUrls().contains("/real_time_feed?since=1"));

        client.stop();

        await().atMost(SOON).until(() -> !runner.isAlive());
        assertThat(lines).containsExactly(line(1));
        assertThat(requestedUrls()).containsExactly("/real_time_feed?since=0", "/real_time_feed?since=1");
    }
}
