package livefeed.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The page of step 5 and of nginx+nchan, without a socket: it reads a stream as EventSource does,
 * whether the JDK server chunks it or nchan sends it until the connection closes, in whatever
 * pieces the socket hands over, and connects again with Last-Event-ID after the server's retry:.
 */
class EventStreamSubscriberTest {

    private static final String JDK_HEAD = "HTTP/1.1 200 OK\r\nDate: Mon, 30 Nov 2026 16:00:00 GMT\r\n"
            + "Transfer-encoding: chunked\r\nContent-type: text/event-stream; charset=utf-8\r\nCache-control: no-store\r\n\r\n";
    private static final String EVENT_4 = "id: 4\ndata: {\"id\":4,\"timestamp\":1764000000000,\"type\":\"message\",\"content\":\"hi\"}\n\n";
    private static final String EVENT_5 = "id: 5\ndata: {\"id\":5,\"timestamp\":1764000000007,\"type\":\"message\",\"content\":\"ho\"}\n\n";

    private final List<Long> arrived = new ArrayList<>();

    @Test
    void asksForTheStreamAsEventSourceDoesWithTheCursorInTheUrlForStep5() {
        assertThat(new EventStreamSubscriber("/feed_events", true).request(0, 8001)).isEqualTo("GET /feed_events?since=0"
                + " HTTP/1.1\r\nHost: 127.0.0.1:8001\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n");
        assertThat(new EventStreamSubscriber("/sub", false).request(12, 8001)).isEqualTo("GET /sub"
                + " HTTP/1.1\r\nHost: 127.0.0.1:8001\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n");
    }

    @Test
    void readsTheJdkServersChunkedStreamInAnyPiecesAndReconnectsWithTheLastEventIdAfterRetry() throws IOException {
        EventStreamSubscriber subscriber = new EventStreamSubscriber("/feed_events", true);
        assertThat(subscriber.reconnectDelayMillis()).hasValue(EventStreamSubscriber.DEFAULT_RETRY_MILLIS);
        byte[] stream = bytes(JDK_HEAD + chunk("retry: 2000\n\n") + chunk(EVENT_4 + EVENT_5) + chunk(": keep-alive\n\n"));

        for (int i = 0; i < stream.length; i += 3) { // three bytes at a time: every boundary falls somewhere
            assertThat(subscriber.read(ByteBuffer.wrap(stream, i, Math.min(3, stream.length - i)), this::arrived))
                    .isEqualTo(Subscriber.Read.MORE_TO_COME);
            if (i == JDK_HEAD.length() + 30) {
                assertThat(subscriber.betweenAnswers()).as("in the middle of an event").isFalse();
            }
        }

        assertThat(arrived).containsExactly(4L, 1764000000000L, 5L, 1764000000007L);
        assertThat(subscriber.betweenAnswers()).as("after a whole event").isTrue();
        assertThat(subscriber.reconnectDelayMillis()).hasValue(2000);
        subscriber.reset(); // the connection is gone
        assertThat(subscriber.request(5, 8001)).isEqualTo("GET /feed_events?since=5 HTTP/1.1\r\nHost: 127.0.0.1:8001\r\n"
                + "Accept: text/event-stream\r\nCache-Control: no-cache\r\nLast-Event-ID: 5\r\n\r\n");
        assertThat(subscriber.reconnectDelayMillis()).as("kept from one connection to the next").hasValue(2000);
    }

    @Test
    void readsNchansStreamUntilTheConnectionClosesAndTakesTheItemFromTheData() throws IOException {
        EventStreamSubscriber subscriber = new EventStreamSubscriber("/sub", false);
        String stream = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                + "Connection: keep-alive\r\n\r\n: hi\n\nid: 1796054887:0\ndata: {\"id\":1,\"timestamp\":7}\n\n"
                + "id: 1796054887:1\ndata: {\"id\":2,\"timestamp\":8,\ndata: \"content\":\"x\"}\n\n";

        assertThat(subscriber.read(ByteBuffer.wrap(bytes(stream)), this::arrived)).isEqualTo(Subscriber.Read.MORE_TO_COME);

        assertThat(arrived).containsExactly(1L, 7L, 2L, 8L); // the two data lines of an event are one data, joined by \n
        assertThat(subscriber.lastEventId()).isEqualTo("1796054887:1");
        assertThat(subscriber.reconnectDelayMillis()).as("nchan sends no retry:").hasValue(3000);
        subscriber.reset();
        assertThat(subscriber.request(2, 8001)).contains("\r\nLast-Event-ID: 1796054887:1\r\n");
    }

