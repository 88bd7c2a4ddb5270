package livefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /send_feed_item: what is accepted, what the server adds, and every refusal. */
class PublishTest {

    @RegisterExtension
    final TestServer server = new TestServer();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void answersTheStoredItemWithIdAndTimestampFirstThenTheFieldsInTheOrderPosted() throws Exception {
        long before = System.currentTimeMillis();
        HttpResponse<String> response = server.http().publish("type=message&content=hello&b=2&a=1");
        long after = System.currentTimeMillis();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode item = json.readTree(response.body());
        assertThat(item.get("timestamp").asLong()).isBetween(before, after);
        assertThat(response.body()).isEqualTo(
                "{\"id\":1,\"timestamp\":" + item.get("timestamp") + ",\"type\":\"message\",\"content\":\"hello\",\"b\":\"2\",\"a\":\"1\"}");
    }

    @Test
    void givesIdsOneTwoThreeInPublishOrderAndARefusedPostUsesNoId() throws Exception {
        assertThat(id(server.http().publish("type=message&content=one"))).isEqualTo(1);
        assertThat(server.http().publish("content=no type").statusCode()).isEqualTo(400);
        assertThat(id(server.http().publish("type=message&content=two"))).isEqualTo(2);
        assertThat(id(server.http().publish("type=message&content=three"))).isEqualTo(3);
    }

    @Test
    void decodesPlusSignsPercentEscapesAndUtf8() throws Exception {
        HttpResponse<String> response = server.http().publish("type=message&content=caf%C3%A9+%26+cr%C3%A8me%3D%F0%9F%8E%89");

        assertThat(json.readTree(response.body()).get("content").asText()).isEqualTo("café & crème=🎉");
    }

    @Test
    void acceptsTheContentTypeWithACharset() {
        HttpResponse<String> response = server.http().post("application/x-www-form-urlencoded; charset=UTF-8",
                "type=message".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void keepsAFieldWithNoEqualsSignAsAnEmptyString() throws Exception {
        HttpResponse<String> response = server.http().publish("type=ping&quiet");

        assertThat(json.readTree(response.body()).get("quiet").asText()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "content=hi                    | an item needs a non-empty 'type', such as type=message",
        "type=&content=hi              | an item needs a non-empty 'type', such as type=message",
        "''                            | an item needs a non-empty 'type', such as type=message",
        "type=message&id=7             | 'id' is given by the server; do not send it",
        "type=message&timestamp=1      | 'timestamp' is given by the server; do not send it",
        "type=message&type=link        | the field 'type' is given twice; give each field once",
        "type=message&a=1&a=1          | the field 'a' is given twice; give each field once",
        "type=message&&content=hi      | a field has no name (look for '&&', '=value' or a trailing '&')",
        "type=message&=hi              | a field has no name (look for '&&', '=value' or a trailing '&')",
        "type=message&content=100%     | bad percent-encoding in '100%': '%' must be followed by two hex digits",
        "type=message&content=%zz      | bad percent-encoding in '%zz': '%' must be followed by two hex digits",
        "type=message&content=%C3      | the text is not valid UTF-8",
        "type=message&content=%FF%FE   | the text is not valid UTF-8",
    })
    void refusesABadBodyWith400AndSaysWhy(String body, String error) throws Exception {
        HttpResponse<String> response = server.http().publish(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo(error);
        assertThat(id(server.http().publish("type=message"))).as("a refused post uses up no id").isEqualTo(1);
    }

    @Test
    void refusesABodyThatIsNotUtf8() throws Exception {
        byte[] latin1 = "type=message&content=café".getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = server.http().post(Http.FORM, latin1);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("the text is not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "HEAD"})
    void refusesEveryMethodButPostWith405AndAllow(String method) {
        HttpResponse<String> response = server.http().method(method, "/send_feed_item");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded; charset=ISO-8859-1"})
    void refusesAnyOtherContentTypeWith415AndNamesTheOneToSend(String contentType) throws Exception {
        HttpResponse<String> response = server.http().post(contentType, "type=message".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json.readTree(response.body()).get("error").asText())
                .isEqualTo("send the item as application/x-www-form-urlencoded (UTF-8), not '" + contentType + "'");
    }

    @Test
    void refusesAPostWithoutContentTypeWith415() {
        String answer = server.http().raw("POST /send_feed_item HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n"
                + "Connection: close\r\n\r\ntype=message");

        assertThat(answer).startsWith("HTTP/1.1 415 ")
                .endsWith("{\"error\":\"send the item as application/x-www-form-urlencoded (UTF-8), not 'no Content-Type'\"}");
    }

    @Test
    void acceptsABodyOfExactly16KiB() {
        String body = "type=message&content=" + "x".repeat(PublishHandler.MAX_BODY_BYTES - 21);

        assertThat(server.http().publish(body).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesABodyOneByteOver16KiBWith413() throws Exception {
        String body = "type=message&content=" + "x".repeat(PublishHandler.MAX_BODY_BYTES - 20);

        HttpResponse<String> response = server.http().publish(body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("an item may be at most 16384 bytes");
    }

    @Test
    void refusesAHugeDeclaredBodyWithoutWaitingToReadIt() {
        // Claims a megabyte, sends only the first few bytes: had the server tried to read it all, it would wait forever.
        String answer = server.http().raw("POST /send_feed_item HTTP/1.1\r\nHost: x\r\nContent-Type: " + Http.FORM
                + "\r\nContent-Length: 1048576\r\nConnection: close\r\n\r\ntype=message&content=");

        assertThat(answer).startsWith("HTTP/1.1 413 ");
    }

    @Test
    void refusesAnOversizedChunkedBodyAfterReadingOnlyPastTheLimit() {
        String chunk = "x".repeat(PublishHandler.MAX_BODY_BYTES + 1);
        // One chunk past the limit, and no final chunk: the server must answer without waiting for the end.
        String answer = server.http().raw("POST /send_feed_item HTTP/1.1\r\nHost: x\r\nContent-Type: " + Http.FORM
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413 ");
    }

    @Test
    void namesThePosterFromXRealIpOnlyWhenTheRequestComesFromThisMachine() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress remote = InetAddress.getByName("192.0.2.10");

        assertThat(PublishHandler.clientAddress(loopback, "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(PublishHandler.clientAddress(loopback, null)).isEqualTo("127.0.0.1");
        assertThat(PublishHandler.clientAddress(remote, "203.0.113.9")).as("a made-up header").isEqualTo("192.0.2.10");
    }

    private long id(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).get("id").asLong();
    }
}
