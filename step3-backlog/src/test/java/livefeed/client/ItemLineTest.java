package livefeed.client;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One item, one line: the id, the time, the type, then every other field as name=value. */
class ItemLineTest {

    private static final long AT_16_00_UTC = 1_764_000_000_000L;

    @Test
    void showsTheIdTheTimeTheTypeThenTheOtherFieldsInTheirOrder() {
        FeedItem link = item(12, "type", "link", "url", "https://example.org/", "title", "Example");

        assertThat(ItemLine.of(link, ZoneOffset.UTC)).isEqualTo("#12 16:00:00 link: url=https://example.org/, title=Example");
        assertThat(ItemLine.of(link, ZoneId.of("Asia/Tokyo"))).startsWith("#12 01:00:00 ");
    }

    @Test
    void showsAnItemWithNoOtherFieldThanItsType() {
        assertThat(ItemLine.of(item(3, "type", "ping"), ZoneOffset.UTC)).isEqualTo("#3 16:00:00 ping");
    }

    @Test
    void neverPrintsAControlCharacterThatCouldForgeALineOrDriveTheTerminal() {
        FeedItem sneaky = item(1, "type", "message", "content", "hi\n#2 16:00:00 message: fake\u001b[2J\u009b");

        assertThat(ItemLine.of(sneaky, ZoneOffset.UTC))
                .isEqualTo("#1 16:00:00 message: content=hi\\u000a#2 16:00:00 message: fake\\u001b[2J\\u009b");
    }

    @Test
    void keepsEveryOtherCharacterAsItIs() {
        FeedItem text = item(1, "type", "message", "content", "é 日本語 🎉 <b>\"quoted\"</b>");

        assertThat(ItemLine.of(text, ZoneOffset.UTC)).isEqualTo("#1 16:00:00 message: content=é 日本語 🎉 <b>\"quoted\"</b>");
    }

    private static FeedItem item(long id, String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new FeedItem(id, AT_16_00_UTC, fields);
    }
}
