package livefeed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages come from static/, with the right Content-Type, and nothing outside static/ is ever served. */
class StaticFilesTest {

    private static final Path STATIC = Path.of("..", "static");

    @RegisterExtension
    final TestServer server = new TestServer();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "/,                 index.html,      text/html; charset=utf-8",
        "/index.html,       index.html,      text/html; charset=utf-8",
        "/admin.html,       admin.html,      text/html; charset=utf-8",
        "/style.css,        style.css,       text/css; charset=utf-8",
        "/feed-page.js,     feed-page.js,    text/javascript; charset=utf-8",
        "/client.js,        " + FeedServer.CLIENT_SCRIPT + ", text/javascript; charset=utf-8", // each step its own
    })
    void servesTheFileWithItsContentType(String path, String file, String contentType) throws Exception {
        HttpResponse<String> response = server.http().get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(response.body()).isEqualTo(Files.readString(STATIC.resolve(file)));
    }

    @Test
    void servesThisStepsTechniqueAsClientJs() throws Exception {
        assertThat(server.http().get("/client.js").body()).isEqualTo(Files.readString(STATIC.resolve(FeedServer.CLIENT_SCRIPT)));
    }

    @Test
    void answersHeadForAPageWithItsLengthAndNoBody() throws Exception {
        HttpResponse<String> response = server.http().method("HEAD", "/admin.html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(Files.size(STATIC.resolve("admin.html")));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void refusesToChangeAPageWith405() {
        HttpResponse<String> response = server.http().method("PUT", "/index.html");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope.html", "/admin.html/", "/static/index.html", "/polling.js/x", "/.hidden"})
    void answersAnUnknownPathWith404AndAJsonError(String path) {
        HttpResponse<String> response = server.http().get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"error\":\"nothing here: try / for the live feed or /admin.html\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../pom.xml",                  // plain dot-dot
        "/%2e%2e/pom.xml",              // dot-dot, percent-encoded
        "/%2E%2E/pom.xml",              // in upper case
        "/..%2fpom.xml",                // an encoded slash hides the segment
        "/..%5cpom.xml",                // a backslash, for Windows
        "/./../pom.xml",
        "/../../../../../../etc/passwd",
        "/%2fetc%2fpasswd",
        "/index.html%00.css",           // a NUL byte
        "/.git/config",                 // hidden
    })
    void neverServesAnythingOutsideStatic(String path) {
        String answer = server.http().raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 404 ").doesNotContain("<project").doesNotContain("root:");
    }

    /** JDK 17.0.21 and later refuse this request target themselves, with 400, before any handler sees it. */
    @Test
    void neverServesAPathThatLooksAbsolute() {
        String answer = server.http().raw("GET //etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answer).as("//etc/passwd gets our 404, or the JDK's own 400: never a file outside static/")
                .matches("(?s)HTTP/1\\.1 (404|400) .*").doesNotContain("root:");
    }

    @Test
    void neverFollowsASymbolicLinkOutOfStatic(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("static"));
        Files.writeString(root.resolve("index.html"), "<p>home</p>");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link.txt"), secret);
        Files.createSymbolicLink(root.resolve("up"), dir);
        FeedServer linked = FeedServer.start(TestRedis.settings(
                new String[] {"--port", "0", "--static", root.toString()}, Map.of()));
        try {
            Http http = new Http(linked.url());
            assertThat(http.get("/").body()).isEqualTo("<p>home</p>");
            assertThat(http.get("/link.txt").statusCode()).isEqualTo(404);     // a link to a file outside
            assertThat(http.get("/up/secret.txt").statusCode()).isEqualTo(404); // a link to a folder outside
        } finally {
            linked.stop();
        }
    }
}
