package livefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text is posted, the server writes JSON that a real parser reads back to the same text.
 * The feed writes items with the same code, and FeedTest checks it serves exactly what publish answered.
 */
class JsonTest {

    @RegisterExtension
    final TestServer server = new TestServer();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "say \"hi\"",                       // quotes
        "C:\\path\\to\\file \\u0041",       // backslashes, and one that looks like an escape
        "line\nbreak\r\ttab\b\f\u0000\u0001\u001f\u007f", // control characters
        "separators \u2028 and \u2029",     // line ends to older JavaScript
        "emoji 🎉👩‍💻 and 日本語",            // beyond the Basic Multilingual Plane, and CJK
        "</script><script>alert(1)</script>", // would end a script block if inlined in HTML
        "<img src=x onerror=alert(1)>",
        "{\"id\":999}",                     // JSON inside a value stays a string
        "",
    })
    void writesJsonThatParsesBackToTheSameText(String text) throws Exception {
        String body = "type=message&content=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&" + URLEncoder.encode(text + "name", StandardCharsets.UTF_8) + "=x";

        JsonNode published = json.readTree(server.http().publish(body).body());

        assertThat(published.get("content").asText()).isEqualTo(text);
        assertThat(published.get(text + "name").asText()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"</script>", "\u2028", "\u2029"})
    void neverWritesCharactersThatBreakOutOfAScriptBlock(String text) {
        String body = server.http().publish("type=message&content=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).body();

        assertThat(body).doesNotContain(text);
    }
}
