package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Sends an answer and closes the exchange. Every answer of this server goes through here. */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Json.error(message));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (exchange.getRequestMethod().equals("HEAD")) {
                // A HEAD answer tells the length of the body it leaves out.
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
