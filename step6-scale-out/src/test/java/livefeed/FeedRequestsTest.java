package livefeed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What GET /real_time_feed refuses at once, without parking: a bad since, another method, another path. */
class FeedRequestsTest {

    @RegisterExtension
    final TestServer server = new TestServer("--poll-timeout", "10");

    @ParameterizedTest
    @ValueSource(strings = {"since=", "since=-1", "since=1.5", "since=abc", "since=+1", "since=%201", "since=0x10",
        "since=1e3", "since=99999999999999999999"})
    void refusesASinceThatIsNotDigitsWith400AtOnce(String query) {
        HttpResponse<String> response = server.http().get("/real_time_feed?" + query);

        assertThat(response.statusCode()).as("a since that is not 1 to 18 digits gets 400").isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).startsWith("{\"error\":\"since must be the id of the last item you have (digits only)");
        assertThat(server.server().waitingPolls()).as("a refused poll is answered at once, never parked").isZero();
    }

    @Test
    void refusesSinceGivenTwice() {
        HttpResponse<String> response = server.http().get("/real_time_feed?since=1&since=2");

        assertThat(response.statusCode()).as("since given twice gets 400").isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"the field 'since' is given twice; give each field once\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void refusesOtherMethodsWith405AndAllow(String method) {
        HttpResponse<String> response = server.http().method(method, "/real_time_feed");

        assertThat(response.statusCode()).as("only GET and HEAD read the feed: other methods get 405").isEqualTo(405);
        assertThat(response.headers().firstValue("Allow"))
                .as("a 405 must say which methods are allowed, in an Allow header")
                .hasValue("GET, HEAD");
        assertThat(response.body()).isEqualTo("{\"error\":\"use GET to read the feed\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/real_time_feedx", "/real_time_feed/", "/real_time_feed/x", "/send_feed_item/x",
        "/send_feed_items", "/REAL_TIME_FEED"})
    void matchesTheFeedPathsExactly(String path) {
        HttpResponse<String> response = server.http().get(path);

        assertThat(response.statusCode()).as("only the exact feed paths are the feed: others get 404").isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"error\":\"nothing here: try / for the live feed or /admin.html\"}");
    }
}
