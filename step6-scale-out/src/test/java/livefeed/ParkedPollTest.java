package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static livefeed.ParkedPolls.parkedPoll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /real_time_feed without a cursor is parked until the next item is published, or until its
 * timeout. Step 2's lesson; step 3 keeps every rule of it (a copied test keeps its exercise tag).
 */
class ParkedPollTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServer server = new TestServer("--poll-timeout", "10");
    @RegisterExtension
    final RawConnections connections = new RawConnections(() -> server.server().url().getPort());

    @Test
    @Tag("ex2.2")
    @DisplayName("Exercise 2.2: a parked poll holds no thread: with more parked than there are request threads, pages are still served")
    void aParkedPollHoldsNoThread() {
        int parked = RequestThreads.MOST + 100;
        for (int i = 0; i < parked; i++) {
            connections.send("GET /real_time_feed HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        }
        await("every poll is parked").atMost(SOON).until(() -> server.server().waitingPolls() == parked);
        await("no request thread is busy").atMost(SOON).until(() -> server.server().busyRequestThreads() == 0);

        assertThat(connections.statusLine(connections.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")))
                .as("%d parked polls must not hold the request threads: a page is still served", parked)
                .succeedsWithin(Duration.ofSeconds(1)).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: a publish answers a parked GET with that item")
    void parksAGetUntilTheNextItemIsPublishedThenAnswersWithThatItem() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(server, "/real_time_feed");

        String item = server.http().publish("type=message&content=hello").body();

        assertThat(poll).as("a publish answers the poll that was parked, at once").succeedsWithin(SOON).satisfies(response -> {
            assertThat(response.statusCode()).as("the parked poll's status").isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.body()).as("a publish answers the parked poll with that item").isEqualTo("[" + item + "]");
        });
    }

    @Test
    @Tag("ex2.2")
    @DisplayName("Exercise 2.2: a GET is parked: no answer while nothing is published")
    void aParkedPollStaysParkedWhileNothingIsPublished() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(server, "/real_time_feed");

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> !poll.isDone() && server.server().waitingPolls() == 1);
    }

    @Test
    @Tag("ex2.4")
    @DisplayName("Exercise 2.4: a poll that times out gets [] and is no longer waiting")
    void answersAnEmptyArrayWhenThePollTimesOut() throws Exception {
        FeedServer quick = FeedServer.start(TestRedis.settings(new String[] {"--port", "0", "--poll-timeout", "0.5"}, Map.of()));
        try {
            CompletableFuture<HttpResponse<String>> poll = new Http(quick.url()).getAsync("/real_time_feed");

            assertThat(poll).as("the poll timeout (0.5 s here) answers a poll that nothing else answered")
                    .succeedsWithin(SOON).satisfies(response -> {
                assertThat(response.statusCode()).as("a poll that times out is answered 200, not an error").isEqualTo(200);
                assertThat(response.body()).as("a poll that times out is answered with an empty array").isEqualTo("[]");
            });
            assertThat(quick.waitingPolls()).as("a poll that timed out is no longer waiting").isZero();
        } finally {
            quick.stop();
        }
    }

    @Test
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: one publish answers all 200 parked polls, and none is left waiting")
    void onePublishAnswersTwoHundredParkedPolls() {
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            polls.add(server.http().getAsync("/real_time_feed"));
        }
        await().atMost(SOON).until(() -> server.server().waitingPolls() == 200);

        String item = server.http().publish("type=message&content=to+everyone").body();

        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertThat(poll).as("one publish answers every parked poll").succeedsWithin(SOON)
                    .extracting(HttpResponse::body).isEqualTo("[" + item + "]");
        }
        assertThat(server.server().waitingPolls()).as("a publish answers every parked poll: none is left waiting").isZero();
    }

    @Test
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: a parked poll gets the first of two items published back to back")
    void aParkedPollGetsTheFirstOfTwoItemsPublishedBackToBack() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(server, "/real_time_feed");

        String first = server.http().publish("type=message&content=first").body();
        server.http().publish("type=message&content=second");

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body)
                .as("the first publish answers the poll; the second finds it answered already")
                .isEqualTo("[" + first + "]");
    }

    @Test
    void answersAParkedHeadWithHeadersAndNoBody() {
        CompletableFuture<HttpResponse<String>> head = server.http().methodAsync("HEAD", "/real_time_feed");
        await().atMost(SOON).until(() -> server.server().waitingPolls() == 1);

        String item = server.http().publish("type=message&content=%C3%A9").body();

        assertThat(head).succeedsWithin(SOON).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValueAsLong("Content-Length"))
                    .as("HEAD gets the Content-Length a GET would get")
                    .hasValue(("[" + item + "]").getBytes(StandardCharsets.UTF_8).length);
            assertThat(response.body()).as("HEAD gets no body").isEmpty();
        });
    }

    @Test
    void sendsContentLengthInUtf8BytesNotCharacters() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(server, "/real_time_feed");

        server.http().publish("type=message&content=%C3%A9t%C3%A9+%E2%98%80+%F0%9F%8C%8D");

        assertThat(poll).succeedsWithin(SOON).satisfies(response -> {
            assertThat(response.body()).contains("\"content\":\"été ☀ 🌍\"");
            long bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).isGreaterThan(response.body().length());
            assertThat(response.headers().firstValueAsLong("Content-Length"))
                    .as("Content-Length counts the UTF-8 bytes of the body, not its characters")
                    .hasValue(bytes);
        });
    }
}
