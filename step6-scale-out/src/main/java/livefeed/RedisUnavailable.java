package livefeed;

import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Redis could not serve the request now: it does not answer (it is down, restarting, or too slow), or
 * it answered with an error, which the message tells apart for the log.
 */
final class RedisUnavailable extends Exception {

    RedisUnavailable(Exception cause) {
        super((cause instanceof JedisDataException ? "Redis refused: " : "Redis does not answer: ") + cause.getMessage(), cause);
    }
}
