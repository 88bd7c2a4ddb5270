package livefeed;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh feed server on a free loopback port for each test, on an empty feed in a real Redis (TestRedis):
 * {@code @RegisterExtension TestServer server = new TestServer();}
 */
final class TestServer implements BeforeEachCallback, AfterEachCallback {

    private final String[] args;
    private FeedServer server;

    TestServer(String... moreArgs) {
        args = Stream.concat(Stream.of("--host", "127.0.0.1", "--port", "0"), Stream.of(moreArgs)).toArray(String[]::new);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = FeedServer.start(TestRedis.settings(args, Map.of()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop();
    }

    FeedServer server() {
        return server;
    }

    Http http() {
        return new Http(server.url());
    }
}
