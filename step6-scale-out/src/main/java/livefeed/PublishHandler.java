package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** POST /send_feed_item: the admin page's form becomes an item on the feed. */
final class PublishHandler {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final Feed feed;

    PublishHandler(Feed feed) {
        this.feed = feed;
    }

    void handle(HttpExchange exchange) throws IOException, HttpError, RedisUnavailable {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            throw new HttpError(405, "use POST to publish an item");
        }
        requireFormContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> fields = Form.parse(Form.utf8(readBody(exchange)));
        requireValidItem(fields);
        Item item = feed.publish(fields);
        Responses.json(exchange, 200, item.toJson());
        System.out.println("published item " + item.id() + " from " + clientAddress(exchange));
    }

    // tag::trust-x-real-ip-from-loopback[]
    private static String clientAddress(HttpExchange exchange) {
        return clientAddress(exchange.getRemoteAddress().getAddress(), exchange.getRequestHeaders().getFirst("X-Real-IP"));
    }

    /**
     * Who posted: behind a proxy on this machine (step 4's nginx) the browser's address is in
     * X-Real-IP. From anywhere else that header could be made up, so the peer's address counts.
     */
    static String clientAddress(InetAddress peer, String realIp) {
        return peer.isLoopbackAddress() && realIp != null ? realIp : peer.getHostAddress();
    }
    // end::trust-x-real-ip-from-loopback[]

    private static void requireFormContentType(String contentType) throws HttpError {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        if (!type.equals("application/x-www-form-urlencoded")
                && !type.equals("application/x-www-form-urlencoded;charset=utf-8")) {
            throw new HttpError(415, "send the item as application/x-www-form-urlencoded (UTF-8), not '"
                    + (contentType == null ? "no Content-Type" : contentType) + "'");
        }
    }

    /** Reads at most one byte past the limit: a huge body is refused without being read. */
    private static byte[] readBody(HttpExchange exchange) throws IOException, HttpError {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        InputStream in = exchange.getRequestBody();
        byte[] body = new byte[MAX_BODY_BYTES + 1];
        int length = 0;
        int read;
        // Not readNBytes: on Java 17 it asks for 0 bytes once full, which can wait for more of a chunked body.
        while (length < body.length && (read = in.read(body, length, body.length - length)) > 0) {
            length += read;
        }
        if (length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return Arrays.copyOf(body, length);
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "an item may be at most " + MAX_BODY_BYTES + " bytes");
    }

    private static void requireValidItem(Map<String, String> fields) throws HttpError {
        if (fields.getOrDefault("type", "").isEmpty()) {
            throw new HttpError(400, "an item needs a non-empty 'type', such as type=message");
        }
        for (String reserved : new String[] {"id", "timestamp"}) {
            if (fields.containsKey(reserved)) {
                throw new HttpError(400, "'" + reserved + "' is given by the server; do not send it");
            }
        }
    }
}
