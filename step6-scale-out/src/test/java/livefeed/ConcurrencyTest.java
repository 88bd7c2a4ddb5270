package livefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishers and cursor-following clients at once. A lost wake-up (a poll parked just after the
 * item it waited for went by) would leave a client hanging until its poll timeout: with a timeout
 * far longer than the round, such a client would not finish in time, and it would see an empty answer.
 */
class ConcurrencyTest {

    private static final int PUBLISHERS = 4;
    private static final int ITEMS_PER_PUBLISHER = 25;
    private static final int ITEMS = PUBLISHERS * ITEMS_PER_PUBLISHER;
    private static final int CLIENTS = 20;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger emptyAnswers = new AtomicInteger();

    @RepeatedTest(5)
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: 20 clients and 4 publishers: every client gets every item once, in order, at once")
    void everyClientGetsEveryItemExactlyOnceAndInOrder() throws Exception {
        FeedServer server = FeedServer.start(TestRedis.settings(
                new String[] {"--port", "0", "--backlog", String.valueOf(ITEMS), "--poll-timeout", "60"}, Map.of()));
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + PUBLISHERS);
        try {
            Http http = new Http(server.url());
            List<Future<List<Long>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(threads.submit(() -> follow(http)));
            }
            for (int p = 0; p < PUBLISHERS; p++) {
                threads.submit(() -> publish(http));
            }

            // tag::every-client-gets-every-item[]
            List<Long> everyId = LongStream.rangeClosed(1, ITEMS).boxed().toList();
            for (Future<List<Long>> client : clients) {
                assertThat(client.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(everyId);
            }
            assertThat(emptyAnswers).as("answers that came only at the poll timeout").hasValue(0);
            // end::every-client-gets-every-item[]
        } finally {
            threads.shutdownNow();
            server.stop();
        }
    }

    /**
     * The sharpest probe of a lost wake-up: each item is published only once every client has the
     * one before, so all 20 clients are coming back to poll at the very moment of the next publish.
     * A client that parks just after an item went by would not get it until the next one: here,
     * never, because the next one waits for it.
     */
    @RepeatedTest(3)
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: no lost wake-up: every client gets each item before the next is published")
    void everyClientGetsEachItemBeforeTheNextIsPublished() throws Exception {
        FeedServer server = FeedServer.start(TestRedis.settings(
                new String[] {"--port", "0", "--backlog", String.valueOf(ITEMS), "--poll-timeout", "60"}, Map.of()));
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        List<AtomicLong> newestSeen = new ArrayList<>();
        List<Future<List<Long>>> clients = new ArrayList<>();
        try {
            Http http = new Http(server.url());
            for (int c = 0; c < CLIENTS; c++) {
                AtomicLong seen = new AtomicLong();
                newestSeen.add(seen);
                clients.add(threads.submit(() -> follow(http, seen)));
            }
            // tag::publish-in-lockstep[]
            for (long id = 1; id <= ITEMS; id++) {
                assertThat(http.publish("type=message&content=" + id).statusCode()).isEqualTo(200);
                long published = id;
                await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5))
                        .failFast("a client stopped following the feed", () -> stoppedEarly(clients, newestSeen))
                        .untilAsserted(() -> assertThat(newestSeen).allSatisfy(seen -> assertThat(seen).hasValue(published)));
            }
            // end::publish-in-lockstep[]
        } finally {
            threads.shutdownNow();
            server.stop();
        }
    }

    /** A client that ended before it had every item: its request failed. */
    private static boolean stoppedEarly(List<Future<List<Long>>> clients, List<AtomicLong> newestSeen) {
        for (int c = 0; c < clients.size(); c++) {
            if (clients.get(c).isDone() && newestSeen.get(c).get() < ITEMS) {
                return true;
            }
        }
        return false;
    }

    /** Follows the feed like the page does: since = the largest id seen, until every item has come. */
    private List<Long> follow(Http http) throws IOException {
        return follow(http, new AtomicLong());
    }

    private List<Long> follow(Http http, AtomicLong newestSeen) throws IOException {
        List<Long> received = new ArrayList<>();
        long cursor = 0;
        while (received.size() < ITEMS) {
            HttpResponse<String> response = http.get("/real_time_feed?since=" + cursor);
            JsonNode items = json.readTree(response.body());
            if (items.isEmpty()) {
                emptyAnswers.incrementAndGet();
            }
            for (JsonNode item : items) {
                received.add(item.get("id").asLong());
                cursor = item.get("id").asLong();
            }
            newestSeen.set(cursor);
        }
        return received;
    }

    private Void publish(Http http) {
        for (int i = 0; i < ITEMS_PER_PUBLISHER; i++) {
            assertThat(http.publish("type=message&content=" + i).statusCode()).isEqualTo(200);
        }
        return null;
    }
}
