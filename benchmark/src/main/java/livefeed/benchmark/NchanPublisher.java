package livefeed.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Publishes to nginx+nchan: a POST to its publisher location, whose body is the message that every
 * subscriber gets as an event's data. nchan keeps no item ids and no timestamps of ours, so the
 * message is an item as the steps' servers encode it, made here: ids 1, 2, 3... (the benchmark's
 * items are numbered so) and the time it is sent. Its delivery latency so counts connecting and
 * sending the POST too, which the steps' (timed from when their handler took the POST) do not.
 * Used by the benchmark's main thread alone.
 */
final class NchanPublisher implements Publisher {

    private final InetSocketAddress server;
    private long lastId;

    NchanPublisher(InetSocketAddress server) {
        this.server = server;
    }

    @Override
    public long publish(String content, Stats postMicros) throws IOException {
        long id = ++lastId; // also for a POST that fails, as a server's id would be
        String body = "{\"id\":" + id + ",\"timestamp\":" + System.currentTimeMillis()
                + ",\"type\":\"message\",\"content\":\"" + content + "\"}"; // plain words: nothing to escape
        String request = "POST " + NchanServer.PUBLISH_PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
        ResponseParser response = Publisher.post(server, request, postMicros);
        if (response.status() != 201 && response.status() != 202) { // 202: queued, but no subscriber yet
            throw new IOException("publishing to nchan answered " + response.status() + ": " + response.body());
        }
        return id;
    }
}