    @Test
    void endsLinesAtCrLfLfOrCrAndIgnoresCommentsAndOtherFields() throws IOException {
        EventStreamSubscriber subscriber = new EventStreamSubscriber("/feed_events", true);
        String events = "event: item\r\nid:9\rdata:{\"id\":9,\"timestamp\":3}\r\n\r\n: a comment\n\nfoo: bar\n\n";

        subscriber.read(ByteBuffer.wrap(bytes(JDK_HEAD + chunk(events))), this::arrived);

        assertThat(arrived).containsExactly(9L, 3L);
        assertThat(subscriber.lastEventId()).isEqualTo("9");
    }

    @Test
    void saysWhenTheServerEndsTheStreamWithTheLastChunk() throws IOException {
        EventStreamSubscriber subscriber = new EventStreamSubscriber("/feed_events", true);
        subscriber.read(ByteBuffer.wrap(bytes(JDK_HEAD + chunk(EVENT_4))), this::arrived);

        assertThat(subscriber.read(ByteBuffer.wrap(bytes("0\r\n\r\n")), this::arrived)).isEqualTo(Subscriber.Read.ENDED);
        assertThat(subscriber.betweenAnswers()).isTrue();
        assertThat(arrived).containsExactly(4L, 1764000000000L);
    }

    @Test
    void saysWhenTheAnswerIsNot200SkipsItsBodyAndIsReadyForTheNext() throws IOException {
        EventStreamSubscriber subscriber = new EventStreamSubscriber("/feed_events", true);
        String refused = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-type: application/json\r\n"
                + "Content-length: 48\r\n\r\n{\"error\":\"too many streams are open; try again\"}";

        ByteBuffer answer = ByteBuffer.wrap(bytes(refused));
        assertThat(subscriber.read(answer, this::arrived)).isEqualTo(Subscriber.Read.NOT_200);
        assertThat(answer.hasRemaining()).isFalse();
        assertThat(arrived).isEmpty();
        assertThat(subscriber.betweenAnswers()).isTrue();
        assertThat(subscriber.read(ByteBuffer.wrap(bytes(JDK_HEAD + chunk(EVENT_5))), this::arrived))
                .isEqualTo(Subscriber.Read.MORE_TO_COME);
        assertThat(arrived).containsExactly(5L, 1764000000007L);
    }

    @Test
    void forgetsAHalfReadEventWhenResetButKeepsTheLastEventId() throws IOException {
        EventStreamSubscriber subscriber = new EventStreamSubscriber("/feed_events", true);
        subscriber.read(ByteBuffer.wrap(bytes(JDK_HEAD + chunk(EVENT_4) + chunk("id: 5\ndata: {\"id\":5,"))), this::arrived);
        assertThat(subscriber.betweenAnswers()).isFalse();

        subscriber.reset();

        assertThat(subscriber.betweenAnswers()).isTrue();
        assertThat(subscriber.lastEventId()).isEqualTo("4");
        subscriber.read(ByteBuffer.wrap(bytes(JDK_HEAD + chunk(EVENT_5))), this::arrived);
        assertThat(arrived).containsExactly(4L, 1764000000000L, 5L, 1764000000007L);
    }

    @Test
    void refusesA200ThatIsNotAnEventStreamAsEventSourceDoes() {
        EventStreamSubscriber subscriber = new EventStreamSubscriber("/feed_events", true);

        assertThatThrownBy(() -> subscriber.read(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Content-Length: 2\r\n\r\nhi")), this::arrived))
                .isInstanceOf(IOException.class).hasMessage("not an event stream: Content-Type text/html");
    }

    private void arrived(long id, long timestampMillis) {
        arrived.add(id);
        arrived.add(timestampMillis);
    }

    /** One chunk as the JDK server writes it: its size in hex, the bytes, CRLF. */
    private static String chunk(String data) {
        return Integer.toHexString(bytes(data).length) + "\r\n" + data + "\r\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
