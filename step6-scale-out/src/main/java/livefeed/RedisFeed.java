package livefeed;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one feed, in Redis: a stream that every feed server appends to and reads from. Redis gives each
 * item its id, so ids are consecutive across all the servers and a cursor means the same on each.
 * Thread-safe: the client keeps a pool of connections and lends one to each call.
 */
final class RedisFeed implements AutoCloseable {

    /**
     * The key of the stream in Redis: {@code redis-cli XRANGE feed - +} shows the kept items. The feed
     * servers alone write into it: an entry added by hand with an id of its own ({@code XADD feed * ...})
     * would stand above every {@code 0-*}, and Redis would refuse every publish after it.
     */
    static final String STREAM = "feed";
    /** How long a call waits for Redis before a POST gets its 503; a blocking read waits longer (Follower). */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Connections each feed server keeps to Redis for publishing and catching up; its follower has one more. */
    static final int POOL_SIZE = 4;

    private final RedisClient redis;
    private final int backlogSize;

    RedisFeed(int port, int backlogSize) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(POOL_SIZE);
        pool.setTestOnBorrow(true); // a PING before each use: after Redis restarts, a dead connection is replaced, not used
        pool.setMaxWait(TIMEOUT);
        this.redis = RedisClient.builder()
                .hostAndPort("127.0.0.1", port)
                .clientConfig(config(TIMEOUT))
                .poolConfig(pool)
                .build();
        this.backlogSize = backlogSize;
    }

    /** How this server talks to Redis: a timeout on connecting and on every answer, so a dead Redis is noticed. */
    static JedisClientConfig config(Duration socketTimeout) {
        return DefaultJedisClientConfig.builder()
                .resp2() // the protocol redis-cli speaks; also for the follower's plain Jedis connection, which has no other
                .connectionTimeoutMillis((int) TIMEOUT.toMillis())
                .socketTimeoutMillis((int) socketTimeout.toMillis())
                .blockingSocketTimeoutMillis((int) socketTimeout.toMillis()) // else Jedis waits forever in a blocking read
                .build();
    }

    // tag::append-with-an-id-from-redis[]
    /**
     * XADD feed MAXLEN 20 0-* timestamp T type message ...: Redis picks the id and trims the stream
     * to the backlog size in one atomic step. "0-*" asks for the next sequence number after the
     * stream's last id (0-1, 0-2, ...): that number is the item's id.
     */
    Item append(long timestamp, Map<String, String> fields) throws RedisUnavailable {
        // BEGIN SOLUTION ex6.1: XADD the timestamp then the fields, with the id "0-*" (Redis numbers it) and MAXLEN backlogSize, exact; the item's id is the id's sequence; a JedisException is RedisUnavailable
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("timestamp", String.valueOf(timestamp));
        entry.putAll(fields);
        XAddParams idFromRedis = XAddParams.xAddParams().id("0-*").maxLen(backlogSize).exactTrimming();
        try {
            StreamEntryID id = redis.xadd(STREAM, idFromRedis, entry);
            return new Item(id.getSequence(), timestamp, fields);
        } catch (JedisException e) {
            throw new RedisUnavailable(e);
        }
        // END SOLUTION
    }
    // end::append-with-an-id-from-redis[]

    /** The kept items newer than the given id, oldest first: XRANGE feed 0-(id+1) +. */
    List<Item> itemsAfter(long id) throws RedisUnavailable {
        try {
            return redis.xrange(STREAM, new StreamEntryID(0, id + 1), StreamEntryID.MAXIMUM_ID, backlogSize)
                    .stream().map(RedisFeed::item).toList();
        } catch (JedisException e) {
            throw new RedisUnavailable(e);
        }
    }

    /** Whether Redis answers a PING now. */
    boolean answers() {
        try {
            return redis.ping().equals("PONG");
        } catch (JedisException e) {
            return false;
        }
    }

    /**
     * An entry of the stream as an item: its id's sequence number, its timestamp, the fields as posted.
     * An entry without a timestamp of ours (not written by a feed server) is passed on as it is, with
     * timestamp 0: one bad entry must not stop a follower.
     */
    static Item item(StreamEntry entry) {
        Map<String, String> fields = new LinkedHashMap<>(entry.getFields());
        String timestamp = fields.remove("timestamp");
        boolean ours = timestamp != null && timestamp.matches("[0-9]{1,18}");
        return new Item(entry.getID().getSequence(), ours ? Long.parseLong(timestamp) : 0, fields);
    }

    @Override
    public void close() {
        redis.close();
    }
}
