package livefeed.benchmark;

import java.util.Arrays;

/** Numbers (latencies, mostly) collected by one thread, summed up as nearest-rank percentiles. */
final class Stats {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(Stats other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int count() {
        return size;
    }

    /** The smallest value that p percent of the values do not exceed; -1 when there are none. */
    long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted[Math.max((int) Math.ceil(p / 100 * size), 1) - 1];
    }
}
