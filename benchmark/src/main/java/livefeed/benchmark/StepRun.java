package livefeed.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One step under load, phase by phase: N subscribers connect; W items warm the server up; M items
 * one every interval, then a burst of 10 back to back, are measured; then nothing is published for
 * an idle window, to count what following the feed costs while nothing happens.
 */
final class StepRun {

    static final int BURST_ITEMS = 10;
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(30);
    private static final long QUIET_MILLIS = 1000;

    /** What is read at the start and at the end of a phase. */
    private record Sample(long wallMillis, long serverCpuMillis, long generatorCpuMillis, long selectorCpuNanos,
                          long requests, long delivered, long cpu0BusyMillis) {
    }

    /** A phase: the samples at its start and at its end. */
    private record Phase(Sample start, Sample end) {
        double wallMillis() {
            return end.wallMillis - start.wallMillis;
        }

        long serverCpuMillis() {
            return end.serverCpuMillis - start.serverCpuMillis;
        }

        long delivered() {
            return end.delivered - start.delivered;
        }

        double selectorPercent() {
            return busy(start.selectorCpuNanos / 1e6, end.selectorCpuNanos / 1e6);
        }

        double generatorPercent() {
            return busy(start.generatorCpuMillis, end.generatorCpuMillis);
        }

        private double busy(double startMillis, double endMillis) {
            return (endMillis - startMillis) * 100 / wallMillis();
        }
    }

    private final Step step;
    private final BenchmarkOptions options;
    private final ServerProcess server;
    private final Subscribers subscribers;
    private final Deliveries deliveries;
    private final Publisher publisher;
    private final long deliveryLimitMillis;
    private final ScaleOutProbe scaleOut; // step 6 only
    private int failedPosts;
    private String firstPostError;

    StepRun(Step step, BenchmarkOptions options, ServerProcess server, String adminPassword) throws Exception {
        this.step = step;
        this.options = options;
        this.server = server;
        long pollEvery = step.kind == Step.Kind.POLLING ? options.pollEveryMillis() : 0;
        subscribers = new Subscribers(server.address(), options.clients(), lastId(), step.newSubscriber, pollEvery);
        deliveries = subscribers.deliveries();
        publisher = step.publisher(server.address(), adminPassword);
        deliveryLimitMillis = Math.max(15_000, 3 * pollEvery);
        scaleOut = step.scaleOut() ? ScaleOutProbe.of(server) : null;
    }

    /** The phases in turn, then each part of the result from what they measured. */
    StepResult run() throws Exception {
        int n = options.clients();
        long start = System.currentTimeMillis();
        subscribers.start();
        boolean allConnected = waitUntil(() -> subscribers.connected == n, CONNECT_LIMIT.toMillis());
        long connectMillis = allConnected ? subscribers.lastConnectedAtMillis - start : StepResult.NOT_MEASURED;
        publishSpaced("warm-up-", options.warmUpItems(), new Stats()); // unmeasured: the server's JIT compiles meanwhile
        long heapUsedMb = server.heapUsedMb(); // jstat, three times: after warming up, after measuring, after idling

        sampleConnections();
        if (scaleOut != null) {
            scaleOut.measuredPhaseStarts();
        }
        Sample before = sample();
        Stats spacedPosts = new Stats();
        List<Long> spaced = publishSpaced("item-", options.items(), spacedPosts);
        Stats burstPosts = new Stats();
        List<Long> burst = new ArrayList<>();
        for (int i = 1; i <= BURST_ITEMS; i++) {
            publish("burst-" + i, burstPosts, burst);
        }
        settle(burst);
        Sample after = sample();
        if (scaleOut != null) {
            scaleOut.measuredPhaseEnds();
        }
        sampleConnections();
        heapUsedMb = Math.max(heapUsedMb, server.heapUsedMb());

        subscribers.timingGaps = true;
        Thread.sleep(idleMillis(step, options));
        subscribers.timingGaps = false;
        Phase measured = new Phase(before, after);
        Phase idle = new Phase(after, sample());
        sampleConnections();
        long peakRssMb = server.peakRssKb() / 1024;
        heapUsedMb = Math.max(heapUsedMb, server.heapUsedMb());
        StepResult.ScaleOut scaleOutResult = scaleOut == null ? null : scaleOut.result(measured.delivered());
        subscribers.stop();

        List<Long> all = new ArrayList<>(spaced);
        all.addAll(burst);
        return new StepResult(step, step.technique(options.pollEveryMillis()), n, problem(allConnected, all),
                new StepResult.Connecting(subscribers.connected, connectMillis),
                StepResult.Latency.of(deliveries.latencies(spaced)), StepResult.Latency.of(deliveries.latencies(burst)),
                losses(spaced, burst), requests(measured, idle), serverCpu(measured, idle),
                posts(spacedPosts, burstPosts), new StepResult.Memory(peakRssMb, heapUsedMb), subscribers.troubles(),
                generator(measured, idle), scaleOutResult);
    }

