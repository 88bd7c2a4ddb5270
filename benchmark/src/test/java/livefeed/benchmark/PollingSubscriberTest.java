package livefeed.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page of steps 1 to 4, without a socket: what it asks, and what it reads in an answer. */
class PollingSubscriberTest {

    private static final String ITEMS = "[{\"id\":4,\"timestamp\":1764000000000,\"type\":\"message\",\"content\":\"hi\"},"
            + "{\"id\":5,\"timestamp\":1764000000007,\"type\":\"message\",\"content\":\"ho\"}]";

    private final List<Long> arrived = new ArrayList<>();

    @Test
    void asksWithItsCursorOrWithout() {
        assertThat(new PollingSubscriber(true).request(12, 8001))
                .isEqualTo("GET /real_time_feed?since=12 HTTP/1.1\r\nHost: 127.0.0.1:8001\r\n\r\n");
        assertThat(new PollingSubscriber(false).request(12, 8001))
                .isEqualTo("GET /real_time_feed HTTP/1.1\r\nHost: 127.0.0.1:8001\r\n\r\n");
    }

    @Test
    void handsOverEveryItemOfAWholeAnswerAndIsReadyForTheNext() throws IOException {
        PollingSubscriber subscriber = new PollingSubscriber(true);
        ByteBuffer answer = answer("200 OK", ITEMS);
        ByteBuffer firstHalf = answer.slice(0, answer.limit() / 2);
        ByteBuffer secondHalf = answer.slice(answer.limit() / 2, answer.limit() - answer.limit() / 2);

        assertThat(subscriber.read(firstHalf, this::arrived)).isEqualTo(Subscriber.Read.MORE_TO_COME);
        assertThat(subscriber.betweenAnswers()).as("half an answer read").isFalse();
        assertThat(arrived).isEmpty();
        assertThat(subscriber.read(secondHalf, this::arrived)).isEqualTo(Subscriber.Read.ANSWERED);
        assertThat(arrived).containsExactly(4L, 1764000000000L, 5L, 1764000000007L);
        assertThat(subscriber.betweenAnswers()).isTrue();
        assertThat(subscriber.read(answer("200 OK", "[]"), this::arrived)).isEqualTo(Subscriber.Read.ANSWERED);
    }

    @Test
    void saysWhenAnAnswerIsNot200AndHandsOverNothing() throws IOException {
        PollingSubscriber subscriber = new PollingSubscriber(true);

        assertThat(subscriber.read(answer("503 Service Unavailable", "{\"error\":\"too many waiting\"}"), this::arrived))
                .isEqualTo(Subscriber.Read.NOT_200);
        assertThat(arrived).isEmpty();
        assertThat(subscriber.betweenAnswers()).isTrue();
    }

    @Test
    void forgetsAHalfReadAnswerWhenReset() throws IOException {
        PollingSubscriber subscriber = new PollingSubscriber(true);
        subscriber.read(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Le".getBytes(StandardCharsets.US_ASCII)), this::arrived);

        subscriber.reset();

        assertThat(subscriber.betweenAnswers()).isTrue();
        assertThat(subscriber.read(answer("200 OK", ITEMS), this::arrived)).isEqualTo(Subscriber.Read.ANSWERED);
    }

    private void arrived(long id, long timestampMillis) {
        arrived.add(id);
        arrived.add(timestampMillis);
    }

    private static ByteBuffer answer(String status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n";
        ByteBuffer answer = ByteBuffer.allocate(head.length() + bytes.length);
        answer.put(head.getBytes(StandardCharsets.US_ASCII)).put(bytes).flip();
        return answer;
    }
}
