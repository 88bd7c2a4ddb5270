package livefeed;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many streams at once: publishers racing each other and new streams, heartbeats, the cap, clients that vanish, stopping. */
class SubscribersTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private static final int PUBLISHERS = 4;
    private static final int ITEMS_PER_PUBLISHER = 25;
    private static final int ITEMS = PUBLISHERS * ITEMS_PER_PUBLISHER;

    /**
     * Streams open with since=0 while four publishers post: each gets some items from the replay
     * and the rest live. The replay and the subscription happen under the publishers' lock, so the
     * seam between the two loses nothing and repeats nothing.
     */
    @RepeatedTest(3)
    void everyStreamGetsEveryItemOnceAndInOrderWhileItemsArePublishedConcurrently() throws Exception {
        FeedServer server = start("--backlog", String.valueOf(ITEMS), "--heartbeat", "600");
        ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
        List<EventReader> streams = new ArrayList<>();
        try {
            Http http = new Http(server.url());
            List<Future<?>> publishing = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                publishing.add(publishers.submit(() -> {
                    for (int i = 0; i < ITEMS_PER_PUBLISHER; i++) {
                        assertThat(http.publish("type=message&content=" + i).statusCode()).isEqualTo(200);
                    }
                }));
            }
            for (int s = 0; s < 20; s++) {
                streams.add(EventReader.open(server.url(), "/feed_events?since=0")); // some before, some during, some after
            }
            for (Future<?> done : publishing) {
                done.get(30, TimeUnit.SECONDS);
            }

            List<Long> everyId = LongStream.rangeClosed(1, ITEMS).boxed().toList();
            for (EventReader stream : streams) {
                await().atMost(SOON).untilAsserted(() -> assertThat(stream.ids()).containsExactlyElementsOf(everyId));
            }
        } finally {
            publishers.shutdownNow();
            streams.forEach(EventReader::close);
            server.stop();
        }
    }

    @Test
    void sendsAKeepAliveCommentEveryHeartbeatWhileNothingIsPublished() throws Exception {
        FeedServer server = start("--heartbeat", "0.2");
        try (EventReader stream = EventReader.open(server.url(), "/feed_events")) {
            await().atMost(SOON).until(() -> stream.heartbeats() >= 3);

            assertThat(stream.blocks).first().isEqualTo("retry: 2000");
            assertThat(stream.blocks).allMatch(block -> block.equals("retry: 2000") || block.equals(": keep-alive"));
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesAStreamPastMaxSubscribersWith503AndRetryAfterBeforeItStarts() throws Exception {
        FeedServer server = start("--max-subscribers", "2");
        try (EventReader one = EventReader.open(server.url(), "/feed_events");
             EventReader two = EventReader.open(server.url(), "/feed_events")) {
            await().atMost(SOON).until(() -> server.openStreams() == 2);

            try (EventReader refused = EventReader.open(server.url(), "/feed_events")) {
                assertThat(refused.status).isEqualTo(503);
                assertThat(refused.headers).containsEntry("retry-after", "5")
                        .containsEntry("content-type", "application/json; charset=utf-8");
                assertThat(refused.errorBody()).isEqualTo("{\"error\":\"too many streams are open; try again in 5 s\"}");
            }
            new Http(server.url()).publish("type=message&content=hi");
            assertThat(new Http(server.url()).get("/real_time_feed?since=0").statusCode())
                    .as("the streams' cap is not the long polls'").isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    /** A tab closed, a laptop lid shut: the next heartbeat to it fails, and the server forgets the stream. */
    @Test
    void forgetsStreamsThatClientsCloseAbruptly() throws Exception {
        FeedServer server = start("--heartbeat", "0.2", "--max-subscribers", "50");
        try {
            List<EventReader> streams = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                streams.add(EventReader.open(server.url(), "/feed_events"));
            }
            await().atMost(SOON).until(() -> server.openStreams() == 50);

            streams.forEach(EventReader::close);

            await().atMost(SOON).until(() -> server.openStreams() == 0);
            try (EventReader after = EventReader.open(server.url(), "/feed_events")) {
                assertThat(after.status).as("their places are free again").isEqualTo(200);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void stoppingEndsEveryStreamCleanlyAfterItsLastEvent() throws Exception {
        FeedServer server = start();
        List<EventReader> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                streams.add(EventReader.open(server.url(), "/feed_events"));
            }
            await().atMost(SOON).until(() -> server.openStreams() == 10);
            new Http(server.url()).publish("type=message&content=last");
        } finally {
            server.stop();
        }
        for (EventReader stream : streams) {
            await().atMost(SOON).until(stream::endedCleanly);
            assertThat(stream.ids()).containsExactly(1L);
            assertThat(stream.broken()).isFalse();
        }
    }

    private static FeedServer start(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(List.of(args));
        return FeedServer.start(TestRedis.settings(all.toArray(String[]::new), Map.of()));
    }
}