    /** Step 6: the connections to each feed server and to Redis, at the edges of the phases (not inside them). */
    private void sampleConnections() throws IOException {
        if (scaleOut != null) {
            scaleOut.sampleConnections();
        }
    }

    /** Why the step did not hold N subscribers, or null if it did. */
    private String problem(boolean allConnected, List<Long> measured) {
        int n = options.clients();
        List<String> problems = new ArrayList<>();
        if (!allConnected) {
            problems.add("only " + subscribers.connected + " of " + n + " connected within " + CONNECT_LIMIT.toSeconds() + " s");
        }
        if (failedPosts > 0) {
            problems.add(failedPosts + " of " + lastId() + " POSTs failed (" + firstPostError + ")");
        }
        if (subscribers.failure != null) {
            problems.add("the subscribers' thread stopped: " + subscribers.failure);
        }
        if (deliveries.unknownIds() > 0) {
            problems.add(deliveries.unknownIds() + " deliveries of items published after the last one counted"
                    + " (a POST that failed here went through)");
        }
        if (deliveries.withNone(measured) > 0) {
            problems.add(deliveries.withNone(measured) + " of " + n + " subscribers got no item at all");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Items that never arrived, per subscriber: not measured where no item was published. */
    private StepResult.Losses losses(List<Long> spaced, List<Long> burst) {
        int n = options.clients();
        return new StepResult.Losses(
                spaced.isEmpty() ? StepResult.NOT_MEASURED : (double) deliveries.lost(spaced) / n,
                burst.isEmpty() ? StepResult.NOT_MEASURED : (double) deliveries.lost(burst) / n,
                deliveries.duplicates(), deliveries.outOfOrder());
    }

    /**
     * Requests per delivered item while measuring; while idle, 60 s over the median time between two
     * requests. A stream asks nothing while idle (no two requests to time), so for streams it is the
     * requests sent in the idle window, per subscriber and minute: 0 unless streams were reconnecting.
     */
    private StepResult.Requests requests(Phase measured, Phase idle) {
        long delivered = measured.delivered();
        double idlePerMinute;
        if (step.kind == Step.Kind.STREAM) {
            idlePerMinute = (idle.end().requests - idle.start().requests) * 60_000.0 / idle.wallMillis() / options.clients();
        } else {
            long idleGap = subscribers.idleGaps().percentile(50);
            idlePerMinute = idleGap <= 0 ? StepResult.NOT_MEASURED : 60_000.0 / idleGap;
        }
        return new StepResult.Requests(
                delivered == 0 ? StepResult.NOT_MEASURED
                        : (double) (measured.end().requests - measured.start().requests) / delivered,
                idlePerMinute, idle.wallMillis() / 1000);
    }

    /** The server's CPU while measuring, per delivered item, and while idle. */
    private static StepResult.ServerCpu serverCpu(Phase measured, Phase idle) {
        long serverCpu = measured.serverCpuMillis();
        long delivered = measured.delivered();
        return new StepResult.ServerCpu(serverCpu / 1000.0, serverCpu * 100 / measured.wallMillis(),
                delivered == 0 ? StepResult.NOT_MEASURED : serverCpu * 1000.0 / delivered,
                idle.serverCpuMillis() * 100 / idle.wallMillis());
    }

    /** The POSTs' p50 among the spaced items, and the slowest of all; not measured where none was answered. */
    private static StepResult.Posts posts(Stats spacedMicros, Stats burstMicros) {
        return new StepResult.Posts(
                spacedMicros.count() == 0 ? StepResult.NOT_MEASURED : spacedMicros.percentile(50) / 1000.0,
                spacedMicros.count() + burstMicros.count() == 0 ? StepResult.NOT_MEASURED
                        : Math.max(spacedMicros.percentile(100), burstMicros.percentile(100)) / 1000.0);
    }

    /** The generator's busiest phase, and the time others took on the server's core while measuring. */
    private static StepResult.Generator generator(Phase measured, Phase idle) {
        long others = (measured.end().cpu0BusyMillis - measured.start().cpu0BusyMillis) - measured.serverCpuMillis();
        return new StepResult.Generator(Math.max(measured.selectorPercent(), idle.selectorPercent()),
                Math.max(measured.generatorPercent(), idle.generatorPercent()),
                Math.max(0, Math.round(others * 100 / measured.wallMillis())));
    }

    /** The id of the last item: the warm-up, the spaced and the burst items, numbered from 1. */
    private int lastId() {
        return options.warmUpItems() + options.items() + BURST_ITEMS;
    }

    /**
     * Long enough for every subscriber to ask again while nothing happens: a poll timeout and 2 s, or
     * 5 polling intervals and at least 5 s (a busy server answers late, so the gaps grow). The report gives the median time between two requests of a subscriber,
     * which does not depend on where the window starts, as a count of requests in it would.
     * A stream asks nothing: its window is a heartbeat and 2 s, so that the heartbeat's cost shows.
     */
    static long idleMillis(Step step, BenchmarkOptions options) {
        return switch (step.kind) {
            case STREAM -> options.heartbeatSeconds() * 1000L + 2000;
            case LONG_POLLING -> Math.round(options.pollTimeoutSeconds() * 1000) + 2000;
            case POLLING -> Math.max(5_000, 5L * options.pollEveryMillis());
        };
    }

    /** Publishes one item every interval, however long each POST takes, then waits for the deliveries. */
    private List<Long> publishSpaced(String prefix, int count, Stats postMicros) throws Exception {
        List<Long> ids = new ArrayList<>();
        long start = System.currentTimeMillis();
        for (int i = 1; i <= count; i++) {
            publish(prefix + i, postMicros, ids);
            Thread.sleep(Math.max(0, start + (long) i * options.intervalMillis() - System.currentTimeMillis()));
        }
        settle(ids);
        return ids;
    }

    /** Adds the new item's id to ids; a POST that fails is counted, not fatal: it is how a step shows it is full. */
    private void publish(String content, Stats postMicros, List<Long> ids) {
        try {
            ids.add(publisher.publish(content, postMicros));
        } catch (IOException e) {
            failedPosts++;
            if (firstPostError == null) {
                firstPostError = e.getMessage();
            }
        }
    }

    /**
     * Waits until every subscriber has the item, or until nothing has arrived for a while: a step 2
     * subscriber that was between two polls never gets it, and polling ones get it a poll later.
     */
    private void settle(List<Long> ids) throws InterruptedException {
        if (ids.isEmpty()) {
            return; // every POST failed: nothing to wait for
        }
        long id = ids.get(ids.size() - 1);
        long quiet = step.kind == Step.Kind.POLLING ? options.pollEveryMillis() + QUIET_MILLIS : QUIET_MILLIS;
        long since = System.currentTimeMillis();
        waitUntil(() -> deliveries.subscribersAt(id) == options.clients()
                || System.currentTimeMillis() - Math.max(since, deliveries.lastDeliveryMillis()) > quiet,
                deliveryLimitMillis);
        if (step.kind == Step.Kind.LONG_POLLING) {
            Thread.sleep(100); // each subscriber asks again and parks: that poll is part of the cost of an item
        }
    }

    private Sample sample() throws Exception {
        return new Sample(System.currentTimeMillis(), server.cpuMillis(), Proc.cpuMillis(ProcessHandle.current().pid()),
                subscribers.selectorCpuNanos(), subscribers.requests, deliveries.delivered(), Proc.cpuBusyMillis("cpu0"));
    }

    private static boolean waitUntil(BooleanSupplier condition, long limitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + limitMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
