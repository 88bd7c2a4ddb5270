package livefeed.client;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON the feed sends: an array of flat objects whose values are strings or whole
 * numbers, such as {@code [{"id":4,"timestamp":1764000000000,"type":"message","content":"hi"}]}.
 * The JDK has no JSON reader, and this is all the client needs. It is strict: anything else, and
 * anything malformed, is a ParseException that says what it expected and where.
 */
final class JsonReader {

    /** JSON allows no '+', no leading zero, and only the digits 0 to 9. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private final String json;
    private int at; // where the next character is read

    private JsonReader(String json) {
        this.json = json;
    }

    /** Each object's values are Strings and Longs, in the order the object gives them. */
    static List<Map<String, Object>> readArrayOfObjects(String json) throws ParseException {
        JsonReader reader = new JsonReader(json);
        List<Map<String, Object>> objects = reader.array();
        reader.skipWhitespace();
        if (reader.at < json.length()) {
            throw reader.error("nothing after the array");
        }
        return objects;
    }

    private List<Map<String, Object>> array() throws ParseException {
        expect('[');
        List<Map<String, Object>> objects = new ArrayList<>();
        if (!skip(']')) {
            do {
                objects.add(object());
            } while (skip(','));
            expect(']');
        }
        return objects;
    }

    private Map<String, Object> object() throws ParseException {
        expect('{');
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!skip('}')) {
            do {
                skipWhitespace();
                int nameAt = at;
                String name = string();
                expect(':');
                if (fields.put(name, value()) != null) {
                    throw new ParseException("the name \"" + name + "\" at position " + nameAt + " is given twice", nameAt);
                }
            } while (skip(','));
            expect('}');
        }
        return fields;
    }

    private Object value() throws ParseException {
        skipWhitespace();
        if (nextIs('"')) {
            return string();
        }
        Matcher number = WHOLE_NUMBER.matcher(json).region(at, json.length());
        if (!number.lookingAt()) {
            throw error("a string or a whole number");
        }
        at = number.end();
        if (nextIs('.') || nextIs('e') || nextIs('E')) {
            throw error("a whole number (no fraction, no exponent)");
        }
        try {
            return Long.parseLong(number.group());
        } catch (NumberFormatException e) {
            throw new ParseException("the number at position " + number.start() + " is too large", number.start());
        }
    }

    private String string() throws ParseException {
        expect('"');
        StringBuilder text = new StringBuilder();
        while (!nextIs('"')) {
            if (at >= json.length()) {
                throw error("a closing '\"'");
            }
            char c = json.charAt(at);
            if (c < 0x20) {
                throw error("an escape such as \\n instead of a raw control character");
            }
            at++;
            if (c == '\\') {
                escape(text);
            } else {
                text.append(c);
            }
        }
        at++;
        return text.toString();
    }

    /** Reads what follows a backslash: one of " \ / b f n r t, or u and four hex digits. */
    private void escape(StringBuilder text) throws ParseException {
        char c = at < json.length() ? json.charAt(at) : ' ';
        switch (c) {
            case '"', '\\', '/' -> text.append(c);
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case 'u' -> {
                at++;
                unicodeEscape(text);
                return;
            }
            default -> throw error("one of \" \\ / b f n r t u after a backslash");
        }
        at++;
    }

    /**
     * A character beyond U+FFFF, such as an emoji, is written as two escapes: a high surrogate
     * then a low one (U+1F389, the party popper, is D83C then DF89). Either half alone is not a
     * character, so it is refused.
     */
    private void unicodeEscape(StringBuilder text) throws ParseException {
        int start = at - 2; // at the backslash
        char c = fourHexDigits();
        if (Character.isHighSurrogate(c) && json.startsWith("\\u", at)) {
            at += 2;
            char low = fourHexDigits();
            if (Character.isLowSurrogate(low)) {
                text.append(c).append(low);
                return;
            }
        }
        if (Character.isSurrogate(c)) {
            throw new ParseException("a lone surrogate at position " + start + ": a high one (\\ud800 to \\udbff)"
                    + " must be followed by a low one (\\udc00 to \\udfff)", start);
        }
        text.append(c);
    }

    private char fourHexDigits() throws ParseException {
        if (at + 4 > json.length() || !json.substring(at, at + 4).chars().allMatch(HexFormat::isHexDigit)) {
            throw error("four hex digits after \\u");
        }
        at += 4;
        return (char) HexFormat.fromHexDigits(json, at - 4, at);
    }

    private void expect(char c) throws ParseException {
        if (!skip(c)) {
            throw error("'" + c + "'");
        }
    }

    /** Skips whitespace, then c if it comes next; tells whether it did. */
    private boolean skip(char c) {
        skipWhitespace();
        if (nextIs(c)) {
            at++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (nextIs(' ') || nextIs('\t') || nextIs('\n') || nextIs('\r')) {
            at++;
        }
    }

    private boolean nextIs(char c) {
        return at < json.length() && json.charAt(at) == c;
    }

    private ParseException error(String expected) {
        String found = at >= json.length() ? "the end of the text"
                : json.charAt(at) < 0x20 ? String.format("U+%04X", (int) json.charAt(at))
                : "'" + json.charAt(at) + "'";
        return new ParseException("expected " + expected + " at position " + at + ", found " + found, at);
    }
}
