package livefeed.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Publishes the benchmark's items, one at a time, each over a new blocking connection, and times
 * each POST from connect to answer. Not kept alive: the JDK server closes a keep-alive connection
 * after an answer when it holds more than sun.net.httpserver.maxIdleConnections (200) idle ones,
 * and a POST must not be sent twice to find that out. What to post is the implementation's: the
 * admin page's form (FeedPublisher), or a message to nchan (NchanPublisher).
 */
interface Publisher {

    /** Posts one item and returns its id; the POST's own latency goes into postMicros. */
    long publish(String content, Stats postMicros) throws IOException;

    /** Sends the whole request and reads the whole answer, timing it into postMicros. */
    static ResponseParser post(InetSocketAddress server, String request, Stats postMicros) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.connect(server, 5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
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
            return response;
        }
    }
}
