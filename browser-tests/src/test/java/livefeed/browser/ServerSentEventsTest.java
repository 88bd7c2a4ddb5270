package livefeed.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Step 5's EventSource in a real page: one request for many items, and back by itself after the server was killed. */
@Tag("browser")
class ServerSentEventsTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();
    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void showsEveryItemOverTheOneOpenRequest() {
        StepServer server = servers.start(Step.SERVER_SENT_EVENTS);
        FeedWindow feed = browser.openFeed(server.url());
        await("the stream open").atMost(Duration.ofSeconds(5)).until(feed::requests, requests -> requests == 1);

        IntStream.rangeClosed(1, 5).forEach(id -> Http.publishMessage(server, "item " + id));

        await("five items shown").atMost(Duration.ofSeconds(2))
                .until(feed::items, items -> items.equals(List.of("item 5", "item 4", "item 3", "item 2", "item 1")));
        assertThat(feed.requests()).as("no request per item").isEqualTo(1);
        assertThat(feed.state()).isEqualTo("connected");
        Screenshots.save(feed.screenshot(), Step.SERVER_SENT_EVENTS + "-five-items");
    }

    @Test
    void reconnectsByItselfAfterTheServerIsKilledAndCatchesUp() {
        StepServer server = servers.start(Step.SERVER_SENT_EVENTS);
        FeedWindow feed = browser.openFeed(server.url());
        feed.rememberThisLoad();
        IntStream.rangeClosed(1, 3).forEach(id -> Http.publishMessage(server, "before the kill, item " + id));
        await("three items shown").atMost(Duration.ofSeconds(2)).until(() -> feed.items().size() == 3);

        server.kill();
        await("the page saying it reconnects").atMost(Duration.ofSeconds(5))
                .until(feed::state, state -> state.matches("reconnecting|retrying in \\d+ s"));
        StepServer restarted = servers.startAgain(server);
        // Its Last-Event-ID says 3; the new server's ids begin again at 1, so it counts the cursor as 0.
        Http.publishMessage(restarted, "after the restart, item 1");
        Http.publishMessage(restarted, "after the restart, item 2");

        await("both new items on top").atMost(Duration.ofSeconds(15)).until(() -> feed.items().size() == 5
                && feed.items().subList(0, 2).equals(List.of("after the restart, item 2", "after the restart, item 1")));
        assertThat(feed.state()).isEqualTo("connected");
        assertThat(feed.requests()).as("the first stream and at least one reconnection").isGreaterThanOrEqualTo(2);
        assertThat(feed.missed()).as("nothing was missed").isEmpty();
        assertThat(feed.wasNotReloaded()).isTrue();
    }
}
