package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The text/event-stream format of one item: what EventSource parses. */
class ServerSentEventTest {

    @Test
    @Tag("ex5.1")
    @DisplayName("Exercise 5.1: an event is 'id: ', the id, 'data: ', the item's JSON, and an empty line")
    void encodesAnItemAsItsIdAndItsJsonFollowedByAnEmptyLine() {
        Item item = new Item(7, 1764000000000L, Map.of("type", "message"));

        assertThat(text(ServerSentEvent.of(item)))
                .isEqualTo("id: 7\ndata: {\"id\":7,\"timestamp\":1764000000000,\"type\":\"message\"}\n\n");
    }

    @Test
    @Tag("ex5.1")
    @DisplayName("Exercise 5.1: a line break in a field stays inside the JSON: the data is one line")
    void keepsTheDataOnOneLineWhateverTheFieldsHold() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "message");
        fields.put("content", "one\ntwo\r\n\ndata: forged");
        String event = text(ServerSentEvent.of(new Item(1, 0, fields)));

        assertThat(event.split("\n", -1)).as("id, data, the empty line").hasSize(4);
        assertThat(event).contains("\"content\":\"one\\ntwo\\r\\n\\ndata: forged\"").endsWith("\n\n");
    }

    @Test
    void encodesTextAsUtf8() {
        Item item = new Item(1, 0, Map.of("type", "café 🎉"));

        assertThat(text(ServerSentEvent.of(item))).contains("\"type\":\"café 🎉\"");
    }

    @Test
    void theRetryLineAndTheHeartbeatAreWholeEvents() {
        assertThat(text(ServerSentEvent.RETRY)).isEqualTo("retry: 2000\n\n");
        assertThat(text(ServerSentEvent.HEARTBEAT)).isEqualTo(": keep-alive\n\n");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
