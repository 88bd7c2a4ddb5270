package livefeed.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Puts the step 3 server under load: N long-polling clients, M items one every interval, then 10
 * back to back. Prints each figure beside its target (set for 10,000 clients on a 2-core machine)
 * and saves the table as benchmark/target/load-report.md and .csv. A report, not a test: a missed
 * target still exits 0. benchmark/run.sh builds it and runs it on core 1; the server gets core 0.
 */
public final class LoadBenchmark {

    private static final String USAGE = "options: --clients N (100) --items M (20) --interval-ms MS (500)"
            + " --warm-up-items W (10) --server-jvm-args \"-Xmx64m ...\" (none)";
    private static final int BURST_ITEMS = 10;
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(30);
    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(15);

    /** What is read just before and just after the measured phase. */
    private record Sample(long wallMillis, long serverCpuMillis, long generatorCpuMillis, long selectorCpuNanos,
                          long requests, long delivered, long listenOverflows, long cpu0BusyMillis) {
    }

    private final int clients;
    private final int items;
    private final int intervalMs;
    private final int warmUpItems;
    private final ServerProcess server;
    private final PollingClients polling;
    private final Publisher publisher;
    private final Report report;

    private LoadBenchmark(Map<String, String> options, ServerProcess server) throws Exception {
        clients = Integer.parseInt(options.get("--clients"));
        items = Integer.parseInt(options.get("--items"));
        intervalMs = Integer.parseInt(options.get("--interval-ms"));
        warmUpItems = Integer.parseInt(options.get("--warm-up-items"));
        this.server = server;
        polling = new PollingClients(server.address(), clients, warmUpItems + items + BURST_ITEMS);
        publisher = new Publisher(server.address());
        report = new Report(String.format("## Step 3 under load: %,d clients, %d items one every %d ms, then %d back"
                        + " to back (after %d to warm up)%n%nCPUs %s, Java %s, Linux %s; server on CPU %s, generator on CPU %s.",
                clients, items, intervalMs, BURST_ITEMS, warmUpItems,
                Files.readString(Path.of("/sys/devices/system/cpu/online")).trim(), System.getProperty("java.version"),
                System.getProperty("os.version"), Proc.status(server.pid(), "Cpus_allowed_list"),
                Proc.status(ProcessHandle.current().pid(), "Cpus_allowed_list")));
    }

    public static void main(String[] args) {
        try {
            Map<String, String> options = options(args);
            Path root = List.of(Path.of(""), Path.of("..")).stream() // the repository root, or benchmark/
                    .filter(dir -> Files.isDirectory(dir.resolve("step3-backlog/target/classes/livefeed")))
                    .findFirst().orElse(null);
            if (root == null) {
                System.err.println("step3-backlog/target/classes is missing: run mvn -q -pl step3-backlog compile first");
                System.exit(2);
            }
            Path out = Files.createDirectories(root.resolve("benchmark/target"));
            List<String> jvmArgs = List.of(options.get("--server-jvm-args").trim().split("\\s+"));
            try (ServerProcess server = ServerProcess.start(root, 2 * Integer.parseInt(options.get("--clients")),
                    jvmArgs.get(0).isEmpty() ? List.of() : jvmArgs)) {
                Report report = new LoadBenchmark(options, server).run();
                Files.writeString(out.resolve("load-report.md"), report.markdown());
                Files.writeString(out.resolve("load-report.csv"), report.csv());
                System.out.print(report.markdown());
            }
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("the benchmark failed: " + e);
            System.exit(1);
        }
    }

