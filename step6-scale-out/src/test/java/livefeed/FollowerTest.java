package livefeed;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exercise 6.2: the follower reads on from the last id it has read, never from "now" ($): what Redis
 * holds that this server has not seen yet is delivered, whether it was stored before the follower
 * started or while Redis was down and back.
 */
class FollowerTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    private final List<Long> delivered = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    @Tag("ex6.2")
    @DisplayName("Exercise 6.2: a follower started after items exist delivers all of them, in order, then the next")
    void aFollowerStartedAfterItemsExistDeliversThemAllThenTheNext() {
        int redisPort = TestRedis.emptied();
        add(redisPort, "one");
        add(redisPort, "two");
        add(redisPort, "three");

        Follower follower = Follower.start(redisPort, item -> delivered.add(item.id()), log::add);
        try {
            await().atMost(SOON).untilAsserted(() -> assertThat(delivered).as("what a follower started after items 1 to 3"
                    + " were stored delivers: it reads from the last id it has read (none yet: 0-0), not from now ($)."
                    + " The follower's log: %s", log).containsExactly(1L, 2L, 3L));
            add(redisPort, "four");
            await().atMost(SOON).untilAsserted(() -> assertThat(delivered).as("then the next item, once."
                    + " The follower's log: %s", log).containsExactly(1L, 2L, 3L, 4L));
        } finally {
            follower.stop();
        }
    }

    @Test
    @Tag("ex6.2")
    @DisplayName("Exercise 6.2: items stored while the follower was cut off from Redis are delivered when it is back, once, in order")
    void itemsStoredWhileRedisWasDownAndBackAreDelivered() throws Exception {
        RedisServer redis = TestRedis.startNew();
        Follower follower = Follower.start(redis.port(), item -> delivered.add(item.id()), log::add);
        RedisServer restarted = null;
        try {
            add(redis.port(), "before");
            await().atMost(SOON).untilAsserted(() -> assertThat(delivered).as("the item stored while Redis is up."
                    + " The follower's log: %s", log).containsExactly(1L));

            redis.kill();
            restarted = RedisServer.start(TestRedis.RedisRequired.binary(), redis.port(), redis.dir());
            add(redis.port(), "while the follower was away"); // it connects again only every 500 ms
            add(redis.port(), "and one more");

            await().atMost(SOON).untilAsserted(() -> assertThat(delivered).as("Redis was killed and started again on"
                    + " its folder, and items 2 and 3 were stored before the follower came back: it must read on"
                    + " from the last id it read (0-1), not from what comes next ($). The follower's log: %s", log)
                    .containsExactly(1L, 2L, 3L));
        } finally {
            follower.stop();
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    /** XADD feed 0-* ...: an item as a feed server's publish stores it. */
    private static void add(int redisPort, String content) {
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            jedis.xadd(RedisFeed.STREAM, XAddParams.xAddParams().id("0-*"),
                    Map.of("timestamp", String.valueOf(System.currentTimeMillis()), "type", "message", "content", content));
        }
    }
}
