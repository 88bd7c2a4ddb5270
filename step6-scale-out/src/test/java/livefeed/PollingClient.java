package livefeed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that follows the feed as the page's cursor-polling.js does, on a thread of its own: GET
 * /real_time_feed?since=cursor, again and again, the cursor being the last id it got. It keeps every id
 * it was given, in order, and every answer that was not a 200.
 */
final class PollingClient implements AutoCloseable {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final long FAILURE_PAUSE_MILLIS = 200;
    private static final Pattern ID = Pattern.compile("\\{\"id\":(\\d+),");

    private final URI base;
    private final List<Long> ids = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private long cursor; // only the client's thread reads and writes it

    private PollingClient(URI base) {
        this.base = base;
    }

    static PollingClient follow(URI base) {
        PollingClient client = new PollingClient(base);
        Thread thread = new Thread(client::run, "polling-client");
        thread.setDaemon(true);
        thread.start();
        return client;
    }

    private void run() {
        try {
            while (!stopped) {
                if (!pollOnce()) {
                    pauseAfterAFailure();
                }
            }
        } catch (InterruptedException e) {
            // the test is over
        }
    }

    /** One GET from the cursor; false when it failed. */
    private boolean pollOnce() throws InterruptedException {
        HttpRequest poll = HttpRequest.newBuilder(base.resolve("/real_time_feed?since=" + cursor))
                .timeout(Duration.ofSeconds(40)).build();
        try {
            HttpResponse<String> answer = CLIENT.send(poll, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                failures.add(answer.statusCode() + " " + answer.body());
                return false;
            }
            Matcher id = ID.matcher(answer.body());
            while (id.find()) {
                cursor = Long.parseLong(id.group(1));
                ids.add(cursor);
            }
            return true;
        } catch (IOException e) {
            failures.add(e.toString());
            return false;
        }
    }

    /** As the page does after a failure, but shorter: a test client must not spin on a server that refuses it. */
    static void pauseAfterAFailure() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(FAILURE_PAUSE_MILLIS);
    }

    /** The ids received so far, in the order received. */
    List<Long> ids() {
        return List.copyOf(ids);
    }

    /** Every answer that was not a 200, and every connection that failed. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        stopped = true; // the poll in progress ends at its timeout; the thread is a daemon
    }
}
