package livefeed.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

/** The live feed page (index.html), in its own browser window: what a person would read on it. */
final class FeedWindow {

    private final Browser browser;
    private final String window;

    FeedWindow(Browser browser, String window) {
        this.browser = browser;
        this.window = window;
    }

    /** The status line's "requests" count. */
    int requests() {
        return Integer.parseInt(text("requests"));
    }

    /** "waiting", "receiving", "retrying in 3 s", ... */
    String state() {
        return text("state");
    }

    /** "7 items missed", or empty. */
    String missed() {
        return text("missed");
    }

    /** Each item's text without its time, newest first: "Breaking: the feed works", "score: home=Lions 2, away=Tigers 1" ... */
    List<String> items() {
        return all("#feed > li > :not(time)").stream().map(WebElement::getText).toList();
    }

    List<WebElement> all(String cssSelector) {
        return driver().findElements(By.cssSelector(cssSelector));
    }

    String title() {
        return driver().getTitle();
    }

    /** Leaves a mark in this page's JavaScript globals: a reload would wipe it out. */
    void rememberThisLoad() {
        driver().executeScript("window.loadedByTheTest = true;");
    }

    boolean wasNotReloaded() {
        return Boolean.TRUE.equals(driver().executeScript("return window.loadedByTheTest === true;"));
    }

    /** Runs a script in this page, beside its own (`arguments[0]` is the first argument), and gives back what it returns. */
    Object evaluate(String script, Object... arguments) {
        return driver().executeScript(script, arguments);
    }

    byte[] screenshot() {
        return browser.screenshot(window);
    }

    private String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    /** The driver, talking to this window. */
    private ChromeDriver driver() {
        return (ChromeDriver) browser.driver().switchTo().window(window);
    }
}
