package livefeed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two pages, as served: the elements their scripts use exist, the forms publish, nothing is fetched from elsewhere. */
class PagesTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    @Test
    void theLiveFeedHasTheListTheStatusLineAndItsScriptsInOrder() {
        Document page = page("/");

        assertThat(page.title()).isEqualTo("Live feed");
        page.expectFirst("#feed");
        page.expectFirst("#technique");
        Element status = page.expectFirst("#status");
        for (String part : List.of("#state", "#requests", "#received", "#delay", "#missed")) {
            status.expectFirst(part);
        }
        assertThat(page.select("script[src]").eachAttr("src")).containsExactly("feed-page.js", "client.js");
        assertThat(page.select("a[href]").eachAttr("href")).contains("admin.html");
    }

    @Test
    void everyScriptAndStylesheetThePagesLoadIsServed() {
        for (String path : List.of("/", "/admin.html")) {
            Document page = page(path);
            for (String url : page.select("script[src]").eachAttr("src")) {
                assertThat(server.http().get("/" + url).statusCode()).as(url).isEqualTo(200);
            }
            for (String url : page.select("link[rel=stylesheet]").eachAttr("href")) {
                assertThat(server.http().get("/" + url).statusCode()).as(url).isEqualTo(200);
            }
        }
    }

    @Test
    void everyAdminFormPostsAnItemWithATypeToSendFeedItem() {
        Document admin = page("/admin.html");

        assertThat(admin.title()).isEqualTo("Feed admin");
        admin.expectFirst("#answer");
        List<Element> forms = admin.select("form");
        assertThat(forms).hasSizeGreaterThanOrEqualTo(5); // message, link and three display buttons
        for (Element form : forms) {
            assertThat(form.attr("action")).isEqualTo("/send_feed_item");
            assertThat(form.attr("method")).isEqualToIgnoringCase("post");
            assertThat(form.select("[name=type]").eachAttr("value")).singleElement().asString().isNotBlank();
            assertThat(form.select("button, input[type=submit]")).isNotEmpty();
        }
        admin.expectFirst("#message-form input[name=content]");
        admin.expectFirst("#link-form input[name=url]");
        assertThat(admin.select("#display-buttons form")).hasSize(3);
    }

    @Test
    void theDisplayButtonsPublishItemsTheServerAccepts() {
        for (Element form : page("/admin.html").select("#display-buttons form")) {
            StringBuilder body = new StringBuilder();
            for (Element input : form.select("input[name]")) {
                body.append(body.length() == 0 ? "" : "&").append(input.attr("name")).append('=')
                        .append(java.net.URLEncoder.encode(input.attr("value"), java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(server.http().publish(body.toString()).statusCode()).as(body.toString()).isEqualTo(200);
        }
    }

    @Test
    void noPageReferencesAnythingOutsideThisServer() {
        for (String path : List.of("/", "/admin.html")) {
            Document page = page(path);
            for (Element element : page.select("[src], link[href], script, iframe, img, form[action]")) {
                String url = element.hasAttr("src") ? element.attr("src") : element.attr("href") + element.attr("action");
                assertThat(url).as(element.outerHtml()).doesNotContain("//").doesNotStartWith("http");
            }
        }
    }

    private Document page(String path) {
        return Jsoup.parse(server.http().get(path).body(), server.server().url().resolve(path).toString());
    }
}
