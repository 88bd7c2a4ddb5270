package livefeed;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /real_time_feed in step 3: answered at once from the backlog when it has newer items, else parked; nothing is lost. */
class FeedTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServer server = new TestServer("--poll-timeout", "10");

    @Test
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
    void aParkedPollStaysParkedWhileNothingIsPublished() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed");

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> !poll.isDone() && server.server().waitingPolls() == 1);
    }

    @Test
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
    void aParkedPollGetsTheFirstOfTwoItemsPublishedBackToBack() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed");

        String first = server.http().publish("type=message&content=first").body();
        server.http().publish("type=message&content=second");

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + first + "]");
    }

    /** The flaw of step 2, fixed: the cursor finds the item in the backlog. */
    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: an item published between two polls is found by the cursor")
    void doesNotMissAnItemPublishedWhileTheClientIsBetweenTwoPolls() {
        CompletableFuture<HttpResponse<String>> firstPoll = parkedPoll("/real_time_feed?since=0");
        String one = server.http().publish("type=message&content=one").body();
        assertThat(firstPoll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + one + "]");

        // tag::the-cursor-finds-it[]
        String two = server.http().publish("type=message&content=two").body(); // the client is busy showing item one

        assertThat(server.http().get("/real_time_feed?since=1").body())
                .as("item two waits in the backlog, and the cursor finds it at once")
                .isEqualTo("[" + two + "]");
        // end::the-cursor-finds-it[]
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: a GET is answered at once when the backlog has items newer than since")
    void answersAtOnceWithEveryKeptItemNewerThanSince() {
        server.http().publish("type=message&content=one");
        String two = server.http().publish("type=message&content=two").body();
        String three = server.http().publish("type=message&content=three").body();

        assertThat(server.http().get("/real_time_feed?since=1").body()).isEqualTo("[" + two + "," + three + "]");
        assertThat(server.http().get("/real_time_feed?since=2").body()).isEqualTo("[" + three + "]");
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: since=0 gets the whole backlog at once")
    void sinceZeroAnswersTheWholeBacklogAtOnce() {
        String one = server.http().publish("type=message&content=one").body();
        String two = server.http().publish("type=message&content=two").body();

        assertThat(server.http().get("/real_time_feed?since=0").body()).isEqualTo("[" + one + "," + two + "]");
    }

    @Test
    void sinceZeroIsParkedLikeAnyCaughtUpPollWhenTheBacklogIsEmpty() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed?since=0");

        String one = server.http().publish("type=message&content=one").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + one + "]");
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: without since, a poll waits for the next item, as in the article")
    void withoutSinceAPollWaitsForTheNextItemEvenWhenTheBacklogHasSome() {
        server.http().publish("type=message&content=old");
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed");

        String next = server.http().publish("type=message&content=next").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + next + "]");
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: a poll parks when nothing is newer than since, until the next item")
    void aCaughtUpPollIsParkedUntilTheNextItem() {
        server.http().publish("type=message&content=one");
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed?since=1");

        String two = server.http().publish("type=message&content=two").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + two + "]");
    }

    @Test
    void aLaggingClientGetsEverythingItMissedInOneAnswer() {
        server.http().publish("type=message&content=one");
        List<String> missed = new ArrayList<>();
        for (int i = 2; i <= 11; i++) {
            missed.add(server.http().publish("type=message&content=" + i).body());
        }

        assertThat(server.http().get("/real_time_feed?since=1").body()).isEqualTo("[" + String.join(",", missed) + "]");
    }

    // tag::slow-client-sees-the-gap[]
    @Test
    void keepsOnlyTheNewestTwentyItemsSoASlowClientSeesTheGap() throws Exception {
        for (int i = 1; i <= 25; i++) {
            server.http().publish("type=message&content=" + i);
        }

        assertThat(ids(server.http().get("/real_time_feed?since=0").body())).containsExactlyElementsOf(range(6, 25));
        assertThat(ids(server.http().get("/real_time_feed?since=3").body()))
                .as("the first id is greater than since + 1: items 4 and 5 were dropped before this client came back")
                .containsExactlyElementsOf(range(6, 25));
        assertThat(ids(server.http().get("/real_time_feed?since=20").body())).containsExactly(21L, 22L, 23L, 24L, 25L);
    }
    // end::slow-client-sees-the-gap[]

    @Test
    void keepsTheNumberOfItemsGivenByBacklog() throws Exception {
        FeedServer small = FeedServer.start(Settings.parse(new String[] {"--port", "0", "--backlog", "3"}, Map.of()));
        try {
            Http http = new Http(small.url());
            for (int i = 1; i <= 5; i++) {
                http.publish("type=message&content=" + i);
            }
            assertThat(ids(http.get("/real_time_feed?since=0").body())).containsExactly(3L, 4L, 5L);
        } finally {
            small.stop();
        }
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: a since larger than the last id is from before a restart: it counts as 0")
    void treatsACursorFromBeforeARestartAsSinceZero() {
        String one = server.http().publish("type=message&content=one").body();
        String two = server.http().publish("type=message&content=two").body();

        assertThat(server.http().get("/real_time_feed?since=57").body())
                .as("57 is newer than anything this server has published: the client knew a server before a restart")
                .isEqualTo("[" + one + "," + two + "]");
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: a cursor from before a restart gets item 1 when it comes")
    void aCursorFromBeforeARestartWaitsForTheFirstItemWhenTheBacklogIsEmpty() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll("/real_time_feed?since=57");

        String one = server.http().publish("type=message&content=one").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body)
                .as("id 1 is not greater than 57, yet the client gets it: it is not stranded")
                .isEqualTo("[" + one + "]");
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: past --max-waiting parked polls, a poll that would wait is refused (false, so 503)")
    void refusesAPollPastTheWaitingLimitWith503AndRetryAfter() throws Exception {
        FeedServer limited = FeedServer.start(Settings.parse(new String[] {"--port", "0", "--max-waiting", "2"}, Map.of()));
        try {
            Http http = new Http(limited.url());
            List<CompletableFuture<HttpResponse<String>>> parked = List.of(
                    http.getAsync("/real_time_feed"), http.getAsync("/real_time_feed"));
            await().atMost(SOON).until(() -> limited.waitingPolls() == 2);

            HttpResponse<String> refused = http.get("/real_time_feed");

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(refused.body()).isEqualTo("{\"error\":\"too many clients are waiting; try again in 5 s\"}");
            String item = http.publish("type=message&content=hi").body();
            assertThat(http.get("/real_time_feed?since=0").body())
                    .as("a poll that is answered at once needs no place to wait")
                    .isEqualTo("[" + item + "]");
            for (CompletableFuture<HttpResponse<String>> poll : parked) {
                assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + item + "]");
            }
        } finally {
            limited.stop();
        }
    }

    @Test
    void releasesThePlaceOfAClientThatWentAwayAtItsTimeout() throws Exception {
        FeedServer quick = FeedServer.start(Settings.parse(new String[] {"--port", "0", "--poll-timeout", "0.5"}, Map.of()));
        try (Socket gone = new Socket("127.0.0.1", quick.url().getPort())) {
            gone.getOutputStream().write("GET /real_time_feed HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            await().atMost(SOON).until(() -> quick.waitingPolls() == 1);
            gone.close();

            await().atMost(SOON).until(() -> quick.waitingPolls() == 0);
        } finally {
            quick.stop();
        }
    }

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

    private static List<Long> ids(String body) throws Exception {
        List<Long> ids = new ArrayList<>();
        new ObjectMapper().readTree(body).forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
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
