package livefeed.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One headless Chromium for the whole test run (it takes seconds to start): each test opens its
 * own windows in it, and they are closed after the test.
 */
final class Browser implements AutoCloseable {

    private static final Path LOGS = Path.of("target");
    /**
     * We use no DevTools (CDP) feature of Selenium, so its warning that it has no CDP code for this
     * Chromium version is noise. Kept in a field: java.util.logging forgets a level set on a logger nobody holds.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final String firstWindow;
    private final Path profile;
    private boolean offline;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.firstWindow = driver.getWindowHandle();
        this.profile = profile;
    }

    static Browser start() {
        Path chromium = Chromium.browser();
        Path chromedriver = Chromium.driver();
        Path profile;
        try {
            profile = Files.createTempDirectory(Files.createDirectories(LOGS), "chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",                   // no screen: the tests run on servers and in CI
                "--no-sandbox",                     // Chromium's sandbox will not start as root, and CI runs as root
                "--disable-gpu",
                "--disable-dev-shm-usage",          // containers often have a tiny /dev/shm
                "--no-first-run",
                // This machine has no network: without the next four, Chromium keeps trying to reach
                // Google's services (updates, sync, safe browsing) and logs every refused connection.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--user-data-dir=" + profile);      // a fresh profile: no cache, cookies or passwords from an earlier run
        // The driver's path is given, and the browser's above: with both, Selenium does not run
        // Selenium Manager, which would otherwise try to download a browser and a driver.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .withLogFile(LOGS.resolve("chromedriver.log").toFile())
                .build();
        ChildProcesses.endWhenTheTestsEnd();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A new window of the given size, showing the page at url; the driver now talks to that window. */
    String open(URI url, Dimension size) {
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.manage().window().setSize(size);
        driver.get(url.toString());
        return driver.getWindowHandle();
    }

    /** Chrome's network emulation: new requests fail at once, as when a laptop loses its Wi-Fi. */
    void goOffline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        driver.setNetworkConditions(conditions);
        offline = true;
    }

    void goOnline() {
        if (offline) {
            driver.deleteNetworkConditions();
            offline = false;
        }
    }

    byte[] screenshot(String window) {
        driver.switchTo().window(window);
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** Back to the state the next test expects: online, and only the first, empty window open. */
    void closeTestWindows() {
        goOnline();
        for (String window : driver.getWindowHandles()) {
            if (!window.equals(firstWindow)) {
                driver.switchTo().window(window).close();
            }
        }
        driver.switchTo().window(firstWindow);
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
