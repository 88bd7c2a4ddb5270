package livefeed.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A page of steps 1 to 4: it asks GET /real_time_feed, with since=cursor if its step has the cursor,
 * and reads one whole answer, a JSON array of items, per request. Whether it asks again at once
 * (long polling) or after an interval (polling) is the same conversation: Subscribers times it.
 */
final class PollingSubscriber implements Subscriber {

    private final boolean cursor;
    private final ResponseParser response = new ResponseParser();

    /** cursor: whether each request carries since=, the largest id the page has. */
    PollingSubscriber(boolean cursor) {
        this.cursor = cursor;
    }

    @Override
    public String request(long largestId, int port) {
        String path = cursor ? "/real_time_feed?since=" + largestId : "/real_time_feed";
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
    }

    @Override
    public Read read(ByteBuffer bytes, Arrivals arrivals) throws IOException {
        if (!response.feed(bytes)) {
            return Read.MORE_TO_COME;
        }
        // One request at a time, so nothing can follow the answer in these bytes.
        if (response.status() != 200) {
            response.reset();
            return Read.NOT_200;
        }
        long[] stamps = ItemJson.idsAndTimestamps(response.body());
        for (int i = 0; i < stamps.length; i += 2) {
            arrivals.arrived(stamps[i], stamps[i + 1]);
        }
        response.reset();
        return Read.ANSWERED;
    }

    @Override
    public boolean betweenAnswers() {
        return response.isEmpty();
    }

    @Override
    public void reset() {
        response.reset();
    }
}
