package livefeed.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whoever can post an item writes into every open feed page. The page must show an item as text,
 * never run it: the article's page inserted the HTML it received.
 */
@Tag("browser")
class UntrustedItemsTest {

    /** Would change the page's title, if the page ran it. */
    private static final String IMG_ATTACK = "<img src=x onerror=\"document.title='hacked'\">";
    private static final String SCRIPT_ATTACK = "<script>document.title='hacked'</script>";
    private static final String JAVASCRIPT_URL = "javascript:document.title='hacked'";

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();
    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    void aMessageWrittenInHtmlIsShownAsTextAndRunsNothing() {
        StepServer server = servers.start(Step.BACKLOG);
        FeedWindow feed = browser.openFeed(server.url());
        AdminWindow admin = browser.openAdmin(server.adminPage());

        admin.sendMessage(IMG_ATTACK);
        admin.awaitAnswer();
        admin.sendMessage(SCRIPT_ATTACK);

        await("both items shown").atMost(Duration.ofSeconds(2)).until(() -> feed.items().size() == 2);
        // A broken image fires onerror a moment after it is inserted: give it that moment.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(feed.title()).as("the page's title, which the items would change if the page ran them")
                        .isEqualTo("Live feed"));
        assertThat(feed.all("#feed img, #feed script")).extracting(element -> element.getDomProperty("outerHTML"))
                .as("elements made from the items' text").isEmpty();
        assertThat(feed.items()).containsExactly(SCRIPT_ATTACK, IMG_ATTACK);
        assertThat(admin.title()).isEqualTo("Feed admin");
    }

    @Test
    void aJavascriptLinkIsShownAsTextThatCannotBeClicked() {
        StepServer server = servers.start(Step.BACKLOG);
        FeedWindow feed = browser.openFeed(server.url());
        AdminWindow admin = browser.openAdmin(server.adminPage());

        admin.sendLink(JAVASCRIPT_URL, "Click me");

        await("the link shown").atMost(Duration.ofSeconds(2)).until(() -> feed.items().size() == 1);
        assertThat(feed.all("#feed a")).extracting(link -> link.getDomAttribute("href")).as("links in the feed").isEmpty();
        assertThat(feed.items()).containsExactly("Click me (" + JAVASCRIPT_URL + ")");
        feed.all("#feed > li > :not(time)").get(0).click();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(feed.title()).as("the page's title, which the link would change if it ran").isEqualTo("Live feed"));
    }
}
