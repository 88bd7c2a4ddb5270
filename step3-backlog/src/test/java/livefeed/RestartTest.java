package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercise 3.4, test first: a page keeps its cursor while the server restarts, and ids begin again
 * at 1. A poll that would wait for ids past its cursor would wait in vain; this server answers it.
 */
class RestartTest {

    @RegisterExtension
    final TestServer server = new TestServer("--poll-timeout", "1"); // a stranded poll is answered [] after 1 s

    @Test
    @Tag("ex3.4")
    @DisplayName("Exercise 3.4: your test first: a cursor from before a restart gets the new server's items at once")
    void treatsACursorFromBeforeARestartAsSinceZero() {
        // BEGIN SOLUTION ex3.4: write the test first: a poll whose cursor is from before a restart gets the new server's items
        String one = server.http().publish("type=message&content=one").body();
        String two = server.http().publish("type=message&content=two").body();

        assertThat(server.http().get("/real_time_feed?since=57").body())
                .as("57 is newer than anything this server has published: the client knew a server before a restart")
                .isEqualTo("[" + one + "," + two + "]");
        // END SOLUTION
    }
}
