package livefeed;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;

/** For the tests of a long-polling server: a GET that the server has parked before the test goes on. */
final class ParkedPolls {

    private static final Duration SOON = Duration.ofSeconds(5);

    private ParkedPolls() {
    }

    /** A GET sent now, and parked by the server before this returns. */
    static CompletableFuture<HttpResponse<String>> parkedPoll(TestServer server, String pathAndQuery) {
        int before = server.server().waitingPolls();
        CompletableFuture<HttpResponse<String>> poll = server.http().getAsync(pathAndQuery);
        await().atMost(SOON).failFast("the server answered the GET, or dropped it, instead of parking it", poll::isDone)
                .until(() -> server.server().waitingPolls() == before + 1);
        return poll;
    }
}
