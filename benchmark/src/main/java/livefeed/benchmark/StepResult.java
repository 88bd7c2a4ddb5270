package livefeed.benchmark;

import java.util.List;

/**
 * What one step measured, in a few small records, each computed by its own method of StepRun.
 * Immutable: the run builds it once, the report and the chart only read it. A figure that could not
 * be had is NOT_MEASURED (the table says n/a, the CSV -1); a run that failed measured nothing at all.
 *
 * @param problem  why the step could not hold N subscribers, or null if it did
 * @param scaleOut step 6's own figures, null for the other steps
 */
record StepResult(Step step, String technique, int subscribers, String problem, Connecting connecting,
                  Latency spaced, Latency burst, Losses losses, Requests requests, ServerCpu serverCpu, Posts posts,
                  Memory memory, Troubles troubles, Generator generator, ScaleOut scaleOut) {

    /** A step other than step 6. */
    StepResult(Step step, String technique, int subscribers, String problem, Connecting connecting, Latency spaced,
               Latency burst, Losses losses, Requests requests, ServerCpu serverCpu, Posts posts, Memory memory,
               Troubles troubles, Generator generator) {
        this(step, technique, subscribers, problem, connecting, spaced, burst, losses, requests, serverCpu, posts, memory,
                troubles, generator, null);
    }

    /** A figure that could not be measured: no item delivered, no POST answered, no jstat. */
    static final int NOT_MEASURED = -1;

    /** How many subscribers connected, and how long after the start the last one did. */
    record Connecting(int connected, long allConnectedMillis) {
        static final Connecting NOTHING = new Connecting(0, NOT_MEASURED);
    }

    /** Delivery latency of a set of items, all subscribers together, in ms. */
    record Latency(long p50, long p99, long max) {
        static final Latency NOTHING = new Latency(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED);

        static Latency of(Stats millis) {
            return new Latency(millis.percentile(50), millis.percentile(99), millis.percentile(100));
        }
    }

    /** Items that never arrived, per subscriber; and arrivals counted twice or after a larger id, all subscribers. */
    record Losses(double spacedPerSubscriber, double burstPerSubscriber, long duplicates, long outOfOrder) {
        static final Losses NOTHING = new Losses(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, NOT_MEASURED);
    }

    /** HTTP requests per delivered item, and how often a subscriber asks while nothing is published. */
    record Requests(double perItem, double idlePerMinute, double idleSeconds) {
        static final Requests NOTHING = new Requests(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED);
    }

    /** The server's CPU time in the measured phase, per delivered item, and while idle. */
    record ServerCpu(double seconds, double percent, double microsPerItem, double idlePercent) {
        static final ServerCpu NOTHING = new ServerCpu(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, NOT_MEASURED);
    }

    /** How long publishing took, from connect to answer. */
    record Posts(double p50Millis, double maxMillis) {
        static final Posts NOTHING = new Posts(NOT_MEASURED, NOT_MEASURED);
    }

    /** The server's peak resident memory (with nginx for step 4), and the most heap it used. */
    record Memory(long peakRssMb, long heapUsedMb) {
        static final Memory NOTHING = new Memory(NOT_MEASURED, NOT_MEASURED);
    }

    /** What went wrong on the subscribers' connections. */
    record Troubles(int failedConnects, int closedBetweenAnswers, int brokenAnswers, int errorAnswers) {
        static final Troubles NOTHING = new Troubles(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, NOT_MEASURED);

        int total() {
            return failedConnects + closedBetweenAnswers + brokenAnswers + errorAnswers;
        }
    }

    /** How busy the load generator was (% of a core), and what else ran on the server's core (% of wall time). */
    record Generator(double selectorPercent, double processPercent, long otherCpu0Percent) {
        static final Generator NOTHING = new Generator(NOT_MEASURED, NOT_MEASURED, 0);

        /** Above this, the subscribers' one thread may have been slower than the server: its figures are suspect. */
        static final double SATURATED_PERCENT = 90;

        boolean saturated() {
            return selectorPercent > SATURATED_PERCENT || processPercent > SATURATED_PERCENT;
        }
    }

    /**
     * Step 6: where its load went. Connections nginx held to each feed server (its streams, and one or two
     * kept for the POSTs), at the end and the most of 3 samples; Redis's clients (INFO clients), the
     * benchmark's own left out, and those in a blocking read (each server's follower); CPU per delivered item
     * and peak RSS of the feed servers, of Redis and of nginx, which the table's figures sum.
     */
    record ScaleOut(int feedServers, List<Integer> streamsAtEnd, List<Integer> streamsMost, int redisClientsAtEnd,
                    int redisClientsMost, int redisBlockedAtEnd, double feedServersMicrosPerItem,
                    double redisMicrosPerItem, double nginxMicrosPerItem, long feedServersRssMb, long redisRssMb,
                    long nginxRssMb) {
        ScaleOut {
            streamsAtEnd = List.copyOf(streamsAtEnd);
            streamsMost = List.copyOf(streamsMost);
        }
    }

    /** A step whose run failed: its reason, and nothing measured. */
    static StepResult failed(Step step, String technique, int subscribers, String problem) {
        return new StepResult(step, technique, subscribers, problem, Connecting.NOTHING, Latency.NOTHING,
                Latency.NOTHING, Losses.NOTHING, Requests.NOTHING, ServerCpu.NOTHING, Posts.NOTHING, Memory.NOTHING,
                Troubles.NOTHING, Generator.NOTHING);
    }

    boolean held() {
        return problem == null;
    }
}
