package livefeed.benchmark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's HTTP reader: whole answers, answers in pieces, and what it refuses. */
class ResponseParserTest {

    private static final String ANSWER = "HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
            + "Content-type: application/json; charset=utf-8\r\nContent-length: 13\r\n\r\n[{\"id\":1}] é";

    @Test
    void readsAnAnswerThatArrivesWhole() throws IOException {
        ResponseParser parser = new ResponseParser();

        assertThat(parser.feed(bytes(ANSWER))).isTrue();
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.body()).isEqualTo("[{\"id\":1}] é");
    }

    @Test
    void readsAnAnswerThatArrivesOneByteAtATime() throws IOException {
        ResponseParser parser = new ResponseParser();
        ByteBuffer all = bytes(ANSWER);
        boolean complete = false;
        while (all.hasRemaining()) {
            assertThat(complete).as("complete only after the last byte").isFalse();
            complete = parser.feed(ByteBuffer.wrap(new byte[] {all.get()}));
        }

        assertThat(complete).isTrue();
        assertThat(parser.body()).isEqualTo("[{\"id\":1}] é");
    }

    @Test
    void startsAgainAfterReset() throws IOException {
        ResponseParser parser = new ResponseParser();
        parser.feed(bytes(ANSWER));
        parser.reset();

        assertThat(parser.isEmpty()).isTrue();
        assertThat(parser.feed(bytes("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n\r\n"))).isTrue();
        assertThat(parser.status()).isEqualTo(503);
        assertThat(parser.body()).isEmpty();
    }

    @Test
    void refusesAnAnswerWithoutContentLength() {
        assertThatThrownBy(() -> new ResponseParser().feed(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("Content-Length");
    }

    @Test
    void findsTheIdAndTimestampOfEachItem() {
        String json = "[{\"id\":4,\"timestamp\":1764000000000,\"type\":\"message\",\"content\":\"hi\"},"
                + "{\"id\":5,\"timestamp\":1764000000007,\"type\":\"message\",\"content\":\"ho\"}]";

        assertThat(ItemJson.idsAndTimestamps(json)).containsExactly(4, 1764000000000L, 5, 1764000000007L);
        assertThat(ItemJson.idsAndTimestamps("[]")).isEmpty();
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