    private Report run() throws Exception {
        connectAndWarmUp();
        Sample before = sample();
        Stats spacedPosts = new Stats();
        List<Long> spaced = new ArrayList<>();
        for (int i = 1; i <= items; i++) { // one every interval, however long each POST takes
            spaced.add(publisher.publish("item-" + i, spacedPosts));
            Thread.sleep(Math.max(0, before.wallMillis + (long) i * intervalMs - System.currentTimeMillis()));
        }
        waitUntil(() -> polling.clientsAt(spaced.get(items - 1)) == clients, DELIVERY_LIMIT);
        Stats burstPosts = new Stats();
        List<Long> burst = new ArrayList<>();
        for (int i = 1; i <= BURST_ITEMS; i++) {
            burst.add(publisher.publish("burst-" + i, burstPosts));
        }
        waitUntil(() -> polling.clientsAt(burst.get(BURST_ITEMS - 1)) == clients, DELIVERY_LIMIT);
        Thread.sleep(intervalMs); // every client polls again: that poll is part of the cost of an item
        Sample after = sample();
        long rssKb = Proc.kilobytes(server.pid(), "VmRSS");
        long peakKb = Proc.kilobytes(server.pid(), "VmHWM");
        String heap = server.heapUsed();
        polling.stop();
        reportDeliveries(spaced, burst);
        reportCosts(before, after, spacedPosts, burstPosts);
        report.row("server RSS now / peak (VmRSS / VmHWM)", rssKb / 1024 + " / " + peakKb / 1024 + " MB", "< 150 MB",
                peakKb >= 0 && peakKb < 150 * 1024);
        report.row("server heap used (jstat, garbage included)", heap, "", null);
        String fileLimit = Proc.openFileLimit();
        report.row("open-file limit of the generator (the server inherits it)", fileLimit, "> " + clients,
                fileLimit.equals("unlimited") || Long.parseLong(fileLimit) > clients);
        return report;
    }

    private void connectAndWarmUp() throws Exception {
        long overflows = Proc.listenOverflows();
        long start = System.currentTimeMillis();
        polling.start();
        boolean all = waitUntil(() -> polling.connected == clients, CONNECT_LIMIT);
        long connectMillis = polling.lastConnectedAtMillis - start;
        report.row("connect all clients (TCP handshake done)", all ? connectMillis + " ms" : "only " + polling.connected,
                "≈ 1 s for 10,000 (≤ 1500 ms)", all && connectMillis <= 1500);
        long first = publisher.publish("warm-up-1", new Stats());
        boolean served = waitUntil(() -> polling.clientsAt(first) == clients, DELIVERY_LIMIT);
        report.row("every client accepted, parked and answered", served ? System.currentTimeMillis() - start + " ms"
                : "not within " + DELIVERY_LIMIT.toSeconds() + " s", "", null);
        report.row("kernel listen-queue overflows meanwhile (machine-wide)", Proc.listenOverflows() - overflows, "0",
                Proc.listenOverflows() == overflows);
        long last = first;
        for (int i = 2; i <= warmUpItems; i++) { // unmeasured: meanwhile the server's JIT compiles its hot paths
            Thread.sleep(intervalMs);
            last = publisher.publish("warm-up-" + i, new Stats());
        }
        long lastWarmUp = last;
        waitUntil(() -> polling.clientsAt(lastWarmUp) == clients, DELIVERY_LIMIT); // no backlog left to measure
        Thread.sleep(intervalMs); // every client polls again and parks
    }

    private void reportDeliveries(List<Long> spaced, List<Long> burst) {
        Stats latency = polling.latencies(spaced);
        long p99Target = clients > 1000 ? 250 : 40;
        report.row("spaced items: delivered p50", latency.percentile(50) + " ms", "< 90 ms", latency.percentile(50) < 90);
        report.row("spaced items: delivered p99", latency.percentile(99) + " ms", "< " + p99Target + " ms",
                latency.percentile(99) < p99Target);
        report.row("spaced items: delivered max", latency.percentile(100) + " ms", "", null);
        Stats burstLatency = polling.latencies(burst);
        report.row("burst items: delivered p50 / p99 / max", burstLatency.percentile(50) + " / "
                + burstLatency.percentile(99) + " / " + burstLatency.percentile(100) + " ms", "", null);
        long burstLost = polling.lost(burst);
        report.row("burst: every client got all " + BURST_ITEMS, burstLost == 0 ? "yes" : burstLost + " missing", "yes",
                burstLost == 0);
        List<Long> all = new ArrayList<>(spaced);
        all.addAll(burst);
        long lost = polling.lost(all);
        report.row("items lost / duplicated / out of order (summed over clients)", lost + " / " + polling.duplicates
                + " / " + polling.outOfOrder, "0 / 0 / 0", lost + polling.duplicates + polling.outOfOrder == 0);
        report.row("failed connects (refused, reset, timed out)", polling.connectFailures, "0", polling.connectFailures == 0);
        report.row("connections closed by the server between answers", polling.closedBetweenAnswers, "0",
                polling.closedBetweenAnswers == 0);
        report.row("connections broken during an answer / answers not 200", polling.brokenAnswers + " / "
                + polling.errorAnswers, "0 / 0", polling.brokenAnswers + polling.errorAnswers == 0);
    }

