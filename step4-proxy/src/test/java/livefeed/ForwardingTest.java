package livefeed;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * nginx in front of WireMock, a scripted stand-in for the feed server: what nginx passes on,
 * what it keeps out, and what it does when the upstream is slow. Timeouts are shortened: poll 1 s, read 2 s.
 */
@WireMockTest
class ForwardingTest {

    private TestNginx nginx;
    private Http http;

    @BeforeEach
    void startNginx(WireMockRuntimeInfo upstream) throws Exception {
        nginx = TestNginx.inFrontOf(upstream.getHttpPort(), Duration.ofSeconds(1), Duration.ofSeconds(2));
        http = new Http(nginx.url);
    }

    @AfterEach
    void stopNginx() throws Exception {
        if (nginx != null) { // null when the test was skipped for want of nginx
            nginx.close();
        }
    }

    @Test
    void forwardsAFeedPollWithItsPathAndQueryStringAndTheForwardingHeaders() {
        stubFor(get(urlEqualTo("/real_time_feed?since=5&_=1")).willReturn(okJson("[{\"id\":6}]")));

        HttpResponse<String> response = http.get("/real_time_feed?since=5&_=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[{\"id\":6}]");
        verify(1, getRequestedFor(urlEqualTo("/real_time_feed?since=5&_=1"))
                .withHeader("X-Real-IP", equalTo("127.0.0.1"))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                .withHeader("Host", equalTo("127.0.0.1")));
    }

    // tag::client-cannot-set-x-real-ip[]
    @Test
    void setsXRealIpItselfSoAClientCannotPretendToBeSomeoneElse() {
        stubFor(get(urlEqualTo("/real_time_feed")).willReturn(okJson("[]")));

        http.get("/real_time_feed", "X-Real-IP", "203.0.113.66");

        verify(getRequestedFor(urlEqualTo("/real_time_feed")).withHeader("X-Real-IP", equalTo("127.0.0.1")));
    }
    // end::client-cannot-set-x-real-ip[]

    @Test
    void appendsToAnXForwardedForTheClientSent() {
        stubFor(get(urlEqualTo("/real_time_feed")).willReturn(okJson("[]")));

        http.get("/real_time_feed", "X-Forwarded-For", "198.51.100.7");

        verify(getRequestedFor(urlEqualTo("/real_time_feed"))
                .withHeader("X-Forwarded-For", equalTo("198.51.100.7, 127.0.0.1")));
    }

    @Test
    @Tag("ex4.3")
    @DisplayName("Exercise 4.3: nginx passes admin's publish, with the password, on to the feed server as it came")
    void forwardsAnAuthenticatedPublishWithItsMethodBodyAndContentType() {
        stubFor(post(urlEqualTo("/send_feed_item")).willReturn(okJson("{\"id\":1}")));

        HttpResponse<String> response = http.publishAs("admin", TestNginx.PASSWORD, "type=message&content=caf%C3%A9");

        assertThat(response.statusCode()).as("admin's publish, with the password, passes on to the feed server")
                .isEqualTo(200);
        assertThat(response.body()).as("the feed server's answer, passed back as it came").isEqualTo("{\"id\":1}");
        verify(1, postRequestedFor(urlEqualTo("/send_feed_item"))
                .withHeader("Content-Type", equalTo(Http.FORM))
                .withRequestBody(equalTo("type=message&content=caf%C3%A9")));
    }

