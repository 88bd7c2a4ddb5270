package livefeed.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The article's demo: the live feed in one window, the admin page in another, a click in one shows up in the other. */
@Tag("browser")
class LiveFeedTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();
    @RegisterExtension
    final Servers servers = new Servers();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Step.class)
    void aClickOnADisplayButtonShowsTheItemOnTheLiveFeed(Step step) {
        StepServer server = servers.start(step);
        FeedWindow feed = browser.openFeed(server.url());
        // The page's first poll is out before the admin page even loads: step 2 cannot lose this item.
        await("the page's first request").atMost(Duration.ofSeconds(5))
                .until(feed::requests, requests -> requests >= 1);
        AdminWindow admin = browser.openAdmin(server.adminPage());

        admin.click("Display a message");

        await().atMost(step.newItemDeadline)
                .untilAsserted(() -> assertThat(feed.items()).containsExactly("Breaking: the feed works"));
        Screenshots.save(feed.screenshot(), step + "-live-feed");
        Screenshots.save(admin.screenshot(), step + "-admin");
    }

    @Test
    void everyKindOfItemIsShownNewestFirst() {
        StepServer server = servers.start(Step.BACKLOG);
        FeedWindow feed = browser.openFeed(server.url());
        AdminWindow admin = browser.openAdmin(server.adminPage());

        admin.click("Display a message");
        admin.awaitAnswer(); // one at a time, so that the items get their ids in this order
        admin.click("Display a link");
        admin.awaitAnswer();
        admin.click("Display a score");
        admin.awaitAnswer();
        admin.sendMessage("Hello from the admin page");

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(feed.items()).containsExactly(
                "Hello from the admin page",
                "score: home=Lions 2, away=Tigers 1",
                "Comet (programming)",
                "Breaking: the feed works"));
        assertThat(feed.all("#feed a")).singleElement()
                .satisfies(link -> assertThat(link.getDomAttribute("href")).isEqualTo("https://en.wikipedia.org/wiki/Comet_(programming)"));
        assertThat(admin.awaitAnswer()).as("the server's answer to the last post")
                .startsWith("{\"id\":4,").contains("\"content\":\"Hello from the admin page\"");
        Screenshots.saveForDocs(feed.screenshot(), "live-feed");
        Screenshots.saveForDocs(admin.screenshot(), "admin-page");
    }

    @Test
    void theAdminPageBehindNginxSendsItsPasswordWithEachItem() {
        StepServer server = servers.start(Step.NGINX);
        FeedWindow feed = browser.openFeed(server.url());
        AdminWindow admin = browser.openAdmin(server.adminPage());

        admin.click("Display a message");

        assertThat(admin.awaitAnswer()).as("the server's answer, shown on the admin page").startsWith("{\"id\":1,");
        await().atMost(Step.NGINX.newItemDeadline)
                .untilAsserted(() -> assertThat(feed.items()).containsExactly("Breaking: the feed works"));
        assertThat(Http.post(server.url(), "type=message&content=no+password").statusCode())
                .as("the same post without the password, which nginx refuses")
                .isEqualTo(401);
    }
}
