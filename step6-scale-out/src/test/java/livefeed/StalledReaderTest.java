package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader that never reads: its socket buffers fill, then the write to it blocks. It must not
 * hold up anybody else, and the server must not keep queueing for it: once it is too far behind,
 * its stream is closed and its queue dropped.
 */
class StalledReaderTest {

    private static final int MAX_ITEMS = 5000;
    private static final String EIGHT_KIB = "x".repeat(8192);

    @RegisterExtension
    final TestServer server = new TestServer("--heartbeat", "600");

    // tag::a-stalled-reader[]
    @Test
    @Tag("ex5.3")
    @DisplayName("Exercise 5.3: a reader that never reads is dropped, and the others get every item within a second")
    void aReaderThatNeverReadsIsDroppedAndDelaysNobody() {
        EventReader stalled = EventReader.stalled(server.server().url(), "/feed_events");
        List<EventReader> readers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readers.add(EventReader.open(server.server().url(), "/feed_events"));
        }
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.server().openStreams() == 6);

            // Its socket buffers take a few MB, then the write to it blocks, then its queue fills up.
            int published = 0;
            while (server.server().openStreams() == 6 && published < MAX_ITEMS) {
                server.http().publish("type=message&content=" + EIGHT_KIB);
                published++;
            }

            assertThat(server.server().openStreams())
                    .as("the stalled stream fell more than its queue's room behind: closed, its queue dropped")
                    .isEqualTo(5);
            List<Long> everyId = LongStream.rangeClosed(1, published).boxed().toList();
            for (EventReader reader : readers) {
                await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(reader.ids()).containsExactlyElementsOf(everyId));
            }
        } finally {
            stalled.close();
            readers.forEach(EventReader::close);
        }
    }
    // end::a-stalled-reader[]
}
