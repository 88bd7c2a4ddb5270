package livefeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a handler throws, through real HTTP: an HttpError answers as it says; a bug answers 500 and is logged. */
class ErrorAnswersTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> log = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI serve(ErrorAnswers.Route route) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new ErrorAnswers(route, log::add));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static HttpResponse<String> get(URI url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBugAnswers500WithAJsonErrorAndLogsOneLineWithItsCause() throws Exception {
        URI url = serve(exchange -> {
            throw new UnsupportedOperationException("Exercise 1.3: answer at once");
        });

        HttpResponse<String> response = get(url.resolve("/real_time_feed?since=1"));

        assertThat(response.statusCode()).as("a handler that throws answers 500, not a dropped connection").isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(new ObjectMapper().readValue(response.body(), Map.class))
                .isEqualTo(Map.of("error", "the server failed to answer this request; its log says why"));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(log).as("the server's log").singleElement()
                .asString()
                .startsWith("error: GET /real_time_feed?since=1 answered 500: java.lang.UnsupportedOperationException:"
                        + " Exercise 1.3: answer at once (at livefeed.ErrorAnswersTest")
                .doesNotContain("\n"));
    }

    @Test
    void anHttpErrorAnswersItsStatusAndMessageAndIsNotLogged() throws Exception {
        URI url = serve(exchange -> {
            throw new HttpError(404, "nothing here");
        });

        HttpResponse<String> response = get(url);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new ObjectMapper().readValue(response.body(), Map.class)).isEqualTo(Map.of("error", "nothing here"));
        assertThat(log).as("a refusal is an answer, not an error of the server").isEmpty();
    }

    @Test
    void aRouteThatAnswersIsLeftAlone() throws Exception {
        URI url = serve(exchange -> Responses.json(exchange, 200, "[]"));

        HttpResponse<String> response = get(url);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        assertThat(log).isEmpty();
    }
}
