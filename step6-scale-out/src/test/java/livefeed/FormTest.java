package livefeed;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit tests of the form reader: exact on what it accepts, loud on what it does not. */
class FormTest {

    @Test
    void readsFieldsInTheOrderGiven() throws HttpError {
        Map<String, String> fields = Form.parse("z=1&a=2&m=3");

        assertThat(List.copyOf(fields.keySet())).containsExactly("z", "a", "m");
        assertThat(fields).containsEntry("z", "1").containsEntry("a", "2").containsEntry("m", "3");
    }

    @Test
    void readsNothingFromNothing() throws HttpError {
        assertThat(Form.parse(null)).isEmpty();
        assertThat(Form.parse("")).isEmpty();
    }

    @Test
    void decodesPlusAndPercentEscapesIncludingInNames() throws HttpError {
        assertThat(Form.parse("a+b%3D=c%2Bd+e")).containsExactly(Map.entry("a b=", "c+d e"));
    }

    @Test
    void keepsRawUtf8TextAsItIs() throws HttpError {
        assertThat(Form.parse("content=🎉é")).containsExactly(Map.entry("content", "🎉é"));
    }

    @Test
    void refusesATrailingAmpersand() {
        assertThatThrownBy(() -> Form.parse("type=message&"))
                .isInstanceOf(HttpError.class)
                .hasMessage("a field has no name (look for '&&', '=value' or a trailing '&')");
    }

    @Test
    void refusesAPercentSignAtTheEnd() {
        assertThatThrownBy(() -> Form.parse("a=%4"))
                .isInstanceOf(HttpError.class)
                .hasMessage("bad percent-encoding in '%4': '%' must be followed by two hex digits")
                .extracting(e -> ((HttpError) e).status).isEqualTo(400);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> Form.utf8(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(HttpError.class)
                .hasMessage("the text is not valid UTF-8");
    }
}
