package livefeed.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * One subscriber's side of the conversation, as its step's page holds it: the request it sends and
 * what it makes of the bytes that come back. Subscribers owns the sockets, the timing and the
 * retries, and calls these from its one thread; an implementation holds only what it is reading.
 * A new way of following the feed is a new implementation, named by its Step.
 */
interface Subscriber {

    /** What the bytes read so far came to. */
    enum Read {
        /** Nothing complete yet: the answer goes on, or a stream waits for its next event. */
        MORE_TO_COME,
        /** A whole 200 answer: its items were handed over; the page asks again (at once, or after its interval). */
        ANSWERED,
        /** A whole answer that is not a 200, such as 503 when too many polls wait: the page waits its retry delay. */
        NOT_200,
        /** A stream's answer ended (its last chunk): the page connects again, as after a close. */
        ENDED
    }

    /** Told each item as it arrives. */
    interface Arrivals {
        void arrived(long id, long timestampMillis);
    }

    /** The whole HTTP request to send; cursor is the largest id this subscriber has (0 before any). */
    String request(long cursor, int port);

    /** Reads the bytes that arrived, tells arrivals of each item in them, and says what they came to. */
    Read read(ByteBuffer bytes, Arrivals arrivals) throws IOException;

    /** True when no answer has begun: a connection that ends now ended between two answers. */
    boolean betweenAnswers();

    /** Forgets a half-read answer: the connection is gone. */
    void reset();

    /**
     * How long the page waits before it connects again after its connection was lost, in ms; empty
     * for the page's own RetryDelay (1 s, 2 s, 4 s...). EventSource waits the server's retry: instead.
     */
    default OptionalLong reconnectDelayMillis() {
        return OptionalLong.empty();
    }
}
