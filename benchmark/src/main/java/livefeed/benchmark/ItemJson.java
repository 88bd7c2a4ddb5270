package livefeed.benchmark;

import java.util.regex.Pattern;
import java.util.stream.LongStream;

/** The two fields of the server's items that the benchmark reads: each item's id and timestamp. */
final class ItemJson {

    private static final Pattern ITEM = Pattern.compile("\"id\":([0-9]+),\"timestamp\":([0-9]+)");

    private ItemJson() {
    }

    /** The id and timestamp of each item of a feed answer, in pairs: id, timestamp, id, timestamp... */
    static long[] idsAndTimestamps(String json) {
        // Not a JSON parser: the benchmark posts plain words, so only the server's own fields can match.
        return ITEM.matcher(json).results()
                .flatMapToLong(m -> LongStream.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                .toArray();
    }
}
