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

    /** What is read just before and just after a phase. */
    private record Sample(long wallMillis, long serverCpuMillis, long generatorCpuMillis, long selectorCpuNanos,
                          long requests, long delivered, long cpu0BusyMillis) {
    }

    private final Step step;
    private final BenchmarkOptions options;
    private final ServerProcess server;
    private final Subscribers subscribers;
    private final Publisher publisher;
    private final long deliveryLimitMillis;
    private int failedPosts;
    private String firstPostError;

    StepRun(Step step, BenchmarkOptions options, ServerProcess server, String adminPassword) throws Exception {
        this.step = step;
        this.options = options;
        this.server = server;
        int lastId = options.warmUpItems() + options.items() + BURST_ITEMS;
        long pollEvery = step.longPolling ? 0 : options.pollEveryMillis();
        subscribers = new Subscribers(server.address(), options.clients(), lastId, step.cursor, pollEvery);
        publisher = new Publisher(server.address(), step == Step.STEP_4 ? adminPassword : null);
        deliveryLimitMillis = Math.max(15_000, 3 * pollEvery);
    }

    StepResult run() throws Exception {
        int n = options.clients();
        long start = System.currentTimeMillis();
        subscribers.start();
        boolean allConnected = waitUntil(() -> subscribers.connected == n, CONNECT_LIMIT.toMillis());
        long connectMillis = allConnected ? subscribers.lastConnectedAtMillis - start : -1;
        publishSpaced("warm-up-", options.warmUpItems(), new Stats()); // unmeasured: the server's JIT compiles meanwhile
        long heapUsedMb = server.heapUsedMb(); // jstat, three times: after warming up, after measuring, after idling

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
        heapUsedMb = Math.max(heapUsedMb, server.heapUsedMb());

        Sample idleBefore = after;
        subscribers.timingGaps = true;
        Thread.sleep(idleMillis(step, options));
        subscribers.timingGaps = false;
        Sample idleAfter = sample();
        long peakRssMb = server.peakRssKb() / 1024;
        heapUsedMb = Math.max(heapUsedMb, server.heapUsedMb());
        subscribers.stop();

        List<Long> measured = new ArrayList<>(spaced);
        measured.addAll(burst);
        List<String> problems = new ArrayList<>();
        if (!allConnected) {
            problems.add("only " + subscribers.connected + " of " + n + " connected within " + CONNECT_LIMIT.toSeconds() + " s");
        }
        if (failedPosts > 0) {
            problems.add(failedPosts + " of " + (options.warmUpItems() + options.items() + BURST_ITEMS)
                    + " POSTs failed (" + firstPostError + ")");
        }
        if (subscribers.failure != null) {
            problems.add("the subscribers' thread stopped: " + subscribers.failure);
        }
        if (subscribers.unknownIds > 0) {
            problems.add(subscribers.unknownIds + " deliveries of items published after the last one counted"
                    + " (a POST that failed here went through)");
        }
        if (subscribers.withNone(measured) > 0) {
            problems.add(subscribers.withNone(measured) + " of " + n + " subscribers got no item at all");
        }
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        Stats spacedLatency = subscribers.latencies(spaced);
        Stats burstLatency = subscribers.latencies(burst);
        long idleGap = subscribers.idleGaps().percentile(50);
        long delivered = after.delivered - before.delivered; // -1 below: nothing was measured, shown as n/a
        double wall = after.wallMillis - before.wallMillis;
        double idleWall = idleAfter.wallMillis - idleBefore.wallMillis;
        long serverCpu = after.serverCpuMillis - before.serverCpuMillis;
        long others = (after.cpu0BusyMillis - before.cpu0BusyMillis) - serverCpu;
        return new StepResult(step, step.technique(options.pollEveryMillis()), n, problem,
                subscribers.connected, connectMillis,
                spacedLatency.percentile(50), spacedLatency.percentile(99), spacedLatency.percentile(100),
                burstLatency.percentile(50), burstLatency.percentile(99), burstLatency.percentile(100),
                spaced.isEmpty() ? -1 : (double) subscribers.lost(spaced) / n,
                burst.isEmpty() ? -1 : (double) subscribers.lost(burst) / n,
                subscribers.duplicates, subscribers.outOfOrder,
                delivered == 0 ? -1 : (double) (after.requests - before.requests) / delivered,
                idleGap <= 0 ? -1 : 60_000.0 / idleGap, idleWall / 1000,
                serverCpu / 1000.0, serverCpu * 100 / wall, delivered == 0 ? -1 : serverCpu * 1000.0 / delivered,
                (idleAfter.serverCpuMillis - idleBefore.serverCpuMillis) * 100 / idleWall,
                spacedPosts.count() == 0 ? -1 : spacedPosts.percentile(50) / 1000.0,
                Math.max(spacedPosts.percentile(100), burstPosts.percentile(100)) / 1000.0,
                peakRssMb, heapUsedMb,
                subscribers.connectFailures, subscribers.closedBetweenAnswers, subscribers.brokenAnswers,
                subscribers.errorAnswers,
                Math.max(busy(before.selectorCpuNanos / 1e6, after.selectorCpuNanos / 1e6, wall),
                        busy(idleBefore.selectorCpuNanos / 1e6, idleAfter.selectorCpuNanos / 1e6, idleWall)),
                Math.max(busy(before.generatorCpuMillis, after.generatorCpuMillis, wall),
                        busy(idleBefore.generatorCpuMillis, idleAfter.generatorCpuMillis, idleWall)),
                Math.max(0, Math.round(others * 100 / wall)));
    }

    /**
     * Long enough for every subscriber to ask again while nothing happens: a poll timeout and 2 s, or
     * 5 polling intervals and at least 5 s (a busy server answers late, so the gaps grow). The report gives the median time between two requests of a subscriber,
     * which does not depend on where the window starts, as a count of requests in it would.
     */
    static long idleMillis(Step step, BenchmarkOptions options) {
        if (step.longPolling) {
            return Math.round(options.pollTimeoutSeconds() * 1000) + 2000;
        }
        return Math.max(5_000, 5L * options.pollEveryMillis());
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
        long quiet = step.longPolling ? QUIET_MILLIS : options.pollEveryMillis() + QUIET_MILLIS;
        long since = System.currentTimeMillis();
        waitUntil(() -> subscribers.clientsAt(id) == options.clients()
                || System.currentTimeMillis() - Math.max(since, subscribers.lastDeliveryMillis) > quiet,
                deliveryLimitMillis);
        if (step.longPolling) {
            Thread.sleep(100); // each subscriber asks again and parks: that poll is part of the cost of an item
        }
    }

    private Sample sample() throws Exception {
        return new Sample(System.currentTimeMillis(), server.cpuMillis(), Proc.cpuMillis(ProcessHandle.current().pid()),
                subscribers.selectorCpuNanos(), subscribers.requests, subscribers.delivered, Proc.cpuBusyMillis("cpu0"));
    }

    private static double busy(double beforeMillis, double afterMillis, double wallMillis) {
        return (afterMillis - beforeMillis) * 100 / wallMillis;
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
