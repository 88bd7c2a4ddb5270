package livefeed.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Publishes items without a browser, as curl would: for tests where the admin page is not the point. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {
    }

    /** Publishes a message and checks that the server took it. */
    static void publishMessage(StepServer server, String content) {
        HttpResponse<String> response = post(server.url(), "type=message&content=" + URLEncoder.encode(content, StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("publishing '" + content + "' got " + response.statusCode() + ": " + response.body());
        }
    }

    /** A form post to /send_feed_item, without a password (step 4's nginx asks for one). */
    static HttpResponse<String> post(URI base, String form) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/send_feed_item"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