    @Test
    @Tag("ex4.3")
    @DisplayName("Exercise 4.3: a publish without admin's password gets nginx's 401 and never reaches the feed server")
    void asksForThePasswordBeforeAnythingReachesTheUpstream() {
        HttpResponse<String> none = http.publish("type=message&content=sneaky");
        HttpResponse<String> wrong = http.publishAs("admin", "guess", "type=message&content=sneaky");
        HttpResponse<String> wrongUser = http.publishAs("root", TestNginx.PASSWORD, "type=message&content=sneaky");

        assertThat(none.statusCode()).as("a publish without the password: nginx answers 401 itself").isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Feed admin\"");
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(none.body()).isEqualTo("{\"error\":\"the admin side needs the password: user admin\"}");
        assertThat(wrong.statusCode()).as("a publish with a wrong password").isEqualTo(401);
        assertThat(wrongUser.statusCode()).as("a publish by a user who is not admin").isEqualTo(401);
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    @Tag("ex4.3")
    @DisplayName("Exercise 4.3: nginx serves the admin page to admin, with the password, and to no one else")
    void protectsTheAdminPageAndServesItWithThePassword() {
        assertThat(http.get("/admin.html").statusCode()).as("the admin page without the password").isEqualTo(401);

        HttpResponse<String> admin = http.getAs("admin", TestNginx.PASSWORD, "/admin.html");

        assertThat(admin.statusCode()).as("the admin page with admin's password: nginx serves the file").isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(admin.body()).contains("<title>Feed admin</title>");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "/real_time_feedx,   404",
        "/real_time_feed/,   404",
        "/send_feed_item/x,  404",
        "/pom.xml,           404",
        "/.hidden,           404",
        "/static/index.html, 404",
        "/nginx.conf,        404",
        "/../pom.xml,        400",  // nginx refuses a path that climbs above the root as a bad request
        "/%2e%2e/pom.xml,    400",
    })
    void letsNoOtherPathReachTheUpstream(String path, int status) {
        stubFor(any(anyUrl()).willReturn(okJson("[\"upstream\"]")));

        String answer = http.raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 " + status + " ").doesNotContain("upstream");
        if (status == 404) {
            assertThat(answer).endsWith("{\"error\":\"nothing here: try / for the live feed or /admin.html\"}");
        }
        verify(0, anyRequestedFor(anyUrl()));
    }

    // tag::slow-upstream-gets-504[]
    @Test
    @Tag("ex4.4")
    @DisplayName("Exercise 4.4: nginx answers 504 when the feed server is slower than the read timeout")
    void answers504WhenTheUpstreamIsSlowerThanTheReadTimeout() {
        stubFor(get(urlEqualTo("/real_time_feed")).willReturn(okJson("[]").withFixedDelay(4_000)));

        HttpResponse<String> response = http.get("/real_time_feed");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"error\":\"the feed server did not answer in time\"}");
    }
    // end::slow-upstream-gets-504[]

    @Test
    void refusesABodyFarOverTheLimitItselfWithAJsonError() {
        // Claims 10 MB, sends a little: nginx answers at once, and nothing reaches the upstream.
        String answer = http.raw("POST /send_feed_item HTTP/1.1\r\nHost: x\r\nContent-Type: " + Http.FORM
                + "\r\nAuthorization: " + Http.basic("admin", TestNginx.PASSWORD)
                + "\r\nContent-Length: 10000000\r\nConnection: close\r\n\r\ntype=message&content=");

        assertThat(answer).startsWith("HTTP/1.1 413 ").contains("Content-Type: application/json; charset=utf-8")
                .endsWith("{\"error\":\"an item may be at most 16384 bytes\"}");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void saysSoInJsonWhenTheFeedServerIsNotRunning() throws Exception {
        try (TestNginx alone = TestNginx.inFrontOf(TestNginx.freePort(), Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            HttpResponse<String> response = new Http(alone.url).get("/real_time_feed");

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(response.body()).isEqualTo("{\"error\":\"the feed server does not answer: is it running?\"}");
        }
    }

    @Test
    void passesOnAHeldAnswerThatComesWithinTheReadTimeout() {
        stubFor(get(urlEqualTo("/real_time_feed")).willReturn(okJson("[{\"id\":1}]").withFixedDelay(1_000)));

        HttpResponse<String> response = http.get("/real_time_feed");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[{\"id\":1}]");
    }
}
