package livefeed.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.ParseException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An answer of the feed, as the wire format says the server writes it, becomes items, or is refused as malformed. */
class FeedAnswerTest {

    @Test
    void readsTheItemsAsTheServerWritesThem() throws ParseException {
        String answer = "[{\"id\":7,\"timestamp\":1764000000000,\"type\":\"message\",\"content\":\"hi \\u003c/script> \\n 🎉\"},"
                + "{\"id\":8,\"timestamp\":1764000000001,\"type\":\"link\",\"url\":\"https://example.org/\",\"title\":\"\"}]";

        assertThat(FeedAnswer.items(answer)).containsExactly(
                new FeedItem(7, 1_764_000_000_000L, Map.of("type", "message", "content", "hi </script> \n 🎉")),
                new FeedItem(8, 1_764_000_000_001L, Map.of("type", "link", "url", "https://example.org/", "title", "")));
        assertThat(FeedAnswer.items("[]")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "[{\"timestamp\":1,\"type\":\"m\"}]                                  | an item has no \"id\" number",
        "[{\"id\":\"1\",\"timestamp\":1,\"type\":\"m\"}]                     | an item has no \"id\" number",
        "[{\"id\":1,\"type\":\"m\"}]                                         | an item has no \"timestamp\" number",
        "[{\"id\":1,\"timestamp\":1}]                                        | item 1 has no \"type\"",
        "[{\"id\":1,\"timestamp\":1,\"type\":\"m\",\"n\":2}]                 | item 1: the field \"n\" is not text",
        "[{\"id\":2,\"timestamp\":1,\"type\":\"m\"},{\"id\":1,\"timestamp\":1,\"type\":\"m\"}] | the ids are not in increasing order: 1 comes after 2",
        "[{\"id\":1,\"timestamp\":1,\"type\":\"m\"},{\"id\":1,\"timestamp\":1,\"type\":\"m\"}] | the ids are not in increasing order: 1 comes after 1",
    })
    void refusesAnAnswerThatBreaksTheProtocol(String body, String message) {
        assertThatThrownBy(() -> FeedAnswer.items(body)).isInstanceOf(ParseException.class).hasMessage(message);
    }
}