    private void reportCosts(Sample before, Sample after, Stats spacedPosts, Stats burstPosts) {
        long delivered = Math.max(1, after.delivered - before.delivered);
        long wallMillis = after.wallMillis - before.wallMillis;
        double requestsPerItem = (double) (after.requests - before.requests) / delivered;
        double cpuMicros = (after.serverCpuMillis - before.serverCpuMillis) * 1000.0 / delivered;
        double selector = (after.selectorCpuNanos - before.selectorCpuNanos) / 1e4 / wallMillis;
        double generator = (after.generatorCpuMillis - before.generatorCpuMillis) * 100.0 / wallMillis;
        boolean saturated = Math.max(selector, generator) > 90;
        report.row("POST latency p50 / max, spaced", postMillis(spacedPosts), "p50 < 10 ms, max < 50 ms",
                spacedPosts.percentile(50) < 10_000 && spacedPosts.percentile(100) < 50_000);
        report.row("POST latency p50 / max, burst", postMillis(burstPosts), "", null);
        report.row("kernel listen-queue overflows, measured phase", after.listenOverflows - before.listenOverflows, "0",
                after.listenOverflows == before.listenOverflows);
        report.row("items delivered, measured phase (all clients)", delivered, "", null);
        report.row("requests per delivered item", String.format("%.2f", requestsPerItem), "≤ 1", requestsPerItem <= 1.0);
        report.row("server CPU per delivered item", String.format("%.1f µs", cpuMicros), "≈ 20 µs (≤ 30)", cpuMicros <= 30);
        report.row("server CPU, % of wall", (after.serverCpuMillis - before.serverCpuMillis) * 100 / wallMillis + " %", "", null);
        long others = (after.cpu0BusyMillis - before.cpu0BusyMillis) - (after.serverCpuMillis - before.serverCpuMillis);
        report.row("CPU 0 used by other programs, % of wall", Math.max(0, others) * 100 / wallMillis + " %", "≈ 0 %",
                others * 100 / wallMillis < 5);
        report.row("generator CPU, % of wall: selector thread / whole process", String.format("%.0f %% / %.0f %%%s",
                selector, generator, saturated ? " (generator saturated)" : ""), "< 90 %", !saturated);
    }

    private Sample sample() throws Exception {
        return new Sample(System.currentTimeMillis(), Proc.cpuMillis(server.pid()),
                Proc.cpuMillis(ProcessHandle.current().pid()), polling.selectorCpuNanos(), polling.requests,
                polling.delivered, Proc.listenOverflows(), Proc.cpuBusyMillis("cpu0"));
    }

    private static String postMillis(Stats micros) {
        return String.format("%.1f / %.1f ms", micros.percentile(50) / 1000.0, micros.percentile(100) / 1000.0);
    }

    private static boolean waitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--clients", "100", "--items", "20",
                "--interval-ms", "500", "--warm-up-items", "10", "--server-jvm-args", ""));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("unknown option, or no value after it: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        for (String number : List.of("--clients", "--items", "--interval-ms", "--warm-up-items")) {
            if (Integer.parseInt(options.get(number)) < 1) {
                throw new IllegalArgumentException(number + " must be at least 1");
            }
        }
        return options;
    }
}
