package livefeed.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The client's JSON reader: it reads back everything the server writes (RealServerTest checks it on the wire), and refuses anything malformed. */
class JsonReaderTest {

    @Test
    void readsBackTextAsTheServerWritesIt() throws ParseException {
        String tricky = "say \"hi\" C:\\dir </script> \u2028\u2029 \n\r\t\b\f\u0000\u001f\u007f é 日本語 🎉👩‍💻";
        // How the feed server writes that text (Json.string): <, U+2028, U+2029 and the control characters as unicode escapes
        String written = "say \\\"hi\\\" C:\\\\dir \\u003c/script> \\u2028\\u2029 \\n\\r\\t\\u0008\\u000c\\u0000\\u001f\u007f é 日本語 🎉👩‍💻";
        String json = "[{\"id\":4,\"timestamp\":1764000000000,\"type\":\"message\",\"content\":\"" + written + "\",\""
                + written + "\":\"\"},{\"id\":5,\"timestamp\":0,\"type\":\"ping\"}]";

        List<Map<String, Object>> read = JsonReader.readArrayOfObjects(json);

        assertThat(read).hasSize(2);
        assertThat(read.get(0)).containsExactly(Map.entry("id", 4L), Map.entry("timestamp", 1_764_000_000_000L),
                Map.entry("type", "message"), Map.entry("content", tricky), Map.entry(tricky, ""));
        assertThat(read.get(1)).containsExactly(Map.entry("id", 5L), Map.entry("timestamp", 0L), Map.entry("type", "ping"));
    }

    @Test
    void readsEveryEscape() throws ParseException {
        String json = "[{\"s\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9 \\u003C \\u2028\"}]";

        assertThat(onlyValue(json)).isEqualTo("\" \\ / \b \f \n \r \t A é < \u2028");
    }

    @Test
    void readsASurrogatePairAsTheOneCharacterItStandsFor() throws ParseException {
        String party = onlyValue("[{\"s\":\"\\ud83c\\udf89 and \\uD83D\\uDC69\"}]");

        assertThat(party).isEqualTo("🎉 and 👩");
        assertThat(party.codePointAt(0)).isEqualTo(0x1F389);
    }

    @Test
    void readsAnEmptyArrayAndWhitespaceBetweenTokens() throws ParseException {
        assertThat(JsonReader.readArrayOfObjects("[]")).isEmpty();
        assertThat(JsonReader.readArrayOfObjects(" \t\r\n[ ] \n")).isEmpty();
        assertThat(JsonReader.readArrayOfObjects("[ { } , {\n\"a\" : 1 , \"b\":\"x\" } ]"))
                .containsExactly(Map.of(), Map.of("a", 1L, "b", "x"));
    }

    @Test
    void readsWholeNumbersAsLongs() throws ParseException {
        assertThat(JsonReader.readArrayOfObjects("[{\"a\":0,\"b\":-7,\"c\":9223372036854775807,\"d\":-9223372036854775808}]"))
                .containsExactly(Map.of("a", 0L, "b", -7L, "c", Long.MAX_VALUE, "d", Long.MIN_VALUE));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void refusesMalformedJsonSayingWhatItExpectedAndWhere(String json, String message) {
        assertThatThrownBy(() -> JsonReader.readArrayOfObjects(json))
                .isInstanceOf(ParseException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "expected '[' at position 0, found the end of the text"),
                arguments("[{\"id\":1", "expected '}' at position 8, found the end of the text"),             // truncated
                arguments("[{\"id\":1}", "expected ']' at position 9, found the end of the text"),
                arguments("[{\"s\":\"abc", "expected a closing '\"' at position 10, found the end of the text"),
                arguments("[] x", "expected nothing after the array at position 3, found 'x'"),            // trailing garbage
                arguments("[][]", "expected nothing after the array at position 2, found '['"),
                arguments("{\"id\":1}", "expected '[' at position 0, found '{'"),                          // not an array
                arguments("[1]", "expected '{' at position 1, found '1'"),                                 // not objects
                arguments("[{id:1}]", "expected '\"' at position 2, found 'i'"),                           // unquoted name
                arguments("[{'s':1}]", "expected '\"' at position 2, found '''"),                          // single quotes
                arguments("[{\"s\" 1}]", "expected ':' at position 6, found '1'"),
                arguments("[{\"s\":1,}]", "expected '\"' at position 8, found '}'"),                       // trailing comma
                arguments("[{\"s\":1},]", "expected '{' at position 9, found ']'"),
                arguments("[{\"s\":\"\\x\"}]", "expected one of \" \\ / b f n r t u after a backslash at position 8, found 'x'"),
                arguments("[{\"s\":\"\\u00G1\"}]", "expected four hex digits after \\u at position 9, found '0'"),
                arguments("[{\"s\":\"\\u12\"}]", "expected four hex digits after \\u at position 9, found '1'"),
                arguments("[{\"s\":\"\\ud83c\"}]", "a lone surrogate at position 7: a high one (\\ud800 to \\udbff)"
                        + " must be followed by a low one (\\udc00 to \\udfff)"),
                arguments("[{\"s\":\"\\ud83c\\u0041\"}]", "a lone surrogate at position 7: a high one (\\ud800 to \\udbff)"
                        + " must be followed by a low one (\\udc00 to \\udfff)"),
                arguments("[{\"s\":\"\\udf89\"}]", "a lone surrogate at position 7: a high one (\\ud800 to \\udbff)"
                        + " must be followed by a low one (\\udc00 to \\udfff)"),
                arguments("[{\"s\":\"a\nb\"}]", "expected an escape such as \\n instead of a raw control character"
                        + " at position 8, found U+000A"),
                arguments("[{\"s\":1.5}]", "expected a whole number (no fraction, no exponent) at position 7, found '.'"),
                arguments("[{\"s\":1e3}]", "expected a whole number (no fraction, no exponent) at position 7, found 'e'"),
                arguments("[{\"s\":01}]", "expected '}' at position 7, found '1'"),                        // leading zero
                arguments("[{\"s\":+1}]", "expected a string or a whole number at position 6, found '+'"),
                arguments("[{\"s\":-}]", "expected a string or a whole number at position 6, found '-'"),
                arguments("[{\"s\":99999999999999999999}]", "the number at position 6 is too large"),
                arguments("[{\"s\":true}]", "expected a string or a whole number at position 6, found 't'"),
                arguments("[{\"s\":null}]", "expected a string or a whole number at position 6, found 'n'"),
                arguments("[{\"s\":{}}]", "expected a string or a whole number at position 6, found '{'"),  // nested
                arguments("[{\"s\":\"a\",\"s\":\"b\"}]", "the name \"s\" at position 10 is given twice"));
    }

    private static String onlyValue(String json) throws ParseException {
        return (String) JsonReader.readArrayOfObjects(json).get(0).get("s");
    }
}
