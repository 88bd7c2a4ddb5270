package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FeedHandler.since on its own: the cursor read from a raw query string. */
class SinceTest {

    @Test
    @Tag("ex1.2")
    @DisplayName("Exercise 1.2: no query, or a query without since, means no cursor")
    void isEmptyWithoutSince() throws HttpError {
        assertThat(FeedHandler.since(null)).as("no query at all: no cursor").isEmpty();
        assertThat(FeedHandler.since("")).as("an empty query: no cursor").isEmpty();
        assertThat(FeedHandler.since("_=12345")).as("a query without since: no cursor").isEmpty();
    }

    @Test
    @Tag("ex1.2")
    @DisplayName("Exercise 1.2: since is the number it spells, whatever else the query holds")
    void readsTheDigitsOfSince() throws HttpError {
        assertThat(FeedHandler.since("since=0")).as("since=0").hasValue(0);
        assertThat(FeedHandler.since("_=12345&since=42")).as("since among other fields").hasValue(42);
        assertThat(FeedHandler.since("since=999999999999999999")).as("18 digits").hasValue(999_999_999_999_999_999L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"since=", "since=-1", "since=1.5", "since=abc", "since=+1", "since=0x10",
        "since=1e3", "since=9999999999999999999"})
    @Tag("ex1.2")
    @DisplayName("Exercise 1.2: anything but 1 to 18 digits is refused with 400")
    void refusesAnythingButDigits(String query) {
        assertThatThrownBy(() -> FeedHandler.since(query))
                .as("%s is not 1 to 18 digits: throw an HttpError with status 400 (19 digits may not fit in a long)", query)
                .isInstanceOfSatisfying(HttpError.class, error -> assertThat(error.status).isEqualTo(400))
                .hasMessageStartingWith("since must be the id of the last item you have (digits only)");
    }

    @Test
    @Tag("ex1.2")
    @DisplayName("Exercise 1.2: since given twice is refused with 400")
    void refusesSinceGivenTwice() {
        assertThatThrownBy(() -> FeedHandler.since("since=1&since=2"))
                .as("since given twice: Form.parse refuses it with an HttpError 400; let it through")
                .isInstanceOfSatisfying(HttpError.class, error -> assertThat(error.status).isEqualTo(400));
    }
}
