package livefeed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test client for a running server, or for nginx in front of one: real HTTP on loopback, never
 * through a system proxy. The same file in every step; the Basic-auth helpers are for step 4.
 */
final class Http {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String pathAndQuery) {
        return CLIENT.sendAsync(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> methodAsync(String method, String pathAndQuery) {
        return CLIENT.sendAsync(request(pathAndQuery).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> method(String method, String pathAndQuery) {
        return send(request(pathAndQuery).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> publish(String formBody) {
        return post(FORM, formBody.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String contentType, byte[] body) {
        return send(request("/send_feed_item")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** As the admin page does once the browser has asked for the password. */
    HttpResponse<String> publishAs(String user, String password, String formBody) {
        return send(request("/send_feed_item")
                .header("Content-Type", FORM)
                .header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    HttpResponse<String> getAs(String user, String password, String pathAndQuery) {
        return send(request(pathAndQuery).header("Authorization", basic(user, password)).GET());
    }

    HttpResponse<String> get(String pathAndQuery, String header, String value) {
        return send(request(pathAndQuery).header(header, value).GET());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends bytes exactly as given, for requests HttpClient would tidy up (odd paths, a false
     * Content-Length), and returns the answer as text: its head and a body of Content-Length bytes.
     * It does not wait for the connection to close, so it works while the server still expects more.
     */
    String raw(String request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(head);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return head + new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return base.getPort();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
