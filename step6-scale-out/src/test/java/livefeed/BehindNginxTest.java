package livefeed;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stream through a real nginx with the location of the chapter: events pass at once, and heartbeats keep it open. */
class BehindNginxTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void passesEachEventOnAsItIsPublishedWithTheCursorHeader() throws Exception {
        FeedServer server = start("--heartbeat", "600");
        try (NginxInFront nginx = NginxInFront.start(server.url().getPort(), Duration.ofSeconds(30))) {
            Http direct = new Http(server.url());
            direct.publish("type=message&content=one");
            direct.publish("type=message&content=two");
            try (EventReader stream = EventReader.open(nginx.url, "/feed_events?since=0", "Last-Event-ID: 1")) {
                assertThat(stream.status).isEqualTo(200);
                assertThat(stream.headers).containsEntry("content-type", "text/event-stream; charset=utf-8");
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stream.ids())
                        .as("Last-Event-ID went through nginx and won over since").containsExactly(2L));

                direct.publish("type=message&content=three");

                await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(stream.ids()).containsExactly(2L, 3L));
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void heartbeatsShorterThanNginxsReadTimeoutKeepAQuietStreamOpen() throws Exception {
        FeedServer server = start("--heartbeat", "0.2");
        try (NginxInFront nginx = NginxInFront.start(server.url().getPort(), READ_TIMEOUT);
             EventReader stream = EventReader.open(nginx.url, "/feed_events")) {
            await().during(READ_TIMEOUT.multipliedBy(3)).atMost(READ_TIMEOUT.multipliedBy(4))
                    .until(() -> !stream.endedCleanly() && !stream.broken());

            new Http(server.url()).publish("type=message&content=still+there");

            await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(stream.ids()).containsExactly(1L));
            assertThat(stream.heartbeats()).isGreaterThanOrEqualTo(5);
        } finally {
            server.stop();
        }
    }

    /** Why the heartbeat must be shorter than every proxy's read timeout on the way. */
    @Test
    void withoutHeartbeatsNginxCutsAQuietStreamAtItsReadTimeout() throws Exception {
        FeedServer server = start("--heartbeat", "600");
        try (NginxInFront nginx = NginxInFront.start(server.url().getPort(), READ_TIMEOUT);
             EventReader stream = EventReader.open(nginx.url, "/feed_events")) {
            await().atMost(READ_TIMEOUT.multipliedBy(5)).until(() -> stream.endedCleanly() || stream.broken());
        } finally {
            server.stop();
        }
    }

    private static FeedServer start(String... args) throws Exception {
        String[] all = java.util.stream.Stream.concat(List.of("--port", "0").stream(), List.of(args).stream()).toArray(String[]::new);
        return FeedServer.start(TestRedis.settings(all, Map.of()));
    }
}
