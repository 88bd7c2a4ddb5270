package livefeed.client;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static livefeed.client.ScriptedFeed.QUICK_RETRIES;
import static livefeed.client.ScriptedFeed.answerInTurn;
import static livefeed.client.ScriptedFeed.items;
import static livefeed.client.ScriptedFeed.line;
import static livefeed.client.ScriptedFeed.requestedUrls;
import static org.assertj.core.api.Assertions.assertThat;

/** A server slower than the client's own timeout: the client gives up on the request and tries again. */
@WireMockTest
class SlowServerTest {

    @Test
    void reportsATimeoutAndRetriesWhenTheServerIsSlowerThanItsRequestTimeout(WireMockRuntimeInfo wireMock) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        FeedClient client = new FeedClient(URI.create(wireMock.getHttpBaseUrl()), Duration.ofMillis(300), QUICK_RETRIES, lines::add);
        answerInTurn(items(1).withFixedDelay(3_000), items(1));

        long start = System.nanoTime();
        Duration delay = client.pollOnce();
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        client.pollOnce();

        assertThat(delay).isEqualTo(Duration.ofMillis(20));
        assertThat(waited).as("the client gives up after its own 300 ms, not when the server answers after 3 s")
                .isBetween(Duration.ofMillis(300), Duration.ofMillis(2_000));
        assertThat(lines).containsExactly("(no answer within 300 ms; retrying in 20 ms)", line(1));
        assertThat(requestedUrls()).containsExactly("/real_time_feed?since=0", "/real_time_feed?since=0");
    }
}
