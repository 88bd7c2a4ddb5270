package livefeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A client that follows /feed_events as EventSource does, on a thread of its own: when the stream breaks
 * it connects again after a short pause, with the last id it got as Last-Event-ID. It keeps every id it was given.
 */
final class StreamingClient implements AutoCloseable {

    private final URI base;
    private final List<Long> ids = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean stopped;
    private long lastId; // only the client's thread reads and writes it

    private StreamingClient(URI base) {
        this.base = base;
    }

    static StreamingClient follow(URI base) {
        StreamingClient client = new StreamingClient(base);
        Thread thread = new Thread(client::run, "streaming-client");
        thread.setDaemon(true);
        thread.start();
        return client;
    }

    private void run() {
        while (!stopped) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/feed_events?since=0"));
            if (lastId > 0) {
                request.header("Last-Event-ID", String.valueOf(lastId));
            }
            try {
                HttpResponse<Stream<String>> answer = PollingClient.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                try (Stream<String> lines = answer.body()) {
                    if (answer.statusCode() != 200) {
                        PollingClient.pauseAfterAFailure();
                        continue;
                    }
                    connections.incrementAndGet();
                    read(lines.iterator());
                }
            } catch (IOException | UncheckedIOException broken) {
                if (!pausedAfterAFailure()) { // the server went away mid-stream: connect again, as EventSource does
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean pausedAfterAFailure() {
        try {
            PollingClient.pauseAfterAFailure();
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Reads events until the stream ends, or breaks with an UncheckedIOException. */
    private void read(Iterator<String> lines) {
        while (!stopped && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("id: ")) {
                lastId = Long.parseLong(line.substring(4));
                ids.add(lastId);
            }
        }
    }

    List<Long> ids() {
        return List.copyOf(ids);
    }

    /** How many times a stream was opened: more than once when one broke and the client came back. */
    int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        stopped = true; // the stream in progress ends at its next heartbeat; the thread is a daemon
    }
}
