package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a stream starts, from its Last-Event-ID header and its query; EventStreamTest checks the same over HTTP. */
class EventStreamHandlerTest {

    @Test
    @Tag("ex5.2")
    @DisplayName("Exercise 5.2: Last-Event-ID is the cursor, and wins over ?since=")
    void theHeaderIsTheCursorAndWinsOverTheQuery() throws HttpError {
        assertThat(EventStreamHandler.cursor("7", null)).isEqualTo(OptionalLong.of(7));
        assertThat(EventStreamHandler.cursor("7", "since=0")).isEqualTo(OptionalLong.of(7));
        assertThat(EventStreamHandler.cursor("0", "since=12")).isEqualTo(OptionalLong.of(0));
    }

    @Test
    @Tag("ex5.2")
    @DisplayName("Exercise 5.2: without the header, ?since= is the cursor; without either, there is none")
    void withoutTheHeaderTheQueryIsTheCursor() throws HttpError {
        assertThat(EventStreamHandler.cursor(null, "since=3")).isEqualTo(OptionalLong.of(3));
        assertThat(EventStreamHandler.cursor(null, null)).isEmpty();
        assertThat(EventStreamHandler.cursor(null, "other=1")).isEmpty();
    }

    @Test
    @Tag("ex5.2")
    @DisplayName("Exercise 5.2: a header that is not digits is refused with 400, whatever the query says")
    void refusesAHeaderThatIsNotDigits() {
        for (String bad : new String[] {"", "x1", "1.5", "-1", " 7"}) {
            assertThatThrownBy(() -> EventStreamHandler.cursor(bad, "since=0"))
                    .isInstanceOfSatisfying(HttpError.class, error -> assertThat(error.status).isEqualTo(400))
                    .hasMessage("Last-Event-ID must be the id of the last item you have (digits only), not '" + bad + "'");
        }
    }

    @Test
    void refusesABadSinceWithoutTheHeaderAsStep3Does() {
        assertThatThrownBy(() -> EventStreamHandler.cursor(null, "since=abc"))
                .isInstanceOfSatisfying(HttpError.class, error -> assertThat(error.status).isEqualTo(400))
                .hasMessage("since must be the id of the last item you have (digits only), not 'abc'");
    }
}
