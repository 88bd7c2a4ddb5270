package livefeed.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Step 3's cursor in a real page: it says what it missed, follows a restarted server, and never reloads. */
@Tag("browser")
class MissedItemsTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();
    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    @Tag("ex3.3")
    @DisplayName("Exercise 3.3: a page that was offline says how many items it missed, and carries on")
    void saysHowManyItemsItMissedWhileOfflineAndCarriesOn() {
        StepServer server = servers.start(Step.BACKLOG, "--backlog", "3");
        FeedWindow feed = browser.openFeed(server.url());
        feed.rememberThisLoad();
        // Its first poll is held by the server (nothing to send yet): one request, for a while.
        await("one request, held").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(feed::requests, requests -> requests == 1);

        browser.goOffline();
        // The poll the server holds is still answered; the page's next one fails, and it retries.
        Http.publishMessage(server, "item 1");
        await("item 1 shown, and the page retrying").atMost(Duration.ofSeconds(5))
                .until(() -> feed.items().equals(List.of("item 1")) && feed.state().startsWith("retrying in"));
        // 10 more while the page is offline: the backlog keeps only items 9, 10 and 11.
        IntStream.rangeClosed(2, 11).forEach(id -> Http.publishMessage(server, "item " + id));
        browser.goOnline();

        // Its cursor says 1, and the oldest item it gets is 9: items 2 to 8 are gone.
        await("the missed items counted").atMost(Duration.ofSeconds(10)).until(feed::missed, "7 items missed"::equals);
        assertThat(feed.items()).containsExactly("item 11", "item 10", "item 9", "item 1");
        Screenshots.saveForDocs(feed.screenshot(), "missed-items");

        Http.publishMessage(server, "item 12");
        await("item 12 on top").atMost(Duration.ofSeconds(1)).until(() -> feed.items().get(0), "item 12"::equals);
        assertThat(feed.wasNotReloaded()).isTrue();
    }

    @Test
    @Tag("ex3.3")
    @DisplayName("Exercise 3.3: after a server restart the page shows the new items and counts nothing as missed")
    void followsARestartedServerWithoutReloading() {
        StepServer server = servers.start(Step.BACKLOG);
        FeedWindow feed = browser.openFeed(server.url());
        feed.rememberThisLoad();
        IntStream.rangeClosed(1, 3).forEach(id -> Http.publishMessage(server, "before the restart, item " + id));
        await("three items shown").atMost(Duration.ofSeconds(2)).until(() -> feed.items().size() == 3);

        server.stop();
        StepServer restarted = servers.startAgain(server);
        // The new server's first item is id 1; the page's cursor says 3, from before: the server counts it as 0.
        Http.publishMessage(restarted, "after the restart, item 1");

        await("the new server's item on top").atMost(Duration.ofSeconds(15))
                .until(() -> feed.items().get(0), "after the restart, item 1"::equals);
        assertThat(feed.missed()).as("nothing was missed").isEmpty();
        assertThat(feed.wasNotReloaded()).isTrue();
    }
}
