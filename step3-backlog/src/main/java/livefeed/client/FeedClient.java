package livefeed.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.text.ParseException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows the feed from a console, as the step-3 page does: each request sends the id of the
 * last item it has (its cursor), and each item is printed on one line as it arrives. Like any
 * client, it shares only the wire format with the server (see FeedItem), none of its classes.
 * Run a FeedServer, then {@code mvn -q -pl step3-backlog compile exec:java -Dexec.mainClass=livefeed.client.FeedClient}
 * or {@code java -cp step3-backlog/target/classes livefeed.client.FeedClient http://127.0.0.1:8001}; Ctrl-C stops it.
 */
public final class FeedClient {

    // The server answers [] after its 30 s poll timeout. Ours is 10 s longer, so the server
    // answers first even over a slow network; ours fires only when the connection died quietly.
    // The page waits as long (REQUEST_TIMEOUT_MS in cursor-polling.js): SameAsThePageTest compares them.
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
    static final String DEFAULT_SERVER = "http://127.0.0.1:8001";

    private final URI feed;
    private final Duration requestTimeout;
    private final RetryDelay retryDelay;
    private final Consumer<String> out;
    private final HttpClient http = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .version(HttpClient.Version.HTTP_1_1) // as the page's requests: no attempt to upgrade to HTTP/2
            .build();
    private final Cursor cursor = new Cursor();
    private int failures; // in a row
    private volatile boolean stopped;
    private volatile Thread runner;

    public FeedClient(URI server, Duration requestTimeout, RetryDelay retryDelay, Consumer<String> out) {
        this.feed = server.resolve("/real_time_feed");
        this.requestTimeout = requestTimeout;
        this.retryDelay = retryDelay;
        this.out = out;
    }

    public static void main(String[] args) {
        URI server = serverAddress(args);
        if (server == null) {
            System.err.println("error: '" + args[0] + "' is not an http:// URL such as " + DEFAULT_SERVER
                    + "\nusage: FeedClient [SERVER_URL]");
            System.exit(2);
            return;
        }
        FeedClient client = new FeedClient(server, REQUEST_TIMEOUT, RetryDelay.standard(), System.out::println);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            client.stop(); // Ctrl-C: end the request or the delay that main waits for, and let it say goodbye
            try {
                main.join(2_000);
            } catch (InterruptedException e) {
                // the JVM is stopping anyway
            }
        }));
        System.out.println("Following " + client.feed + " (Ctrl-C to stop)");
        client.run();
        System.out.println("Stopped.");
    }

    /** The server's URL from the command line, or null when it is not an http(s) URL with a host. */
    private static URI serverAddress(String[] args) {
        try {
            URI server = new URI(args.length > 0 ? args[0] : DEFAULT_SERVER);
            boolean web = "http".equals(server.getScheme()) || "https".equals(server.getScheme());
            return web && server.getHost() != null ? server : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Polls until stop() is called or this thread is interrupted. */
    public void run() {
        runner = Thread.currentThread();
        try {
            while (!stopped) {
                Thread.sleep(pollOnce().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the news for whoever called run
        }
    }

    /** Ends run(), even in the middle of a request or a retry delay. */
    public void stop() {
        stopped = true;
        Thread waiting = runner;
        if (waiting != null) {
            waiting.interrupt();
        }
    }

    /** One request and its answer. Returns how long to wait before the next: zero after a success. */
    Duration pollOnce() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(feed + "?since=" + cursor.lastId()))
                .timeout(requestTimeout)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return failed("no answer within " + inWords(requestTimeout), Duration.ZERO);
        } catch (ConnectException e) {
            return failed("cannot connect to " + feed.getAuthority(), Duration.ZERO);
        } catch (IOException e) {
            return failed("the connection failed: " + e, Duration.ZERO);
        }
        if (response.statusCode() != 200) {
            return failed("HTTP " + response.statusCode() + " from the server", retryAfter(response));
        }
        try {
            show(FeedAnswer.items(response.body()));
        } catch (ParseException e) {
            return failed("malformed answer: " + e.getMessage(), Duration.ZERO);
        }
        failures = 0;
        return Duration.ZERO;
    }

    private void show(List<FeedItem> items) {
        cursor.moveOver(items).ifPresent(out);
        for (FeedItem item : items) {
            out.accept(ItemLine.of(item, ZoneId.systemDefault()));
        }
    }

    /** Says what failed and when we try again. The server may ask us to wait longer, with a 503. */
    private Duration failed(String what, Duration serverAsked) {
        failures++;
        Duration delay = retryDelay.afterFailures(failures);
        if (serverAsked.compareTo(delay) > 0) {
            delay = serverAsked;
        }
        out.accept("(" + ItemLine.printable(what) + "; retrying in " + inWords(delay) + ")");
        return delay;
    }

    /** Retry-After in seconds, as our server sends it; the header may also hold a date, which we ignore. */
    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After")
                .filter(seconds -> seconds.matches("[0-9]{1,5}"))
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                .orElse(Duration.ZERO);
    }

    /** "250 ms", "1.5 s", "40 s". */
    private static String inWords(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}
