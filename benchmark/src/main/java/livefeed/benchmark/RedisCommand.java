package livefeed.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One command to Redis on 127.0.0.1, on a connection of its own, in Redis's own protocol (RESP): what
 * the benchmark needs to ask Redis (PING, INFO clients) without a client library of its own. Only the
 * answers these commands give are read: a simple string (+PONG), an error (-ERR ...) or a bulk string
 * ($length, then the text).
 */
final class RedisCommand {

    private static final int TIMEOUT_MILLIS = 2000;

    private RedisCommand() {
    }

    /** Sends the command, and returns Redis's answer as text; an error answer is an IOException. */
    static String call(int port, String... words) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request(words));
            out.flush();
            return answer(new DataInputStream(socket.getInputStream()));
        }
    }

    /** Whether Redis listens and answers: PING, PONG. */
    static boolean answers(int port) {
        try {
            return call(port, "PING").equals("PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The fields of an INFO section, such as "connected_clients" of INFO clients. */
    static Map<String, String> info(int port, String section) throws IOException {
        return fields(call(port, "INFO", section));
    }

    /** "# Clients\r\nconnected_clients:5\r\n...": the name:value lines, in order. */
    static Map<String, String> fields(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (!line.startsWith("#") && colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /** An array of bulk strings: *2 $4 INFO $7 clients, each line ending in CRLF. */
    static byte[] request(String... words) {
        StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String answer(DataInputStream in) throws IOException {
        String first = line(in);
        if (first.isEmpty()) {
            throw new IOException("Redis answered an empty line");
        }
        String rest = first.substring(1);
        switch (first.charAt(0)) {
            case '+':
                return rest;
            case '-':
                throw new IOException("Redis answered: " + rest);
            case '$':
                byte[] text = new byte[Integer.parseInt(rest)];
                in.readFully(text);
                line(in); // the CRLF after the text
                return new String(text, StandardCharsets.UTF_8);
            default:
                throw new IOException("an answer this class does not read: " + first);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8).replaceFirst("\r$", "");
    }
}
