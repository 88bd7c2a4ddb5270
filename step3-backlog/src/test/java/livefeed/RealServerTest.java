package livefeed;

import livefeed.client.FeedClient;
import livefeed.client.RetryDelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console client (package livefeed.client) against the real step-3 server: what is published is printed, in order, once. */
class RealServerTest {

    private static final Duration SOON = Duration.ofSeconds(5);
    private static final String TIME = "\\d\\d:\\d\\d:\\d\\d";

    @RegisterExtension
    final TestServer server = new TestServer();

    @Test
    void printsTheBacklogThenEachItemAsItIsPublished() throws InterruptedException {
        server.http().publish("type=message&content=before+we+came");
        List<String> lines = new CopyOnWriteArrayList<>();
        FeedClient client = new FeedClient(server.server().url(), FeedClient.REQUEST_TIMEOUT, RetryDelay.standard(), lines::add);
        Thread runner = new Thread(client::run);
        runner.start();
        try {
            await().atMost(SOON).until(() -> lines.size() == 1 && server.server().waitingPolls() == 1);

            server.http().publish("type=message&content=hi");
            server.http().publish("type=link&url=https%3A%2F%2Fexample.org%2F&title=Example");
            server.http().publish("type=message&content=bye");

            await().atMost(SOON).untilAsserted(() -> assertThat(lines).satisfiesExactly(
                    line -> assertThat(line).matches("#1 " + TIME + " message: content=before we came"),
                    line -> assertThat(line).matches("#2 " + TIME + " message: content=hi"),
                    line -> assertThat(line).matches("#3 " + TIME + " link: url=https://example.org/, title=Example"),
                    line -> assertThat(line).matches("#4 " + TIME + " message: content=bye")));
        } finally {
            client.stop();
            runner.join(SOON.toMillis());
        }
        assertThat(runner.isAlive()).as("stop() ends the client while its poll is parked").isFalse();
    }

    @Test
    void printsTextWithQuotesEscapesAndEmojiExactlyAsItWasPublished() throws InterruptedException {
        String tricky = "say \"hi\" C:\\dir </script> \u2028 é 日本語 🎉👩‍💻";
        List<String> lines = new CopyOnWriteArrayList<>();
        FeedClient client = new FeedClient(server.server().url(), FeedClient.REQUEST_TIMEOUT, RetryDelay.standard(), lines::add);
        Thread runner = new Thread(client::run);
        runner.start();
        try {
            await().atMost(SOON).until(() -> server.server().waitingPolls() == 1);

            server.http().publish("type=message&content=" + URLEncoder.encode(tricky, StandardCharsets.UTF_8));

            await().atMost(SOON).untilAsserted(() -> assertThat(lines).singleElement().asString()
                    .as("the server writes JSON, the client reads it back: they share the wire format and nothing else")
                    .endsWith(" message: content=" + tricky));
        } finally {
            client.stop();
            runner.join(SOON.toMillis());
        }
    }
}
