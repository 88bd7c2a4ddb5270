package livefeed.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** What the status line's "requests" count shows while nothing is published: the cost of each technique. */
@Tag("browser")
class RequestCountTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();
    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void pollingKeepsAskingWhileNothingHappens() {
        StepServer server = servers.start(Step.POLLING);
        FeedWindow feed = browser.openFeed(server.url());
        int first = await("the page's first request").atMost(Duration.ofSeconds(5))
                .until(feed::requests, requests -> requests >= 1);

        // One request every 2 s, each answered []: two more within 5 s.
        await("two more requests").atMost(Duration.ofSeconds(5))
                .until(feed::requests, requests -> requests >= first + 2);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LONG_POLLING", "BACKLOG", "NGINX", "SERVER_SENT_EVENTS"})
    void aLongPollStaysTheOneOpenRequestWhileNothingHappens(Step step) {
        StepServer server = servers.start(step); // the default poll timeout: 30 s
        FeedWindow feed = browser.openFeed(server.url());
        await("the page's first request").atMost(Duration.ofSeconds(5))
                .until(feed::requests, requests -> requests == 1);

        await("still one request").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                .until(feed::requests, requests -> requests == 1);
    }
}
