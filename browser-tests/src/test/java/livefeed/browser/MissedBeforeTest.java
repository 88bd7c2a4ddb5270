package livefeed.browser;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptException;

import java.util.List;
import java.util.Map;

/** Step 3's page counts the items it missed: its own missedBefore, called in the real page, case by case. */
@Tag("browser")
class MissedBeforeTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();
    @RegisterExtension
    final Servers servers = new Servers();

    @Test
    @Tag("ex3.3")
    @DisplayName("Exercise 3.3: missedBefore counts the ids between the cursor and the first item, and nothing else")
    void countsTheIdsBetweenTheCursorAndTheFirstItem() {
        FeedWindow feed = browser.openFeed(servers.start(Step.BACKLOG).url());
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(missedBefore(feed, 4, 5, 6)).as("the next ids after cursor 4: nothing missed").isZero();
        softly.assertThat(missedBefore(feed, 1, 9, 10, 11)).as("cursor 1, first id 9: items 2 to 8 were dropped").isEqualTo(7);
        softly.assertThat(missedBefore(feed, 4, 6)).as("cursor 4, first id 6: item 5 was dropped").isEqualTo(1);
        softly.assertThat(missedBefore(feed, 0, 6, 7)).as("the first poll (cursor 0) brings the backlog, which may start"
                + " past 1: nothing missed").isZero();
        softly.assertThat(missedBefore(feed, 7, 1, 2)).as("a first id below the cursor: the server restarted, ids began"
                + " again at 1, and nothing counts as missed").isZero();
        softly.assertThat(missedBefore(feed, 3, 3)).as("a first id equal to the cursor: a restart too").isZero();
        softly.assertAll();
    }

    /** The page's own function, on items with these ids. */
    private static long missedBefore(FeedWindow feed, long cursor, long... ids) {
        List<Map<String, Long>> items = java.util.Arrays.stream(ids).mapToObj(id -> Map.of("id", id)).toList();
        try {
            return (Long) feed.evaluate("return missedBefore(arguments[0], arguments[1]);", items, cursor);
        } catch (JavascriptException e) { // say what the page said, without the driver's session details
            throw new AssertionError("the page's missedBefore(" + items + ", " + cursor + ") threw: " + e.getRawMessage());
        }
    }
}
