package livefeed;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A GET exchange with no connection behind it, for unit tests: it records the answers it is
 * asked to send. Like the JDK's own, it refuses a second set of headers; and it can play a
 * client that went away, whose answer cannot be written.
 */
final class RecordingExchange extends HttpExchange {

    private final boolean clientGone;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicInteger answers = new AtomicInteger();
    private volatile int status = -1;

    private RecordingExchange(boolean clientGone) {
        this.clientGone = clientGone;
    }

    static RecordingExchange get() {
        return new RecordingExchange(false);
    }

    static RecordingExchange fromAClientThatWentAway() {
        return new RecordingExchange(true);
    }

    /** How many times an answer was started: more than once is a bug, even if the JDK would refuse it. */
    int answers() {
        return answers.get();
    }

    int status() {
        return status;
    }

    String body() {
        synchronized (body) {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (answers.incrementAndGet() > 1) {
            throw new IOException("headers already sent");
        }
        if (clientGone) {
            throw new IOException("Broken pipe");
        }
        status = code;
    }

    @Override
    public OutputStream getResponseBody() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (body) {
                    body.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (body) {
                    body.write(bytes, offset, length);
                }
            }
        };
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return URI.create("/real_time_feed");
    }

    @Override
    public String getRequestMethod() {
        return "GET";
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public void close() {
    }

    @Override
    public InputStream getRequestBody() {
        return InputStream.nullInputStream();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return new InetSocketAddress("127.0.0.1", 50000);
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return new InetSocketAddress("127.0.0.1", 8001);
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
        return null;
    }

    @Override
    public void setAttribute(String name, Object value) {
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}
