package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static livefeed.ParkedPolls.parkedPoll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Clients that stall, hang up while parked, or are still parked when the server stops. */
class ClientConnectionsTest {

    private static final Duration SOON = Duration.ofSeconds(5);
    private static final byte[] POLL = "GET /real_time_feed HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    final TestServer server = new TestServer("--poll-timeout", "10");

    @Test
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: a client that never reads its answer does not stop the others")
    void aStalledClientDoesNotStopTheOthersFromBeingServed() throws Exception {
        try (Socket neverReads = new Socket("127.0.0.1", server.server().url().getPort());
             Socket neverFinishes = new Socket("127.0.0.1", server.server().url().getPort())) {
            OutputStream out = neverReads.getOutputStream();
            out.write(POLL);
            neverFinishes.getOutputStream().write("GET /real_time_feed HTTP/1.1\r\nHost:".getBytes(StandardCharsets.US_ASCII));
            await().atMost(SOON).until(() -> server.server().waitingPolls() == 1);
            CompletableFuture<HttpResponse<String>> poll = server.http().getAsync("/real_time_feed");
            await().atMost(SOON).until(() -> server.server().waitingPolls() == 2);

            String item = server.http().publish("type=message&content=still+served").body();

            assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body)
                    .as("a client that never reads, and one that never ends its request, delay nobody")
                    .isEqualTo("[" + item + "]");
        }
    }

    @Test
    void aClientThatWentAwayIsForgottenAtThePublish() throws Exception {
        try (Socket gone = new Socket("127.0.0.1", server.server().url().getPort())) {
            gone.getOutputStream().write(POLL);
            await().atMost(SOON).until(() -> server.server().waitingPolls() == 1);
        }
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(server, "/real_time_feed");

        String item = server.http().publish("type=message&content=hi").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + item + "]");
        assertThat(server.server().waitingPolls()).as("the client that hung up is not kept after the publish").isZero();
    }

    @Test
    void releasesThePlaceOfAClientThatWentAwayAtItsTimeout() throws Exception {
        FeedServer quick = FeedServer.start(TestRedis.settings(new String[] {"--port", "0", "--poll-timeout", "0.5"}, Map.of()));
        try (Socket gone = new Socket("127.0.0.1", quick.url().getPort())) {
            gone.getOutputStream().write(POLL);
            await().atMost(SOON).until(() -> quick.waitingPolls() == 1);
            gone.close();

            await().atMost(SOON).until(() -> quick.waitingPolls() == 0);
        } finally {
            quick.stop();
        }
    }

    @Test
    void stoppingAnswersEveryParkedPollWithAnEmptyArray() throws Exception {
        FeedServer stopping = FeedServer.start(TestRedis.settings(new String[] {"--port", "0"}, Map.of()));
        Http http = new Http(stopping.url());
        List<CompletableFuture<HttpResponse<String>>> polls = List.of(
                http.getAsync("/real_time_feed"), http.getAsync("/real_time_feed"), http.getAsync("/real_time_feed"));
        await().atMost(SOON).until(() -> stopping.waitingPolls() == 3);

        stopping.stop();

        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body)
                    .as("stopping answers every parked poll with [] rather than dropping its connection")
                    .isEqualTo("[]");
        }
    }
}
