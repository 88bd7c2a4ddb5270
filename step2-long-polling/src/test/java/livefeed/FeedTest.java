package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /real_time_feed in step 2: the request is parked until the next item, and items between polls are lost. */
class FeedTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServer server = new TestServer("--poll-timeout", "10");

    @Test
    @Tag("ex2.2")
    @DisplayName("Exercise 2.2: a parked poll holds no thread: with 20 parked on 8 workers, pages are still served")
    void aParkedPollHoldsNoThread() {
        for (int i = 0; i < 20; i++) {
            server.http().getAsync("/real_time_feed");
        }
        await().atMost(SOON).until(() -> server.server().waitingPolls() == 20);

        assertThat(server.http().get("/admin.html").statusCode()).isEqualTo(200);
    }

    @Test
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: a publish answers a parked GET with that item")
    void parksAGetUntilTheNextItemIsPublishedThenAnswersWithThatItem() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed");

        String item = server.http().publish("type=message&content=hello").body();

        assertThat(poll).succeedsWithin(SOON).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.body()).isEqualTo("[" + item + "]");
        });
    }

    @Test
    @Tag("ex2.2")
    @DisplayName("Exercise 2.2: a GET is parked: no answer while nothing is published")
    void aParkedPollStaysParkedWhileNothingIsPublished() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed");

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> !poll.isDone() && server.server().waitingPolls() == 1);
    }

    @Test
    @Tag("ex2.4")
    @DisplayName("Exercise 2.4: a poll that times out gets [] and is no longer waiting")
    void answersAnEmptyArrayWhenThePollTimesOut() throws Exception {
        FeedServer quick = FeedServer.start(Settings.parse(new String[] {"--port", "0", "--poll-timeout", "0.5"}, Map.of()));
        try {
            CompletableFuture<HttpResponse<String>> poll = new Http(quick.url()).getAsync("/real_time_feed");

            assertThat(poll).succeedsWithin(SOON).satisfies(response -> {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("[]");
            });
            assertThat(quick.waitingPolls()).isZero();
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
            assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + item + "]");
        }
        assertThat(server.server().waitingPolls()).isZero();
    }

    @Test
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: a parked poll gets the first of two items published back to back")
    void aParkedPollGetsTheFirstOfTwoItemsPublishedBackToBack() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed");

        String first = server.http().publish("type=message&content=first").body();
        server.http().publish("type=message&content=second");

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + first + "]");
    }

    // tag::lose-an-item-between-polls[]
    /** The lesson of this step, and the flaw that step 3 fixes. */
    @Test
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: an item published while nobody waits reaches nobody")
    void missesAnItemPublishedWhileTheClientIsBetweenTwoPolls() {
        CompletableFuture<HttpResponse<String>> firstPoll = parkedPoll("/real_time_feed");
        String one = server.http().publish("type=message&content=one").body();
        assertThat(firstPoll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + one + "]");

        // tag::the-client-is-busy[]
        server.http().publish("type=message&content=two"); // the client is busy showing item one

        CompletableFuture<HttpResponse<String>> secondPoll = parkedPoll("/real_time_feed?since=1");
        String three = server.http().publish("type=message&content=three").body();
        assertThat(secondPoll).succeedsWithin(SOON).extracting(HttpResponse::body)
                .as("item two was published between the polls: nobody was waiting, so it is gone")
                .isEqualTo("[" + three + "]");
        // end::the-client-is-busy[]
    }
    // end::lose-an-item-between-polls[]

    @Test
    void answersAParkedHeadWithHeadersAndNoBody() {
        CompletableFuture<HttpResponse<String>> head = server.http().methodAsync("HEAD", "/real_time_feed");
        await().atMost(SOON).until(() -> server.server().waitingPolls() == 1);

        String item = server.http().publish("type=message&content=%C3%A9").body();

        assertThat(head).succeedsWithin(SOON).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValueAsLong("Content-Length"))
                    .hasValue(("[" + item + "]").getBytes(StandardCharsets.UTF_8).length);
            assertThat(response.body()).isEmpty();
        });
    }

    @Test
    void sendsContentLengthInUtf8BytesNotCharacters() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed");

        server.http().publish("type=message&content=%C3%A9t%C3%A9+%E2%98%80+%F0%9F%8C%8D");

        assertThat(poll).succeedsWithin(SOON).satisfies(response -> {
            assertThat(response.body()).contains("\"content\":\"été ☀ 🌍\"");
            long bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).isGreaterThan(response.body().length());
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(bytes);
        });
    }

    @Test
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: a client that never reads its answer does not stop the others")
    void aStalledClientDoesNotStopTheOthersFromBeingServed() throws Exception {
        try (Socket neverReads = new Socket("127.0.0.1", server.server().url().getPort());
             Socket neverFinishes = new Socket("127.0.0.1", server.server().url().getPort())) {
            OutputStream out = neverReads.getOutputStream();
            out.write("GET /real_time_feed HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            neverFinishes.getOutputStream().write("GET /real_time_feed HTTP/1.1\r\nHost:".getBytes(StandardCharsets.US_ASCII));
            await().atMost(SOON).until(() -> server.server().waitingPolls() == 1);
            CompletableFuture<HttpResponse<String>> poll = server.http().getAsync("/real_time_feed");
            await().atMost(SOON).until(() -> server.server().waitingPolls() == 2);

            String item = server.http().publish("type=message&content=still+served").body();

            assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + item + "]");
        }
    }

    @Test
    void aClientThatWentAwayIsForgottenAtThePublish() throws Exception {
        try (Socket gone = new Socket("127.0.0.1", server.server().url().getPort())) {
            gone.getOutputStream().write("GET /real_time_feed HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            await().atMost(SOON).until(() -> server.server().waitingPolls() == 1);
        }
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed");

        String item = server.http().publish("type=message&content=hi").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + item + "]");
        assertThat(server.server().waitingPolls()).isZero();
    }

    @Test
    void stoppingAnswersEveryParkedPollWithAnEmptyArray() throws Exception {
        FeedServer stopping = FeedServer.start(Settings.parse(new String[] {"--port", "0"}, Map.of()));
        Http http = new Http(stopping.url());
        List<CompletableFuture<HttpResponse<String>>> polls = List.of(
                http.getAsync("/real_time_feed"), http.getAsync("/real_time_feed"), http.getAsync("/real_time_feed"));
        await().atMost(SOON).until(() -> stopping.waitingPolls() == 3);

        stopping.stop();

        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"since=", "since=-1", "since=1.5", "since=abc", "since=+1", "since=%201", "since=0x10",
        "since=1e3", "since=99999999999999999999"})
    void refusesASinceThatIsNotDigitsWith400AtOnce(String query) {
        HttpResponse<String> response = server.http().get("/real_time_feed?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).startsWith("{\"error\":\"since must be the id of the last item you have (digits only)");
        assertThat(server.server().waitingPolls()).isZero();
    }

    @Test
    void refusesSinceGivenTwice() {
        HttpResponse<String> response = server.http().get("/real_time_feed?since=1&since=2");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"the field 'since' is given twice; give each field once\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void refusesOtherMethodsWith405AndAllow(String method) {
        HttpResponse<String> response = server.http().method(method, "/real_time_feed");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(response.body()).isEqualTo("{\"error\":\"use GET to read the feed\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/real_time_feedx", "/real_time_feed/", "/real_time_feed/x", "/send_feed_item/x",
        "/send_feed_items", "/REAL_TIME_FEED"})
    void matchesTheFeedPathsExactly(String path) {
        HttpResponse<String> response = server.http().get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"error\":\"nothing here: try / for the live feed or /admin.html\"}");
    }

    /** A GET sent now, and parked by the server before this returns. */
    private CompletableFuture<HttpResponse<String>> parkedPoll(String pathAndQuery) {
        int before = server.server().waitingPolls();
        CompletableFuture<HttpResponse<String>> poll = server.http().getAsync(pathAndQuery);
        await().atMost(SOON).failFast("the server answered the GET, or dropped it, instead of parking it", poll::isDone)
                .until(() -> server.server().waitingPolls() == before + 1);
        return poll;
    }
}
