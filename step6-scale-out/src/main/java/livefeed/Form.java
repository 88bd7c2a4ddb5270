package livefeed;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads application/x-www-form-urlencoded text, such as {@code type=message&content=hi%21}, into
 * its fields, in the order given. It refuses what it cannot read exactly, rather than guess.
 * Query strings use the same format, so the feed handler reads {@code ?since=5} with it too.
 */
final class Form {

    private Form() {
    }

    static Map<String, String> parse(String text) throws HttpError {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.isEmpty()) {
                throw new HttpError(400, "a field has no name (look for '&&', '=value' or a trailing '&')");
            }
            if (fields.putIfAbsent(name, value) != null) {
                throw new HttpError(400, "the field '" + name + "' is given twice; give each field once");
            }
        }
        return fields;
    }

    /** The bytes as UTF-8 text; anything that is not valid UTF-8 is refused, never replaced by '?'. */
    static String utf8(byte[] bytes) throws HttpError {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpError(400, "the text is not valid UTF-8");
        }
    }

    /** "a+b%21" becomes "a b!": '+' is a space and %XX is one byte of UTF-8. */
    private static String decode(String encoded) throws HttpError {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < encoded.length()) {
            int c = encoded.codePointAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                bytes.write(hexByte(encoded, i));
                i += 2;
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(c);
        }
        return utf8(bytes.toByteArray());
    }

    private static int hexByte(String encoded, int percent) throws HttpError {
        int high = percent + 1 < encoded.length() ? Character.digit(encoded.charAt(percent + 1), 16) : -1;
        int low = percent + 2 < encoded.length() ? Character.digit(encoded.charAt(percent + 2), 16) : -1;
        if (high < 0 || low < 0) {
            throw new HttpError(400, "bad percent-encoding in '" + encoded + "': '%' must be followed by two hex digits");
        }
        return high * 16 + low;
    }
}
