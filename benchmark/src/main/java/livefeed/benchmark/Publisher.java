package livefeed.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Publishes items, each over a new blocking connection, and times each POST from connect to
 * answer. Not kept alive: the JDK server closes a keep-alive connection after an answer when it
 * holds more than sun.net.httpserver.maxIdleConnections (200) idle ones, and a POST must not be
 * sent twice to find that out. Through nginx (step 4) it logs in as the admin, with Basic auth.
 */
final class Publisher {

    private final InetSocketAddress server;
    private final String authorization; // a header line, or "" where no password is asked

    /** adminPassword: null where publishing needs none (steps 1 to 3). */
    Publisher(InetSocketAddress server, String adminPassword) {
        this.server = server;
        this.authorization = adminPassword == null ? "" : "Authorization: Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** Posts one item and returns its id; the POST's own latency goes into postMicros. */
    long publish(String content, Stats postMicros) throws IOException {
        String body = "type=message&content=" + content; // plain words: nothing to encode
        String request = "POST /send_feed_item HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n" + authorization + "\r\n" + body;
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.connect(server, 5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            ResponseParser response = new ResponseParser();
            byte[] chunk = new byte[8192];
            int count;
            do {
                count = socket.getInputStream().read(chunk);
                if (count < 0) {
                    throw new IOException("the server closed the connection before answering the POST");
                }
            } while (!response.feed(ByteBuffer.wrap(chunk, 0, count)));
            postMicros.add((System.nanoTime() - start) / 1000);
            if (response.status() != 200) {
                throw new IOException("publishing answered " + response.status() + ": " + response.body());
            }
            return ItemJson.idsAndTimestamps(response.body())[0];
        }
    }
}
