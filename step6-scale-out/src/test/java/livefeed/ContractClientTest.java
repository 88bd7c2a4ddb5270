package livefeed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Step 6 checked from outside, from docs/contract.md alone (the step 3 contract, with step 4's nginx in
 * front): the demo as a learner runs it (Redis, three feed servers, nginx), every request through
 * nginx unless a check says it asks a feed server directly on its printed port. Written without
 * reading step 6's code. The tests run in order on one demo: the last two kill a feed server, then Redis.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractClientTest {

    private static final String PASSWORD = "contract-client-pw";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String NOTHING_HERE = "{\"error\":\"nothing here: try / for the live feed or /admin.html\"}";
    private static final Pattern ITEM = Pattern.compile("\\{\"id\":(\\d+),\"timestamp\":(\\d+),\"type\":\"message\",\"content\":\"([^\"]*)\"}");
    private static final Pattern AN_ERROR = Pattern.compile("\\{\"error\":\"[^\"]+\"}");
    private static final Pattern AN_ID = Pattern.compile("\"id\":(\\d+),\"timestamp\"");
    private static final double POLL_TIMEOUT_SECONDS = 1;
    private static final int BACKLOG = 20; // the contract's default
    private static final int MAX_WAITING = 8;

    private static ContractDemo demo;
    private static ContractClient nginx;
    /** Every item a publish got 200 for, by id: the exact JSON it was answered with. */
    private static final NavigableMap<Long, String> published = new ConcurrentSkipListMap<>();

    @BeforeAll
    static void startTheDemo() throws Exception {
        TestRedis.RedisRequired.binary();
        NginxRequired.binary();
        demo = ContractDemo.start(PASSWORD, "--servers", "3", "--poll-timeout", String.valueOf(POLL_TIMEOUT_SECONDS),
                "--max-waiting", String.valueOf(MAX_WAITING));
        nginx = new ContractClient(demo.url, PASSWORD);
    }

    @AfterAll
    static void stopTheDemo() throws InterruptedException {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(5)
    void onAnEmptyFeedSinceZeroAndNoSinceAreHeldUntilThePollTimeout() {
        CompletableFuture<HttpResponse<String>> sinceZero = nginx.getAsync("/real_time_feed?since=0");
        CompletableFuture<HttpResponse<String>> noSince = nginx.getAsync("/real_time_feed");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofMillis(700))
                .until(() -> !sinceZero.isDone() && !noSince.isDone());
        assertThat(sinceZero).as("GET since=0 on an empty backlog is held, then [] at the poll timeout")
                .succeedsWithin(Duration.ofSeconds(5)).extracting(HttpResponse::body).isEqualTo("[]");
        assertThat(noSince).as("GET without since is held, then [] at the poll timeout")
                .succeedsWithin(Duration.ofSeconds(5)).extracting(HttpResponse::body).isEqualTo("[]");
    }

    @Test
    @Order(10)
    void publishingGivesConsecutiveIdsWhicheverServerStoresTheItem() throws Exception {
        for (long id = 1; id <= 9; id++) {
            long before = System.currentTimeMillis();
            HttpResponse<String> answer = nginx.publish("type=message&content=c" + id);
            long after = System.currentTimeMillis();

            assertThat(answer.statusCode()).as("POST: success is 200").isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as("POST: the stored item as JSON").hasValue(JSON);
            Matcher item = ITEM.matcher(answer.body());
            assertThat(item.matches()).as("POST: the item is id, timestamp, then the posted fields in order: " + answer.body()).isTrue();
            assertThat(Long.parseLong(item.group(1))).as("POST: ids 1, 2, 3 ... in publish order, across the servers").isEqualTo(id);
            assertThat(Long.parseLong(item.group(2))).as("POST: the timestamp is the server's clock, in ms").isBetween(before, after);
            assertThat(item.group(3)).as("POST: the posted field, as posted").isEqualTo("c" + id);
            published.put(id, answer.body());
        }
        // Which server stored which item: the contract says a feed server logs each publish.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<List<String>> logs = demo.feedServerLogs();
            for (long id = 1; id <= 9; id++) {
                String line = "published item " + id + " from ";
                assertThat(logs.stream().filter(log -> log.stream().anyMatch(said -> said.startsWith(line))).count())
                        .as("item %d is logged by exactly one feed server", id).isEqualTo(1);
            }
            assertThat(logs).as("nginx spreads the publishes of one client over every feed server: each logged one")
                    .hasSize(3).allMatch(log -> log.stream().anyMatch(said -> said.startsWith("published item ")));
        });
    }

    @Test
    @Order(20)
    void withoutThePasswordNginxAnswers401AndNothingReachesTheFeed() {
        for (String authorization : new String[] {null, ContractClient.basic("admin", "wrong"), ContractClient.basic("root", PASSWORD)}) {
            HttpResponse<String> answer = authorization == null
                    ? nginx.send("POST", "/send_feed_item", "type=message&content=x", "Content-Type", ContractClient.FORM)
                    : nginx.send("POST", "/send_feed_item", "type=message&content=x", "Content-Type", ContractClient.FORM,
                            "Authorization", authorization);
            assertThat(answer.statusCode()).as("nginx: publishing without the admin's password is 401").isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as("nginx: 401 names the realm").hasValue("Basic realm=\"Feed admin\"");
            assertThat(answer.headers().firstValue("Content-Type")).as("nginx: 401 is JSON").hasValue(JSON);
            assertThat(answer.body()).as("nginx: 401's error").isEqualTo("{\"error\":\"the admin side needs the password: user admin\"}");
        }
        assertThat(nginx.get("/admin.html").statusCode()).as("nginx: the admin page needs the password too").isEqualTo(401);
        assertThat(idOf(publishOk("after401"))).as("nginx: nothing reached the feed server, so no id was used up").isEqualTo(10);
    }

    @Test
    @Order(30)
    void aRefusedPostIsTheContractsErrorInJsonAndUsesUpNoId() {
        expectError(nginx.sendAsAdmin("POST", "/send_feed_item", "type=message", "Content-Type", "text/plain"), 415,
                "POST: another Content-Type is 415");
        expectError(nginx.sendAsAdmin("POST", "/send_feed_item", "type=message"), 415, "POST: no Content-Type is 415");
        HttpResponse<String> withCharset = nginx.sendAsAdmin("POST", "/send_feed_item", "type=message&content=x",
                "Content-Type", "Application/X-WWW-Form-Urlencoded ; Charset=UTF-8");
        assertThat(withCharset.statusCode()).as("POST: the form type with ; charset=UTF-8, any case and spaces, is accepted")
                .isEqualTo(200);
        assertThat(idOf(withCharset.body())).as("POST: a refused post uses up no id").isEqualTo(11);
        published.put(11L, withCharset.body());
        for (String[] bad : new String[][] {{"content=no+type", "no type"}, {"type=&content=x", "an empty type"},
                {"type=message&id=7", "a posted id"}, {"type=message&timestamp=1", "a posted timestamp"},
                {"type=message&type=link", "a field given twice"}, {"type=message&content=%zz", "bad percent-encoding"},
                {"type=message&=value", "a field without a name"}}) {
            expectError(nginx.sendAsAdmin("POST", "/send_feed_item", bad[0], "Content-Type", ContractClient.FORM), 400,
                    "POST: " + bad[1] + " is 400");
        }
        expectError(nginx.sendAsAdmin("POST", "/send_feed_item", "type=message&content=" + "a".repeat(16384),
                "Content-Type", ContractClient.FORM), 413, "POST: more than 16 KiB of body is 413 (the feed server's)");
        expectError(nginx.sendAsAdmin("POST", "/send_feed_item", "type=message&content=" + "a".repeat(1024 * 1024 + 1),
                "Content-Type", ContractClient.FORM), 413, "nginx: more than 1 MiB is 413 with the same JSON error");
        for (String method : new String[] {"PUT", "GET", "DELETE"}) {
            HttpResponse<String> answer = nginx.sendAsAdmin(method, "/send_feed_item", null);
            expectError(answer, 405, "POST: " + method + " is 405");
            assertThat(answer.headers().firstValue("Allow")).as("POST: 405 says Allow: POST").hasValue("POST");
        }
        assertThat(idOf(publishOk("afterErrors"))).as("POST: a refused post uses up no id").isEqualTo(12);
    }

    @Test
    @Order(35)
    void theFieldsComeBackInTheOrderPostedDecodedAsUtf8WithTheClientsAddressLogged() throws Exception {
        HttpResponse<String> answer = nginx.send("POST", "/send_feed_item",
                "type=link&url=https%3A%2F%2Fexample.org%2F&title=Caf%C3%A9+%F0%9F%98%80&zeta=1&alpha&mid=a%2Bb",
                "Content-Type", ContractClient.FORM, "Authorization", ContractClient.basic("admin", PASSWORD), "X-Real-IP", "6.6.6.6");
        assertThat(answer.statusCode()).as("POST: 200").isEqualTo(200);
        long id = idOf(answer.body());
        assertThat(answer.body()).as("POST: the fields in the order posted, + a space, %%XX UTF-8, a field without = is empty")
                .matches("\\{\"id\":" + id + ",\"timestamp\":\\d+,\"type\":\"link\",\"url\":\"https://example.org/\","
                        + "\"title\":\"Café 😀\",\"zeta\":\"1\",\"alpha\":\"\",\"mid\":\"a\\+b\"}");
        published.put(id, answer.body());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> get = nginx.get("/real_time_feed?since=" + (id - 1));
            assertThat(get.body()).as("GET: the item as stored, read back through Redis by any server").isEqualTo("[" + answer.body() + "]");
            assertThat(get.headers().firstValue("Content-Length")).as("GET: Content-Length counts UTF-8 bytes")
                    .hasValue(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
        }
        expectError(nginx.sendAsAdmin("POST", "/send_feed_item", "type=message&content=%FF", "Content-Type", ContractClient.FORM), 400,
                "POST: text that is not UTF-8 is 400");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(demo.feedServerLogs().stream().flatMap(List::stream))
                .as("nginx: the feed server logs the publish with X-Real-IP, the client's address as nginx sees it (a sent one replaced)")
                .contains("published item " + id + " from 127.0.0.1"));
    }

    @Test
    @Order(40)
    void sinceTheIdBeforeAnItemGivesExactlyThatItemWhicheverServerAnswers() throws Exception {
        long last = published.size();
        String expected = "[" + published.get(last) + "]";
        for (int port : demo.feedServerPorts) {
            HttpResponse<String> direct = nginx.at(port).get("/real_time_feed?since=" + (last - 1));
            assertThat(direct.body()).as("GET since=id-1 asked of the feed server on port %d directly: that item", port).isEqualTo(expected);
        }
        for (int i = 0; i < 12; i++) { // on one kept-alive connection, which nginx sends to each feed server in turn (test 1)
            HttpResponse<String> answer = nginx.get("/real_time_feed?since=" + (last - 1) + (i % 2 == 0 ? "" : "&_=" + i));
            assertThat(answer.statusCode()).as("GET: 200").isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as("GET: JSON").hasValue(JSON);
            assertThat(answer.headers().firstValue("Cache-Control")).as("GET: Cache-Control: no-store").hasValue("no-store");
            assertThat(answer.body()).as("GET since=id-1 through nginx (a cache buster ignored): exactly that item, answer %d", i)
                    .isEqualTo(expected);
        }
        for (int port : demo.feedServerPorts) {
            assertThat(ContractDemo.connectionsTo(port)).as("ss: nginx holds a connection to the feed server on port %d", port)
                    .isPositive();
        }
    }

    @Test
    @Order(50)
    void sinceTheNewestIdWaitsForTheNextPublishOnEveryServer() {
        long last = published.size();
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // parallel: a connection each, spread over nginx's workers and the servers
            polls.add(nginx.getAsync("/real_time_feed?since=" + last));
        }
        for (int port : demo.feedServerPorts) {
            polls.add(nginx.at(port).getAsync("/real_time_feed?since=" + last));
        }
        await().during(Duration.ofMillis(400)).atMost(Duration.ofMillis(600))
                .until(() -> polls.stream().noneMatch(CompletableFuture::isDone));

        String item = publishOk("wakeUp");

        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertThat(poll).as("GET since=newest id is held, and the next publish answers it with that item")
                    .succeedsWithin(Duration.ofSeconds(3)).extracting(HttpResponse::body).isEqualTo("[" + item + "]");
        }
        CompletableFuture<HttpResponse<String>> idle = nginx.getAsync("/real_time_feed?since=" + published.size());
        assertThat(idle).as("GET since=newest id, nobody publishes: [] at the poll timeout (%s s)", POLL_TIMEOUT_SECONDS)
                .succeedsWithin(Duration.ofSeconds(5)).extracting(HttpResponse::body).isEqualTo("[]");
    }

    @Test
    @Order(60)
    void sinceZeroGivesTheBacklogAndSoDoesACursorFromTheFuture() {
        String backlog = "[" + String.join(",", published.values()) + "]"; // fewer than 20 items so far: all of them
        for (int i = 0; i < 6; i++) {
            assertThat(nginx.get("/real_time_feed?since=0").body()).as("GET since=0: the whole backlog, in id order").isEqualTo(backlog);
            assertThat(nginx.get("/real_time_feed?since=999999").body())
                    .as("GET since greater than the newest id (a cursor from before a restart) counts as 0").isEqualTo(backlog);
        }
        HttpResponse<String> get = nginx.get("/real_time_feed?since=0");
        HttpResponse<String> head = nginx.send("HEAD", "/real_time_feed?since=0", null);
        assertThat(head.statusCode()).as("HEAD: the same status as GET").isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).as("HEAD: the same Content-Length as GET")
                .isEqualTo(get.headers().firstValue("Content-Length")).hasValue(String.valueOf(backlog.getBytes(StandardCharsets.UTF_8).length));
        assertThat(head.headers().firstValue("Content-Type")).as("HEAD: the same Content-Type").hasValue(JSON);
        assertThat(head.body()).as("HEAD: no body").isEmpty();
    }

    @Test
    @Order(70)
    void aBadCursorAnotherMethodOrAnUnknownPathIsAnError() {
        for (String since : new String[] {"since=", "since=-1", "since=1.5", "since=abc", "since=1&since=2", "since=1234567890123456789"}) {
            expectError(nginx.get("/real_time_feed?" + since), 400, "GET: a bad cursor (" + since + ") is 400 at once");
        }
        HttpResponse<String> put = nginx.send("PUT", "/real_time_feed", "");
        expectError(put, 405, "GET: another method is 405");
        assertThat(put.headers().firstValue("Allow")).as("GET: 405 says Allow: GET, HEAD").hasValue("GET, HEAD");
        for (String path : new String[] {"/nope", "/real_time_feed/", "/real_time_feedx", "/send_feed_item/x", "/feed_events/"}) {
            HttpResponse<String> answer = nginx.get(path);
            assertThat(answer.statusCode()).as("paths match exactly: %s is 404", path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as("404 %s is JSON", path).hasValue(JSON);
            assertThat(answer.body()).as("404 %s: the contract's body", path).isEqualTo(NOTHING_HERE);
        }
    }

    @Test
    @Order(80)
    void theEventStreamGivesIdsInOrderAndResumesAfterLastEventIdOnAnyServer() {
        long last = published.size();
        List<ContractClient.Events> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            streams.add(nginx.events(String.valueOf(last - 2)));
        }
        for (int port : demo.feedServerPorts) {
            streams.add(nginx.at(port).events(String.valueOf(last - 2)));
        }
        try {
            for (ContractClient.Events stream : streams) {
                assertThat(stream.response).as("GET /feed_events: answered").succeedsWithin(Duration.ofSeconds(5)).satisfies(answer -> {
                    assertThat(answer.statusCode()).as("GET /feed_events: 200").isEqualTo(200);
                    assertThat(answer.headers().firstValue("Content-Type")).as("GET /feed_events: an event stream")
                            .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
                });
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stream.ids())
                        .as("Last-Event-ID: %d resumes after that id, in order", last - 2).containsExactly(last - 1, last));
            }
            String item = publishOk("streamed");
            for (ContractClient.Events stream : streams) {
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    assertThat(stream.ids()).as("an open stream gets the next item, its id after the others")
                            .containsExactly(last - 1, last, last + 1);
                    assertThat(stream.data()).as("each event's data is the item's JSON, as the POST answered it")
                            .containsExactly(published.get(last - 1), published.get(last), item);
                });
            }
        } finally {
            streams.forEach(ContractClient.Events::close);
        }
    }

    @Test
    @Order(90)
    void aFeedServerKilledLosesNoItemForClientsFollowingThroughNginx() throws Exception {
        long first = published.size();
        List<Follower> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            followers.add(new Follower(first));
        }
        int victimPort = demo.feedServerPorts.get(1);
        List<StreamFollower> streams = List.of(new StreamFollower(first, victimPort), new StreamFollower(first, victimPort),
                new StreamFollower(first, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.stream().allMatch(stream -> stream.opened.size() == 1));
        ProcessHandle victim = demo.listeningOn(victimPort);
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                ContractDemo.killHard(victim);
            }
            HttpResponse<String> answer = nginx.publish("type=message&content=k" + i);
            if (answer.statusCode() == 200) {
                published.put(idOf(answer.body()), answer.body());
            } else {
                refused.add(answer.statusCode());
            }
        }
        long newest = published.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        try {
            for (Follower follower : followers) {
                await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor >= newest);
                assertThat(follower.ids).as("a client following with since= through nginx gets every id once, in order,"
                        + " though a feed server was killed").containsExactlyElementsOf(rangeClosed(first + 1, newest));
                assertThat(follower.statuses).as("every GET through nginx is 200: nginx passes it on to a running server")
                        .containsOnly(200);
            }
            for (StreamFollower stream : streams) {
                await().atMost(Duration.ofSeconds(10)).until(() -> stream.lastId >= newest);
                assertThat(stream.ids).as("a stream client that reopens /feed_events through nginx with Last-Event-ID when its"
                        + " stream ends gets every id once, in order, though a feed server was killed")
                        .containsExactlyElementsOf(rangeClosed(first + 1, newest));
                assertThat(stream.opened).as("every stream opened through nginx is 200").containsOnly(200);
            }
            assertThat(streams.get(0).opened).as("the streams opened on the killed server were reopened through nginx")
                    .hasSizeGreaterThan(1);
        } finally {
            followers.forEach(Follower::stop);
            streams.forEach(StreamFollower::stop);
        }
        assertThat(refused).as("every publish got 200 (nginx sends a POST that was never sent to a live server)").isEmpty();
        assertThat(published.keySet()).as("ids stay consecutive").containsExactlyElementsOf(rangeClosed(1, newest));
    }

    @Test
    @Order(95)
    void theBacklogIsTheNewestItemsExactlyOnEveryServer() {
        long newest = published.size();
        assertThat(newest).as("this check needs more items than the backlog holds").isGreaterThan(BACKLOG);
        String backlog = "[" + String.join(",", published.tailMap(newest - BACKLOG + 1).values()) + "]";
        assertThat(nginx.get("/real_time_feed?since=0").body()).as("GET since=0: the newest %d items, exactly", BACKLOG).isEqualTo(backlog);
        assertThat(nginx.get("/real_time_feed?since=1").body()).as("GET with a cursor older than the backlog: every kept item").isEqualTo(backlog);
        for (int server : new int[] {0, 2}) { // the second was killed in the test before
            int port = demo.feedServerPorts.get(server);
            assertThat(nginx.at(port).get("/real_time_feed?since=0").body()).as("the feed server on port %d directly: the same backlog", port)
                    .isEqualTo(backlog);
        }
    }

    @Test
    @Order(97)
    void pastMaxWaitingTheNextPollIs503WithRetryAfter() {
        ContractClient third = nginx.at(demo.feedServerPorts.get(2));
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int i = 0; i < MAX_WAITING; i++) {
            parked.add(third.getAsync("/real_time_feed?since=" + published.size()));
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofMillis(500)).untilAsserted(() -> assertThat(parked)
                .as("%d polls held by one feed server", MAX_WAITING).noneMatch(CompletableFuture::isDone));
        HttpResponse<String> refused = third.get("/real_time_feed?since=" + published.size());
        expectError(refused, 503, "GET: once --max-waiting requests are held, the next that would wait is 503");
        assertThat(refused.headers().firstValue("Retry-After")).as("GET: that 503 says Retry-After: 5").hasValue("5");
        parked.forEach(poll -> assertThat(poll).as("the held polls are answered at their timeout").succeedsWithin(Duration.ofSeconds(5))
                .extracting(HttpResponse::statusCode).isEqualTo(200));
    }

    @Test
    @Order(100)
    void redisKilledAPostIs503NeverA200() throws Exception {
        long newest = published.size();
        CompletableFuture<HttpResponse<String>> waiting = nginx.getAsync("/real_time_feed?since=" + newest);
        ContractDemo.killHard(demo.listeningOn(demo.redisPort));

        for (int i = 0; i < 6; i++) { // over the two feed servers left
            HttpResponse<String> answer = nginx.publish("type=message&content=lost" + i);
            expectError(answer, 503, "POST while Redis is down: 503 with a JSON error, never 200");
        }
        assertThat(waiting).as("a waiting poll while Redis is down: [] at its timeout")
                .succeedsWithin(Duration.ofSeconds(5)).extracting(HttpResponse::body).isEqualTo("[]");
        // The demo does not restart Redis (it says so); restarting it is not part of this check.
    }

    @Test
    @Order(110)
    void everyFeedServerKilledNginxAnswers502WithAJsonError() throws Exception {
        for (int server : new int[] {0, 2}) { // the second is dead already
            ContractDemo.killHard(demo.listeningOn(demo.feedServerPorts.get(server)));
        }
        expectError(nginx.get("/real_time_feed?since=0"), 502, "nginx: no feed server running, a GET is 502");
        expectError(nginx.publish("type=message&content=nobody"), 502, "nginx: no feed server running, a POST is 502");
        // The contract's step 4 text is {"error":"the feed server does not answer: is it running?"}; step 6 has
        // its own wording for several servers, which the contract does not give: only the shape is checked here.
    }

    /** A client that follows the feed as the contract's page does: GET since=cursor again and again. */
    private static final class Follower {
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        volatile long cursor;
        private volatile boolean stopped;
        private final ContractClient client = new ContractClient(demo.url, PASSWORD);
        private final Thread thread = new Thread(this::follow, "contract-follower");

        Follower(long since) {
            cursor = since;
            thread.setDaemon(true);
            thread.start();
        }

        private void follow() {
            while (!stopped) {
                HttpResponse<String> answer;
                try {
                    answer = client.get("/real_time_feed?since=" + cursor);
                } catch (RuntimeException e) {
                    statuses.add(-1); // no answer at all
                    continue;
                }
                statuses.add(answer.statusCode());
                if (answer.statusCode() == 200) {
                    Matcher id = AN_ID.matcher(answer.body());
                    while (id.find()) {
                        long got = Long.parseLong(id.group(1));
                        ids.add(got);
                        cursor = Math.max(cursor, got);
                    }
                }
            }
        }

        /** Stops it once its poll in flight is answered (at the latest at the poll timeout). */
        void stop() {
            stopped = true;
            await().atMost(Duration.ofSeconds(5)).until(() -> !thread.isAlive());
        }
    }

    /**
     * A client of the event stream that does what a browser's EventSource does when its stream ends: opens it
     * again with Last-Event-ID, the last id it got (here at once, not after the stream's retry: delay). Its
     * first stream may go to one feed server directly (on its port); every later one goes through nginx.
     */
    private static final class StreamFollower {
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final List<Integer> opened = new CopyOnWriteArrayList<>();
        volatile long lastId;
        private volatile boolean stopped;

        StreamFollower(long since, Integer firstPort) {
            lastId = since;
            Thread thread = new Thread(() -> follow(firstPort), "contract-stream-follower");
            thread.setDaemon(true);
            thread.start();
        }

        private void follow(Integer firstPort) {
            ContractClient client = firstPort == null ? new ContractClient(demo.url, PASSWORD) : nginx.at(firstPort);
            while (!stopped) {
                try (Stream<String> lines = client.eventLines(String.valueOf(lastId), opened::add)) {
                    lines.takeWhile(line -> !stopped).filter(line -> line.startsWith("id:")).forEach(line -> {
                        long id = Long.parseLong(line.substring(3).strip());
                        ids.add(id);
                        lastId = id;
                    });
                } catch (RuntimeException streamEnded) {
                    // the server went away mid-stream: open it again, as EventSource does
                }
                client = new ContractClient(demo.url, PASSWORD);
            }
        }

        void stop() {
            stopped = true;
        }
    }

    private static String publishOk(String content) {
        HttpResponse<String> answer = nginx.publish("type=message&content=" + content);
        assertThat(answer.statusCode()).as("POST: 200 (%s)", answer.body()).isEqualTo(200);
        published.put(idOf(answer.body()), answer.body());
        return answer.body();
    }

    private static long idOf(String item) {
        Matcher id = AN_ID.matcher(item);
        assertThat(id.find()).as("an item: " + item).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static List<Long> rangeClosed(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static void expectError(HttpResponse<String> answer, int status, String rule) {
        assertThat(answer.statusCode()).as(rule + " (answer: %s)", answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(rule + ": its Content-Type").hasValue(JSON);
        assertThat(answer.body()).as(rule + ": its body is {\"error\":\"...\"}").matches(AN_ERROR);
    }
}
