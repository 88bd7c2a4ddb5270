package livefeed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three feed servers (child JVMs) behind nginx, 20 clients following the feed through nginx, and one
 * feed server killed with SIGKILL while items are being published: no client loses an item or gets
 * one twice. Polls do not even notice (nginx sends a GET that failed to another server); streams
 * break, and come back with Last-Event-ID.
 */
class FeedServerKilledTest {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final int STREAMS = 4;
    private static final int POLLERS = 16;
    private static final int ITEMS = 40;
    private static final int KILL_AFTER = 15;

    private int redisPort;
    private List<FeedServerProcess> feedServers = List.of();
    private TestNginx nginx;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redisPort = TestRedis.emptied();
        NginxRequired.binary(); // skip (or fail under CI) before starting anything
        feedServers = FeedServerProcesses.start(3, redisPort, "--poll-timeout", "2", "--heartbeat", "1", "--backlog", "100");
        nginx = TestNginx.inFrontOf(feedServers.stream().map(FeedServerProcess::port).toList(), POLL_TIMEOUT, HEARTBEAT);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        FeedServerProcess.stopAll(feedServers);
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void everyClientGetsEveryItemOnceAndInOrderWhenAFeedServerIsKilledWhileItemsArePublished() throws Exception {
        List<StreamingClient> streams = openStreamsOnEveryServer();
        List<PollingClient> pollers = new ArrayList<>();
        for (int i = 0; i < POLLERS; i++) {
            pollers.add(track(PollingClient.follow(nginx.url)));
        }
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        AtomicInteger stored = new AtomicInteger();
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publish(statuses, stored));

        await().atMost(Duration.ofSeconds(10)).until(() -> stored.get() >= KILL_AFTER);
        feedServers.get(1).kill();
        publishing.get();

        List<Long> inRedis = idsInRedis();
        assertThat(statuses).as("what the publishes got: 200, or 502 for one sent to the server as it died").isSubsetOf(200, 502);
        assertThat(stored.get()).as("items that got a 200").isGreaterThan(ITEMS - 3);
        assertThat(inRedis).as("every item that got a 200 is in Redis, and maybe one that got a 502").hasSizeBetween(stored.get(), ITEMS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (StreamingClient stream : streams) {
                assertThat(stream.ids()).as("a stream's ids").containsExactlyElementsOf(inRedis);
            }
            for (PollingClient poller : pollers) {
                assertThat(poller.ids()).as("a poller's ids").containsExactlyElementsOf(inRedis);
            }
        });
        assertThat(streams.stream().mapToInt(StreamingClient::connections).sum())
                .as("the stream on the killed server broke, and its client came back").isGreaterThan(STREAMS);
        assertThat(pollers.stream().flatMap(poller -> poller.failures().stream()))
                .as("no poll saw the kill: nginx sent each GET that failed to another server").isEmpty();
    }

    /** One stream at a time, each open before the next: nginx takes the servers in turn, so each gets one. */
    private List<StreamingClient> openStreamsOnEveryServer() {
        List<StreamingClient> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            StreamingClient stream = track(StreamingClient.follow(nginx.url));
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.connections() == 1);
            streams.add(stream);
        }
        return streams;
    }

    private void publish(List<Integer> statuses, AtomicInteger stored) {
        Http admin = nginx.http();
        for (int i = 1; i <= ITEMS; i++) {
            HttpResponse<String> answer = admin.publishAs("admin", TestNginx.PASSWORD, "type=message&content=item+" + i);
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 200) {
                stored.incrementAndGet();
            }
        }
    }

    /** What the feed holds: every item published, since the backlog (100) is longer than the run. */
    private List<Long> idsInRedis() {
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            return jedis.xrange(RedisFeed.STREAM, "-", "+").stream()
                    .map(StreamEntry::getID).map(StreamEntryID::getSequence).toList();
        }
    }

    private <T extends AutoCloseable> T track(T client) {
        clients.add(client);
        return client;
    }
}
