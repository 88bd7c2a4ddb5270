package livefeed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that stop half-way through a request (a "slowloris"). The same file in steps 1, 2 and 3:
 * every step runs the same request threads with the same time limit.
 */
class StalledClientsTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration SOON = Duration.ofSeconds(5);
    private static final Duration TIME_LIMIT = Duration.ofSeconds(FeedServer.REQUEST_TIME_LIMIT_SECONDS);
    /** A request line and a header, but never the empty line that ends the headers. */
    private static final String HALF_SENT_HEADERS = "GET /real_time_feed HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    /** Whole headers, then 12 of the 100 bytes of body they announce. */
    private static final String SHORT_BODY = "POST /send_feed_item HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ntype=message";
    private static final String PAGE = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final String POLL = "GET /real_time_feed?since=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final String PUBLISH = "POST /send_feed_item HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 27\r\n\r\ntype=message&content=served";
    private static final String OK = "HTTP/1.1 200 OK";

    @RegisterExtension
    final TestServer server = new TestServer();
    @RegisterExtension
    final RawConnections connections = new RawConnections(() -> server.server().url().getPort());

    @Test
    void twoHundredStalledClientsDelayNeitherAPublishNorAPollNorThePage() {
        stall(100, HALF_SENT_HEADERS);
        stall(100, SHORT_BODY);
        await("the 200 stalled clients each hold a request thread").atMost(SOON)
                .until(() -> server.server().busyRequestThreads() == 200);

        assertThat(answer(PAGE)).as("the page").succeedsWithin(ONE_SECOND).isEqualTo(OK);
        CompletableFuture<String> poll = answer(POLL);
        // Step 1 answers a poll at once; steps 2 and 3 hold it until an item is published. Nothing says when
        // the server has parked it, so if it arrived just after a publish, the next publish answers it.
        await("the poll is answered").atMost(ONE_SECOND).until(() -> {
            assertThat(answer(PUBLISH)).as("a publish").succeedsWithin(ONE_SECOND).isEqualTo(OK);
            return poll.isDone();
        });
        assertThat(poll).as("the poll").isCompletedWithValue(OK);
    }

    @Test
    void theServerClosesAStalledConnectionOnceItsRequestIsOverTheTimeLimit() {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (Socket stalled : stall(100, HALF_SENT_HEADERS)) {
            answers.add(connections.everythingReadFrom(stalled));
        }
        for (Socket stalled : stall(100, SHORT_BODY)) {
            answers.add(connections.everythingReadFrom(stalled));
        }

        await("the server closes every stalled connection, not before the limit")
                .atLeast(TIME_LIMIT.minusMillis(500)).atMost(TIME_LIMIT.plusSeconds(3))
                .until(() -> answers.stream().allMatch(CompletableFuture::isDone));

        assertThat(answers).as("each stalled connection was closed, with no answer")
                .allSatisfy(answer -> assertThat(answer).isCompletedWithValue(""));
        await("every request thread is free again").atMost(SOON).until(() -> server.server().busyRequestThreads() == 0);
        assertThat(answer(PUBLISH)).succeedsWithin(ONE_SECOND).isEqualTo(OK);
    }

    /** The limit, shown: more stalled clients than request threads do hold up a new request, until they are closed. */
    @Test
    void moreStalledClientsThanRequestThreadsHoldUpTheNextRequest() {
        stall(RequestThreads.MOST, HALF_SENT_HEADERS);
        await("every request thread is held").atMost(SOON)
                .until(() -> server.server().busyRequestThreads() == RequestThreads.MOST);

        CompletableFuture<String> page = answer(PAGE);

        await("the page is not answered for a second").during(ONE_SECOND).atMost(ONE_SECOND.plusMillis(500))
                .until(() -> !page.isDone());
    }

    /** Opens count connections and sends each the same unfinished request. */
    private List<Socket> stall(int count, String unfinishedRequest) {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stalled.add(connections.send(unfinishedRequest));
        }
        return stalled;
    }

    /** Sends a whole request on a new connection; the status line of its answer, once it comes. */
    private CompletableFuture<String> answer(String request) {
        return connections.statusLine(connections.send(request));
    }
}
