package livefeed.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The admin page of every step: POST /send_feed_item with the form, and the server answers the item
 * with its id and timestamp. Through nginx (step 4) it logs in as the admin, with Basic auth.
 */
final class FeedPublisher implements Publisher {

    private final InetSocketAddress server;
    private final String authorization; // a header line, or "" where no password is asked

    /** adminPassword: null where publishing needs none (steps 1 to 3, and 5). */
    FeedPublisher(InetSocketAddress server, String adminPassword) {
        this.server = server;
        this.authorization = adminPassword == null ? "" : "Authorization: Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    @Override
    public long publish(String content, Stats postMicros) throws IOException {
        String body = "type=message&content=" + content; // plain words: nothing to encode
        String request = "POST /send_feed_item HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n" + authorization + "\r\n" + body;
        ResponseParser response = Publisher.post(server, request, postMicros);
        if (response.status() != 200) {
            throw new IOException("publishing answered " + response.status() + ": " + response.body());
        }
        return ItemJson.idsAndTimestamps(response.body())[0];
    }
}
