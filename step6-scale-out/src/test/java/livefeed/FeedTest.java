package livefeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static livefeed.ParkedPolls.parkedPoll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /real_time_feed in step 3: answered at once from the backlog when it has newer items than
 * since, else parked; nothing is lost, and the backlog and the waiting polls are capped.
 * ParkedPollTest, ClientConnectionsTest and FeedRequestsTest hold the rules kept from step 2.
 */
class FeedTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServer server = new TestServer("--poll-timeout", "10");

    /** The flaw of step 2, fixed: the cursor finds the item in the backlog. */
    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: an item published between two polls is found by the cursor")
    void doesNotMissAnItemPublishedWhileTheClientIsBetweenTwoPolls() {
        CompletableFuture<HttpResponse<String>> firstPoll = parkedPoll(server, "/real_time_feed?since=0");
        String one = server.http().publish("type=message&content=one").body();
        assertThat(firstPoll).as("a publish answers the poll parked with since=0").succeedsWithin(SOON)
                .extracting(HttpResponse::body).isEqualTo("[" + one + "]");

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

        assertThat(server.http().get("/real_time_feed?since=1").body())
                .as("the backlog has items newer than since=1: they are the answer, at once")
                .isEqualTo("[" + two + "," + three + "]");
        assertThat(server.http().get("/real_time_feed?since=2").body()).as("since=2: only item three, at once")
                .isEqualTo("[" + three + "]");
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: since=0 gets the whole backlog at once")
    void sinceZeroAnswersTheWholeBacklogAtOnce() {
        String one = server.http().publish("type=message&content=one").body();
        String two = server.http().publish("type=message&content=two").body();

        assertThat(server.http().get("/real_time_feed?since=0").body())
                .as("since=0 is older than every item: the whole backlog, at once")
                .isEqualTo("[" + one + "," + two + "]");
    }

    @Test
    void sinceZeroIsParkedLikeAnyCaughtUpPollWhenTheBacklogIsEmpty() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(server, "/real_time_feed?since=0");

        String one = server.http().publish("type=message&content=one").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + one + "]");
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: without since, a poll waits for the next item, as in the article")
    void withoutSinceAPollWaitsForTheNextItemEvenWhenTheBacklogHasSome() {
        server.http().publish("type=message&content=old");
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(server, "/real_time_feed");

        String next = server.http().publish("type=message&content=next").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body)
                .as("without since, a poll waits for the next item, as the article did").isEqualTo("[" + next + "]");
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: a poll parks when nothing is newer than since, until the next item")
    void aCaughtUpPollIsParkedUntilTheNextItem() {
        server.http().publish("type=message&content=one");
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(server, "/real_time_feed?since=1");

        String two = server.http().publish("type=message&content=two").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body)
                .as("nothing newer than since: the poll waits, and gets the next item").isEqualTo("[" + two + "]");
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
        FeedServer small = FeedServer.start(TestRedis.settings(new String[] {"--port", "0", "--backlog", "3"}, Map.of()));
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
    @DisplayName("a cursor from before a restart gets item 1 when it comes")
    void aCursorFromBeforeARestartWaitsForTheFirstItemWhenTheBacklogIsEmpty() {
        CompletableFuture<HttpResponse<String>> poll = parkedPoll(server, "/real_time_feed?since=57");

        String one = server.http().publish("type=message&content=one").body();

        assertThat(poll).succeedsWithin(SOON).extracting(HttpResponse::body)
                .as("id 1 is not greater than 57, yet the client gets it: it is not stranded")
                .isEqualTo("[" + one + "]");
    }

    @Test
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: past --max-waiting parked polls, a poll that would wait is refused (false, so 503)")
    void refusesAPollPastTheWaitingLimitWith503AndRetryAfter() throws Exception {
        FeedServer limited = FeedServer.start(TestRedis.settings(new String[] {"--port", "0", "--max-waiting", "2"}, Map.of()));
        try {
            Http http = new Http(limited.url());
            List<CompletableFuture<HttpResponse<String>>> parked = List.of(
                    http.getAsync("/real_time_feed"), http.getAsync("/real_time_feed"));
            await().atMost(SOON).until(() -> limited.waitingPolls() == 2);

            HttpResponse<String> refused = http.get("/real_time_feed");

            assertThat(refused.statusCode()).as("past --max-waiting parked polls, a poll that would wait gets 503").isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).as("a 503 says when to come back").hasValue("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(refused.body()).isEqualTo("{\"error\":\"too many clients are waiting; try again in 5 s\"}");
            String item = http.publish("type=message&content=hi").body();
            assertThat(http.get("/real_time_feed?since=0").body())
                    .as("a poll that is answered at once needs no place to wait")
                    .isEqualTo("[" + item + "]");
            for (CompletableFuture<HttpResponse<String>> poll : parked) {
                assertThat(poll).as("the two polls that were parked get the next item").succeedsWithin(SOON)
                        .extracting(HttpResponse::body).isEqualTo("[" + item + "]");
            }
        } finally {
            limited.stop();
        }
    }

    @Test
    void thePageLoadsTheEventSourceScript() {
        assertThat(FeedServer.CLIENT_SCRIPT).as("the script that /client.js serves in step 5").isEqualTo("event-source.js");
    }

    private static List<Long> ids(String body) throws Exception {
        List<Long> ids = new ArrayList<>();
        new ObjectMapper().readTree(body).forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
