package livefeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A client of the wire contract, written from docs/contract.md alone: plain HTTP/1.1 requests, the
 * admin's basic auth when asked for, and a reader of an event stream that keeps its lines. One
 * HttpClient: sequential requests share its kept-alive connection, parallel ones open more.
 */
final class ContractClient {

    static final String FORM = "application/x-www-form-urlencoded";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String password;

    ContractClient(URI base, String password) {
        this.base = base;
        this.password = password;
    }

    /** The same client on another address (a feed server's own port). */
    ContractClient at(int port) {
        return new ContractClient(URI.create("http://127.0.0.1:" + port + "/"), password);
    }

    /** POST /send_feed_item as the admin, with the form's Content-Type. */
    HttpResponse<String> publish(String form) {
        return send(request("/send_feed_item").header("Authorization", basic("admin", password))
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return http.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any request: method, path, body (none when null), then header names and values in turn. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** The same request as an admin, with the password. */
    HttpResponse<String> sendAsAdmin(String method, String path, String body, String... headers) {
        String[] withAuth = Stream.concat(Stream.of("Authorization", basic("admin", password)), Stream.of(headers))
                .toArray(String[]::new);
        return send(method, path, body, withAuth);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens GET /feed_events (with Last-Event-ID when not null) and keeps every line it receives. */
    Events events(String lastEventId) {
        HttpRequest.Builder request = request("/feed_events").GET().header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        Events events = new Events();
        events.response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
            Thread reader = new Thread(() -> {
                try (Stream<String> lines = response.body()) {
                    lines.forEach(events.lines::add);
                } catch (UncheckedIOException closed) {
                    // the test closed the stream, or the server went away: the lines so far are kept
                }
            }, "contract-events");
            reader.setDaemon(true);
            reader.start();
            return response;
        });
        return events;
    }

    /**
     * GET /feed_events with Last-Event-ID, waited for here: its status goes to statuses, and its lines are
     * returned (none when the status is not 200). Closing them closes the stream.
     */
    Stream<String> eventLines(String lastEventId, java.util.function.Consumer<Integer> statuses) {
        HttpRequest request = request("/feed_events").GET().header("Accept", "text/event-stream")
                .header("Last-Event-ID", lastEventId).build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            statuses.accept(response.statusCode());
            if (response.statusCode() != 200) {
                response.body().close();
                return Stream.empty();
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An open event stream: its answer, once the headers came, and its lines so far. */
    static final class Events implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> response;

        /** The ids of its events so far, in the order they came (the "id:" lines). */
        List<Long> ids() {
            return lines.stream().filter(line -> line.startsWith("id:")).map(line -> Long.valueOf(line.substring(3).strip()))
                    .toList();
        }

        /** The data of its events so far, in order (the "data:" lines). */
        List<String> data() {
            return lines.stream().filter(line -> line.startsWith("data:")).map(line -> line.substring(5).strip()).toList();
        }

        @Override
        public void close() {
            response.thenAccept(answer -> answer.body().close());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
