package livefeed;

/** Redis did not answer (it is down, restarting, or too slow): the request cannot be served now. */
final class RedisUnavailable extends Exception {

    RedisUnavailable(Exception cause) {
        super("Redis does not answer: " + cause.getMessage(), cause);
    }
}
