package livefeed.client;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How the console client shows an item: one line, such as {@code #12 12:03:04 message: content=hi}. */
final class ItemLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ItemLine() {
    }

    /** The id, the time it was published on a clock in that zone, the type, then every other field. */
    static String of(FeedItem item, ZoneId zone) {
        List<String> fields = new ArrayList<>();
        item.fields().forEach((name, value) -> {
            if (!name.equals("type")) {
                fields.add(name + "=" + value);
            }
        });
        String time = TIME.format(Instant.ofEpochMilli(item.timestamp()).atZone(zone));
        String type = item.fields().get("type");
        return printable("#" + item.id() + " " + time + " " + (fields.isEmpty() ? type : type + ": " + String.join(", ", fields)));
    }

    /**
     * Item text comes from anyone. A newline in it would forge a line of ours, and an escape
     * character could send commands to the terminal: each control character is shown as a
     * backslash, 'u' and its four hex digits instead.
     */
    static String printable(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        return line.toString();
    }
}
