package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /real_time_feed in step 1: it answers at once, with everything newer than since. */
class FeedTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    @Test
    @Tag("ex1.3")
    @DisplayName("Exercise 1.3: a GET is answered at once, [] when nothing was published")
    void answersAtOnceWithAnEmptyArrayWhenNothingWasPublished() {
        HttpResponse<String> response = server.http().get("/real_time_feed");

        assertThat(response.statusCode()).as("a GET of the feed is answered 200 at once, even when nothing was published")
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).as("nothing was published: an empty JSON array").isEqualTo("[]");
    }

    @Test
    @Tag("ex1.3")
    @DisplayName("Exercise 1.3: without since, or with since=0, a GET gets every item in id order")
    void answersEveryItemInIdOrderWhenSinceIsAbsent() {
        String one = server.http().publish("type=message&content=one").body();
        String two = server.http().publish("type=message&content=two").body();
        String three = server.http().publish("type=message&content=three").body();

        assertThat(server.http().get("/real_time_feed").body()).as("no since counts as 0: every item, in id order")
                .isEqualTo("[" + one + "," + two + "," + three + "]");
        assertThat(server.http().get("/real_time_feed?since=0").body()).as("since=0: every item, in id order")
                .isEqualTo("[" + one + "," + two + "," + three + "]");
    }

    // tag::only-newer-than-since[]
    @Test
    @Tag("ex1.3")
    @DisplayName("Exercise 1.3: a GET gets only the items newer than since")
    void answersOnlyTheItemsNewerThanSince() {
        server.http().publish("type=message&content=one");
        String two = server.http().publish("type=message&content=two").body();
        String three = server.http().publish("type=message&content=three").body();

        assertThat(server.http().get("/real_time_feed?since=1").body()).isEqualTo("[" + two + "," + three + "]");
        assertThat(server.http().get("/real_time_feed?since=2").body()).isEqualTo("[" + three + "]");
        assertThat(server.http().get("/real_time_feed?since=3").body()).isEqualTo("[]");
        assertThat(server.http().get("/real_time_feed?since=999999999999").body()).isEqualTo("[]");
    }
    // end::only-newer-than-since[]

    @Test
    void servesEachItemExactlyAsThePublishAnsweredIt() {
        String published = server.http().publish("type=link&url=https%3A%2F%2Fexample.org%2F&title=Example").body();

        assertThat(server.http().get("/real_time_feed").body()).isEqualTo("[" + published + "]");
        assertThat(published).endsWith(",\"type\":\"link\",\"url\":\"https://example.org/\",\"title\":\"Example\"}");
    }

    @Test
    void ignoresOtherQueryParametersSuchAsACacheBuster() {
        String one = server.http().publish("type=message&content=one").body();

        assertThat(server.http().get("/real_time_feed?_=12345&since=0").body()).isEqualTo("[" + one + "]");
    }

    @Test
    void sendsContentLengthInUtf8BytesNotCharacters() {
        server.http().publish("type=message&content=%C3%A9t%C3%A9+%E2%98%80+%F0%9F%8C%8D");

        HttpResponse<String> response = server.http().get("/real_time_feed");

        assertThat(response.body()).contains("\"content\":\"été ☀ 🌍\"");
        long bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isGreaterThan(response.body().length());
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(bytes);
    }

    @Test
    @Tag("ex1.3")
    @DisplayName("Exercise 1.3: HEAD gets the headers of GET and no body")
    void answersHeadWithTheHeadersOfGetAndNoBody() {
        server.http().publish("type=message&content=%C3%A9");
        HttpResponse<String> get = server.http().get("/real_time_feed");

        HttpResponse<String> head = server.http().method("HEAD", "/real_time_feed");

        assertThat(head.statusCode()).as("HEAD reads the feed as GET does: 200, not 405").isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(head.headers().firstValue("Content-Length")).as("HEAD's Content-Length is that of the body GET sends")
                .isEqualTo(get.headers().firstValue("Content-Length"));
        assertThat(head.body()).as("HEAD gets the headers only, no body").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    @Tag("ex1.3")
    @DisplayName("Exercise 1.3: other methods get 405 and Allow: GET, HEAD")
    void refusesOtherMethodsWith405AndAllow(String method) {
        HttpResponse<String> response = server.http().method(method, "/real_time_feed");

        assertThat(response.statusCode()).as("only GET and HEAD read the feed: other methods get 405").isEqualTo(405);
        assertThat(response.headers().firstValue("Allow"))
                .as("a 405 must say which methods are allowed, in an Allow header")
                .hasValue("GET, HEAD");
        assertThat(response.body()).isEqualTo("{\"error\":\"use GET to read the feed\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"since=", "since=-1", "since=1.5", "since=abc", "since=+1", "since=%201", "since=0x10",
        "since=1e3", "since=99999999999999999999"})
    @Tag("ex1.3")
    @DisplayName("Exercise 1.3: a since that is not digits gets 400 at once")
    void refusesASinceThatIsNotDigitsWith400AtOnce(String query) {
        HttpResponse<String> response = server.http().get("/real_time_feed?" + query);

        assertThat(response.statusCode()).as("%s is not 1 to 18 digits: refused with 400, before anything else", query)
                .isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).startsWith("{\"error\":\"since must be the id of the last item you have (digits only)");
    }

    @Test
    void refusesSinceGivenTwice() {
        HttpResponse<String> response = server.http().get("/real_time_feed?since=1&since=2");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"the field 'since' is given twice; give each field once\"}");
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

    @Test
    void thePageLoadsThePollingScript() {
        assertThat(FeedServer.CLIENT_SCRIPT).as("the script that /client.js serves in step 1").isEqualTo("polling.js");
    }
}
