package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static livefeed.ParkedPolls.parkedPoll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /real_time_feed in step 2: the request is parked until the next item, and an item published
 * between two polls is lost. ParkedPollTest, ClientConnectionsTest and FeedRequestsTest hold the
 * rules that step 3 keeps.
 */
class FeedTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServer server = new TestServer("--poll-timeout", "10");

    // tag::lose-an-item-between-polls[]
    /** The lesson of this step, and the flaw that step 3 fixes. */
    @Test
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: an item published while nobody waits reaches nobody")
    void missesAnItemPublishedWhileTheClientIsBetweenTwoPolls() {
        CompletableFuture<HttpResponse<String>> firstPoll = parkedPoll(server, "/real_time_feed");
        String one = server.http().publish("type=message&content=one").body();
        assertThat(firstPoll).succeedsWithin(SOON).extracting(HttpResponse::body).isEqualTo("[" + one + "]");

        // tag::the-client-is-busy[]
        server.http().publish("type=message&content=two"); // the client is busy showing item one

        CompletableFuture<HttpResponse<String>> secondPoll = parkedPoll(server, "/real_time_feed?since=1");
        String three = server.http().publish("type=message&content=three").body();
        assertThat(secondPoll).succeedsWithin(SOON).extracting(HttpResponse::body)
                .as("item two was published between the polls: nobody was waiting, so it is gone")
                .isEqualTo("[" + three + "]");
        // end::the-client-is-busy[]
    }
    // end::lose-an-item-between-polls[]

    @Test
    void thePageLoadsTheLongPollingScript() {
        assertThat(FeedServer.CLIENT_SCRIPT).as("the script that /client.js serves in step 2").isEqualTo("long-polling.js");
    }
}
