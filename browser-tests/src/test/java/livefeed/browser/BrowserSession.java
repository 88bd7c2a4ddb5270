package livefeed.browser;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;

import java.net.URI;

/**
 * The shared headless Chromium, for a test class: {@code @RegisterExtension static final BrowserSession browser = new BrowserSession();}
 * Started by the first class that needs it, quit when the whole run ends; each test's windows are closed after it.
 */
final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSession.class);
    private static final Dimension FEED_SIZE = new Dimension(800, 700);
    private static final Dimension ADMIN_SIZE = new Dimension(800, 760);

    private Browser browser;

    @Override
    public void beforeEach(ExtensionContext context) {
        Chromium.browser(); // without Chromium, each test is reported skipped (in CI: failed), with the reason
        Chromium.driver();
        // WebDriver is one conversation with one browser: have Awaitility ask from the test's own thread.
        Awaitility.pollInSameThread();
        browser = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, key -> Browser.start(), Browser.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) { // null when the test was skipped for want of Chromium
            browser.closeTestWindows();
        }
    }

    FeedWindow openFeed(URI url) {
        return new FeedWindow(browser, browser.open(url, FEED_SIZE));
    }

    AdminWindow openAdmin(URI url) {
        return new AdminWindow(browser, browser.open(url, ADMIN_SIZE));
    }

    void goOffline() {
        browser.goOffline();
    }

    void goOnline() {
        browser.goOnline();
    }
}
