package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /feed_events: one open response per page, an event per item, from the cursor on. */
class EventStreamTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServer server = new TestServer("--backlog", "5", "--heartbeat", "600"); // no heartbeat among the events

    @Test
    void opensAnEventStreamThatStartsWithTheRetryDelay() {
        try (EventReader stream = open("/feed_events")) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.headers).containsEntry("content-type", "text/event-stream; charset=utf-8")
                    .containsEntry("cache-control", "no-store")
                    .containsEntry("x-accel-buffering", "no")
                    .containsEntry("transfer-encoding", "chunked")
                    .doesNotContainKey("content-length");
            await().atMost(SOON).untilAsserted(() -> assertThat(stream.blocks).containsExactly("retry: 2000"));
        }
    }

    // tag::an-event-per-item[]
    @Test
    @Tag("ex5.3")
    @DisplayName("Exercise 5.3: each published item comes as an event: its id, then its JSON as data")
    void sendsEachPublishedItemAsAnEventWithItsIdAndItsJson() {
        try (EventReader stream = open("/feed_events")) {
            awaitSubscribers(1);

            String item = server.http().publish("type=message&content=hello").body();

            await().atMost(SOON).untilAsserted(() -> assertThat(stream.blocks)
                    .containsExactly("retry: 2000", "id: 1\ndata: " + item));
        }
    }
    // end::an-event-per-item[]

    @Test
    void withoutACursorOnlyItemsPublishedFromNowOnAreSent() {
        server.http().publish("type=message&content=before");
        try (EventReader stream = open("/feed_events")) {
            awaitSubscribers(1);

            server.http().publish("type=message&content=after");

            await().atMost(SOON).untilAsserted(() -> assertThat(stream.ids()).containsExactly(2L));
        }
    }

    @Test
    void replaysTheKeptItemsNewerThanLastEventIdThenSendsNewOnes() {
        publish(3);
        try (EventReader stream = open("/feed_events", "Last-Event-ID: 1")) {
            await().atMost(SOON).untilAsserted(() -> assertThat(stream.ids()).containsExactly(2L, 3L));

            server.http().publish("type=message&content=live");

            await().atMost(SOON).untilAsserted(() -> assertThat(stream.ids()).containsExactly(2L, 3L, 4L));
        }
    }

    @Test
    void replaysTheKeptItemsNewerThanSinceWithoutTheHeader() {
        publish(3);
        try (EventReader stream = open("/feed_events?since=0")) {
            await().atMost(SOON).untilAsserted(() -> assertThat(stream.ids()).containsExactly(1L, 2L, 3L));
        }
    }

    // tag::the-header-wins[]
    @Test
    void lastEventIdWinsOverSince() {
        publish(4);
        try (EventReader stream = open("/feed_events?since=0", "Last-Event-ID: 2")) {
            await().atMost(SOON).untilAsserted(() -> assertThat(stream.ids())
                    .as("EventSource asks again for ?since=0, but its Last-Event-ID says where it really is")
                    .containsExactly(3L, 4L));
        }
    }
    // end::the-header-wins[]

    @Test
    void aCursorFromBeforeARestartCountsAsZero() {
        publish(2);
        try (EventReader stream = open("/feed_events", "Last-Event-ID: 57")) {
            await().atMost(SOON).untilAsserted(() -> assertThat(stream.ids()).containsExactly(1L, 2L));
        }
    }

    @Test
    void itemsPushedOutOfTheBacklogShowAsAGapInTheIds() {
        publish(9); // the backlog keeps 5 to 9
        try (EventReader stream = open("/feed_events", "Last-Event-ID: 2")) {
            await().atMost(SOON).untilAsserted(() -> assertThat(stream.ids())
                    .as("3 and 4 are gone: the first id is greater than the cursor + 1")
                    .containsExactly(5L, 6L, 7L, 8L, 9L));
        }
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/feed_events?since=abc | ''                  | since must be the id of the last item you have (digits only), not 'abc'",
        "/feed_events?since=    | ''                  | since must be the id of the last item you have (digits only), not ''",
        "/feed_events?since=-1  | ''                  | since must be the id of the last item you have (digits only), not '-1'",
        "/feed_events           | Last-Event-ID: x1   | Last-Event-ID must be the id of the last item you have (digits only), not 'x1'",
        "/feed_events?since=1   | Last-Event-ID: 1.5  | Last-Event-ID must be the id of the last item you have (digits only), not '1.5'",
    })
    void refusesABadCursorWith400BeforeAnyStreamStarts(String path, String header, String error) {
        try (EventReader refused = header.isEmpty() ? open(path) : open(path, header)) {
            assertThat(refused.status).isEqualTo(400);
            assertThat(refused.headers).containsEntry("content-type", "application/json; charset=utf-8");
            assertThat(refused.errorBody()).isEqualTo("{\"error\":\"" + error + "\"}");
        }
        assertThat(server.server().openStreams()).isZero();
    }

    @Test
    void refusesOtherMethodsWith405() {
        HttpResponse<String> response = server.http().method("POST", "/feed_events");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertThat(response.body()).isEqualTo("{\"error\":\"use GET to open the event stream\"}");
    }

    @Test
    void theLongPollOfStep3StillWorksOnTheSameBacklog() {
        List<Long> published = publish(2);

        assertThat(server.http().get("/real_time_feed?since=0").body()).startsWith("[{\"id\":1,").contains("{\"id\":2,");
        assertThat(published).containsExactly(1L, 2L);
    }

    /** An open stream is an exchange kept in a set, not a thread that waits: with 200 open, no request thread is busy. */
    @Test
    void twoHundredOpenStreamsHoldNoThreadEach() {
        List<EventReader> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                streams.add(EventReader.stalled(server.server().url(), "/feed_events")); // reads nothing: no client thread
            }
            awaitSubscribers(200);

            await("no request thread busy with 200 open streams").atMost(Duration.ofSeconds(5))
                    .until(() -> server.server().busyRequestThreads() == 0);
        } finally {
            streams.forEach(EventReader::close);
        }
    }

    private EventReader open(String pathAndQuery, String... headers) {
        return EventReader.open(server.server().url(), pathAndQuery, headers);
    }

    private void awaitSubscribers(int count) {
        await().atMost(SOON).until(() -> server.server().openStreams() == count);
    }

    private List<Long> publish(int count) {
        return LongStream.rangeClosed(1, count)
                .map(i -> Long.parseLong(server.http().publish("type=message&content=" + i).body().replaceAll("^\\{\"id\":(\\d+),.*", "$1")))
                .boxed().toList();
    }
}
