package livefeed;

import java.util.List;

/** Writes the little JSON this server speaks. Small enough to read, so no library is needed. */
final class Json {

    private Json() {
    }

    static String array(List<Item> items) {
        StringBuilder json = new StringBuilder("[");
        for (Item item : items) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(item.toJson());
        }
        return json.append(']').toString();
    }

    static String error(String message) {
        return "{\"error\":" + string(message) + "}";
    }

    /** A JSON string literal. Item text comes from anyone, so every character that could break out is escaped. */
    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                // '<' so that "</script>" stays harmless even if a page inlines the JSON;
                // U+2028 and U+2029 because older JavaScript treats them as line ends.
                case '<', '\u2028', '\u2029' -> json.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
