package livefeed.client;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** WireMock playing the feed server for the client's tests: it gives scripted answers, in turn, and keeps the requests. */
final class ScriptedFeed {

    /** 20 ms, 40 ms, 80 ms ... at most 200 ms: the random factor is always 0.5, so every printed line is known. */
    static final RetryDelay QUICK_RETRIES = new RetryDelay(Duration.ofMillis(40), Duration.ofMillis(400), () -> 0.0);
    static final long PUBLISHED = 1_764_000_000_000L;
    /** A request past the end of a script waits this long, like a poll parked on a quiet feed. */
    static final int PARKED_MILLIS = 10_000;

    private ScriptedFeed() {
    }

    /** The first request to the feed gets the first answer, the next one the second, and so on. */
    static void answerInTurn(ResponseDefinitionBuilder... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            stubFor(get(urlPathEqualTo("/real_time_feed")).inScenario("script").whenScenarioStateIs(state)
                    .willReturn(answers[i]).willSetStateTo("after answer " + (i + 1)));
            state = "after answer " + (i + 1);
        }
        stubFor(get(urlPathEqualTo("/real_time_feed")).inScenario("script").whenScenarioStateIs(state)
                .willReturn(okJson("[]").withFixedDelay(PARKED_MILLIS)));
    }

    /** "/real_time_feed?since=0", ... in the order the client sent them. */
    static List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LoggedRequest request : findAll(getRequestedFor(urlPathEqualTo("/real_time_feed")))) {
            urls.add(request.getUrl());
        }
        return urls;
    }

    /** An answer with these items, as the feed server writes them: {"id":1,"timestamp":...,"type":"message","content":"item 1"}. */
    static ResponseDefinitionBuilder items(long... ids) {
        List<String> items = new ArrayList<>();
        for (long id : ids) {
            items.add("{\"id\":" + id + ",\"timestamp\":" + PUBLISHED + ",\"type\":\"message\",\"content\":\"item " + id + "\"}");
        }
        return okJson("[" + String.join(",", items) + "]");
    }

    /** The line the client should print for items(id). */
    static String line(long id) {
        String time = DateTimeFormatter.ofPattern("HH:mm:ss").format(Instant.ofEpochMilli(PUBLISHED).atZone(ZoneId.systemDefault()));
        return "#" + id + " " + time + " message: content=item " + id;
    }
}
