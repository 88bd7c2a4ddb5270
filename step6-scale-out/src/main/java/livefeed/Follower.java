package livefeed;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * This feed server's one reader of the Redis stream: it waits in a blocking read (XREAD BLOCK) for what
 * comes after the last id it has read, and delivers each item, in order. One thread and one connection
 * per server, whatever the number of clients. The thread owns its connection alone; lastRead is its
 * own too. Stopping closes the connection from outside, which ends a read in progress.
 */
final class Follower implements Runnable {

    /** How long one XREAD waits for a new item before it asks again. */
    static final Duration BLOCK = Duration.ofSeconds(2);
    /** The connection's timeout: longer than BLOCK, or every quiet read would fail; finite, or a dead connection hangs forever. */
    static final Duration READ_TIMEOUT = BLOCK.plusSeconds(3);
    /** How long it waits before it connects again after losing Redis. */
    static final Duration RECONNECT_DELAY = Duration.ofMillis(500);
    private static final int MAX_ITEMS_PER_READ = 100;

    private final int redisPort;
    private final Consumer<Item> deliver;
    private final Consumer<String> log;
    private volatile boolean stopped;
    private volatile Jedis connection;
    private StreamEntryID lastRead = new StreamEntryID(0, 0); // the whole id read last; only the follower's thread uses it

    Follower(int redisPort, Consumer<Item> deliver, Consumer<String> log) {
        this.redisPort = redisPort;
        this.deliver = deliver;
        this.log = log;
    }

    /** Starts the follower on a thread of its own (a daemon: it never keeps the JVM alive). */
    static Follower start(int redisPort, Consumer<Item> deliver, Consumer<String> log) {
        Follower follower = new Follower(redisPort, deliver, log);
        Thread thread = new Thread(follower, "redis-follower");
        thread.setDaemon(true);
        thread.start();
        return follower;
    }

    @Override
    public void run() {
        boolean lost = false;
        while (!stopped) {
            try (Jedis jedis = new Jedis("127.0.0.1", redisPort, RedisFeed.config(READ_TIMEOUT))) {
                connection = jedis;
                if (stopped) {
                    return; // stop() came before the connection was published
                }
                if (lost) {
                    log.accept("following Redis again after entry " + lastRead);
                    lost = false;
                }
                followWith(jedis);
            } catch (JedisException e) {
                if (stopped) {
                    return;
                }
                if (!lost) {
                    log.accept("lost Redis (" + e.getMessage() + "): connecting again every " + RECONNECT_DELAY.toMillis() + " ms");
                    lost = true;
                }
                pauseBeforeReconnecting();
            } catch (RuntimeException bug) {
                // A bug must not end the one thread that feeds this server: say so, and try again after lastRead.
                // A bug that fails every time says so twice a second: loud, as a bug should be.
                log.accept("error: the follower failed, and reads again after entry " + lastRead + ": " + bug);
                pauseBeforeReconnecting();
            }
        }
    }

    // tag::follow-from-the-last-id-read[]
    /** Reads on from the last id read, never from "now" ($): what was published while we were away is read too. */
    private void followWith(Jedis jedis) {
        // BEGIN SOLUTION ex6.2: until stopped: XREAD BLOCK after the entry id lastRead (never "$"); deliver each entry as an item, in order, and remember its id in lastRead
        XReadParams wait = XReadParams.xReadParams().block((int) BLOCK.toMillis()).count(MAX_ITEMS_PER_READ);
        while (!stopped) {
            List<Map.Entry<String, List<StreamEntry>>> read =
                    jedis.xread(wait, Map.of(RedisFeed.STREAM, lastRead));
            if (read == null || read.isEmpty()) {
                continue; // nothing new within BLOCK: ask again
            }
            for (StreamEntry entry : read.get(0).getValue()) {
                deliver.accept(RedisFeed.item(entry));
                lastRead = entry.getID();
            }
        }
        // END SOLUTION
    }
    // end::follow-from-the-last-id-read[]

    private void pauseBeforeReconnecting() {
        try {
            Thread.sleep(RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    void stop() {
        stopped = true;
        Jedis jedis = connection;
        if (jedis != null) {
            jedis.disconnect(); // ends a blocking read in progress at once
        }
    }
}
