package livefeed.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The admin page (admin.html), in its own browser window: its forms and its ready-made "display" buttons. */
final class AdminWindow {

    private final Browser browser;
    private final String window;

    AdminWindow(Browser browser, String window) {
        this.browser = browser;
        this.window = window;
    }

    /** Clicks one of the ready-made items: "Display a message", "Display a link" or "Display a score". */
    void click(String displayButton) {
        driver().findElement(By.xpath("//section[@id='display-buttons']//button[normalize-space()='" + displayButton + "']"))
                .click();
    }

    void sendMessage(String text) {
        fillIn("content", text);
        driver().findElement(By.cssSelector("#message-form button")).click();
    }

    void sendLink(String url, String title) {
        fillIn("url", url);
        fillIn("title", title);
        driver().findElement(By.cssSelector("#link-form button")).click();
    }

    /**
     * Waits for what the page shows under "Server's answer" once the post is done: the stored item
     * as JSON, or an error such as "Error 401: ..." or "Not sent: ...".
     */
    String awaitAnswer() {
        return await().atMost(Duration.ofSeconds(10)).until(this::answer, answer -> !answer.isEmpty() && !answer.equals("sending…"));
    }

    private String answer() {
        return driver().findElement(By.id("answer")).getText();
    }

    String title() {
        return driver().getTitle();
    }

    byte[] screenshot() {
        return browser.screenshot(window);
    }

    private void fillIn(String id, String text) {
        WebElement field = driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** The driver, talking to this window. */
    private ChromeDriver driver() {
        return (ChromeDriver) browser.driver().switchTo().window(window);
    }
}
