package livefeed.client;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static livefeed.client.ScriptedFeed.QUICK_RETRIES;
import static livefeed.client.ScriptedFeed.answerInTurn;
import static livefeed.client.ScriptedFeed.items;
import static livefeed.client.ScriptedFeed.line;
import static livefeed.client.ScriptedFeed.requestedUrls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A server that fails now and then: the client says what failed, waits a little longer each time, and tries again. */
@WireMockTest
class FlakyServerTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private FeedClient client;
    private Thread runner;

    @BeforeEach
    void createClient(WireMockRuntimeInfo wireMock) {
        client = new FeedClient(URI.create(wireMock.getHttpBaseUrl()), SOON, QUICK_RETRIES, lines::add);
        runner = new Thread(client::run);
    }

    @AfterEach
    void stopClient() throws InterruptedException {
        client.stop();
        runner.join(SOON.toMillis());
    }

    @Test
    void retriesAfterServerErrorsWaitingLongerAfterEachOne() {
        answerInTurn(serverError(), serverError(), items(1, 2));

        runner.start();

        await().atMost(SOON).untilAsserted(() -> assertThat(lines).containsExactly(
                "(HTTP 500 from the server; retrying in 20 ms)",
                "(HTTP 500 from the server; retrying in 40 ms)",
                line(1), line(2)));
        await().atMost(SOON).untilAsserted(() -> assertThat(requestedUrls()).containsExactly(
                "/real_time_feed?since=0",
                "/real_time_feed?since=0",
                "/real_time_feed?since=0",
                "/real_time_feed?since=2")); // parked: the feed is quiet
    }

    @Test
    void retriesWhenTheConnectionIsReset() throws Exception {
        stubFor(get(urlPathEqualTo("/real_time_feed")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(client.pollOnce()).isEqualTo(Duration.ofMillis(20));

        answerInTurn(items(1));
        assertThat(client.pollOnce()).isZero();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)) // in the JDK's own words, which differ between versions
                .startsWith("(the connection failed: ").endsWith("; retrying in 20 ms)");
        assertThat(lines.get(1)).isEqualTo(line(1));
        // The JDK's HttpClient itself sends a GET again when the connection closes before any answer,
        // so the reset may be seen more than once: what matters is that every try asked since=0.
        assertThat(requestedUrls()).hasSizeGreaterThanOrEqualTo(2).containsOnly("/real_time_feed?since=0");
    }

    @Test
    void retriesAfterAMalformedAnswerWithoutMovingItsCursor() throws Exception {
        answerInTurn(items(1), okJson("[{\"id\":2,"), items(2));

        client.pollOnce();
        assertThat(client.pollOnce()).isEqualTo(Duration.ofMillis(20));
        client.pollOnce();

        assertThat(lines).containsExactly(line(1),
                "(malformed answer: expected '\"' at position 9, found the end of the text; retrying in 20 ms)",
                line(2));
        assertThat(requestedUrls()).containsExactly(
                "/real_time_feed?since=0", "/real_time_feed?since=1", "/real_time_feed?since=1");
    }

    @Test
    void waitsAsLongAsA503AsksWhenThatIsLongerThanItsOwnDelay() throws Exception {
        answerInTurn(aResponse().withStatus(503).withHeader("Retry-After", "5"));

        assertThat(client.pollOnce()).isEqualTo(Duration.ofSeconds(5));

        assertThat(lines).containsExactly("(HTTP 503 from the server; retrying in 5 s)");
    }

    @Test
    void startsAgainFromTheShortestDelayAfterASuccess() throws Exception {
        answerInTurn(serverError(), serverError(), items(1), serverError());

        assertThat(client.pollOnce()).isEqualTo(Duration.ofMillis(20));
        assertThat(client.pollOnce()).isEqualTo(Duration.ofMillis(40));
        assertThat(client.pollOnce()).isZero();
        assertThat(client.pollOnce()).isEqualTo(Duration.ofMillis(20));
    }
}
