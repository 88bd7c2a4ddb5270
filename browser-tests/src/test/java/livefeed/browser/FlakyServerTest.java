package livefeed.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The server goes away and comes back: the page says it is retrying, then carries on by itself. */
@Tag("browser")
class FlakyServerTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();
    @RegisterExtension
    final Servers servers = new Servers();

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"POLLING", "LONG_POLLING", "BACKLOG"})
    void saysItIsRetryingWhileTheServerIsAwayAndRecoversByItself(Step step) {
        StepServer server = servers.start(step);
        FeedWindow feed = browser.openFeed(server.url());
        feed.rememberThisLoad();
        await("the page's first request").atMost(Duration.ofSeconds(5))
                .until(feed::requests, requests -> requests >= 1);

        server.stop();
        await("the page saying it retries").atMost(Duration.ofSeconds(5))
                .until(feed::state, state -> state.matches("retrying in \\d+ s"));
        Screenshots.save(feed.screenshot(), step + "-retrying");

        StepServer restarted = servers.startAgain(server);
        // Back when a request has been out for a whole second without failing: in step 2 it is then
        // surely held by the server, and the next item cannot slip past it.
        await("the page back from retrying, for a whole second").atMost(Duration.ofSeconds(15))
                .during(Duration.ofSeconds(1)).until(feed::state, state -> !state.startsWith("retrying"));
        Http.publishMessage(restarted, "back again");

        await("the item on the live feed").atMost(step.newItemDeadline)
                .until(feed::items, items -> items.contains("back again"));
        assertThat(feed.wasNotReloaded()).isTrue();
    }
}
