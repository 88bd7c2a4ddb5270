package livefeed.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import livefeed.NginxBinary;

/**
 * Runs every step's server in turn under the same load and prints them side by side: N subscribers
 * that follow the feed the way that step's page does, M items one every interval, a burst of 10,
 * then an idle window. Writes the table, a CSV and an SVG chart to benchmark/target/. A report, not
 * a test: a missed target or a step that cannot hold N is said in the table, and the run exits 0.
 * benchmark/run.sh builds everything and runs it on core 1; each server gets core 0.
 */
public final class StepsBenchmark {

    private static final BenchmarkOptions DEFAULTS = BenchmarkOptions.parse();


    private StepsBenchmark() {
    }

    public static void main(String[] args) {
        try {
            BenchmarkOptions options = BenchmarkOptions.parse(args);
            Path root = List.of(Path.of(""), Path.of("..")).stream() // the repository root, or benchmark/
                    .filter(dir -> Files.isDirectory(dir.resolve("step1-polling"))).findFirst().orElse(Path.of(""));
            System.out.print(run(options, root.toAbsolutePath().normalize()));
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + BenchmarkOptions.USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("the benchmark failed: " + e);
            System.exit(1);
        }
    }

    /** Runs the steps, writes the report files and returns the table; the files are named after N. */
    static String run(BenchmarkOptions options, Path root) throws Exception {
        checkOpenFileLimit(options.clients());
        Path out = Files.createDirectories(root.resolve("benchmark/target"));
        List<String> notes = new ArrayList<>();
        notes.add(machine());
        List<StepResult> results = new ArrayList<>();
        for (Step step : options.steps()) {
            for (Path classes : step.module == null ? List.of(step.classes(root)) : List.of(step.classes(root),
                    step.stepClasses(root))) {
                if (!Files.isDirectory(classes.resolve("livefeed"))) {
                    throw new IllegalStateException(root.relativize(classes) + " is missing: run"
                            + " mvn -q -pl benchmark compile first (benchmark/run.sh does)");
                }
            }
            if (step.needsNginx() && NginxBinary.find().isEmpty()) {
                notes.add(capitalized(step.label) + " was not run: " + NginxBinary.INSTALL_HINT + ".");
                continue;
            }
            if (step.scaleOut() && ScaleOutServer.redisServer().isEmpty()) {
                notes.add(capitalized(step.label) + " was not run: " + ScaleOutServer.REDIS_INSTALL_HINT + ".");
                continue;
            }
            if (step == Step.NCHAN && NchanServer.module().isEmpty()) {
                notes.add(capitalized(step.label) + " was not run: " + NchanServer.INSTALL_HINT + ".");
                continue;
            }
            System.err.printf("%s: %s, %,d subscribers...%n", step.label, step.technique(options.pollEveryMillis()),
                    options.clients());
            results.add(runStep(step, options, root, out));
        }
        boolean streams = results.stream().anyMatch(r -> r.step().kind == Step.Kind.STREAM);
        notes.add(String.format("Idle windows: %s s for polling (5 intervals, at least 5 s), %s s for long polling"
                        + " (the poll timeout and 2 s)%s;"
                        + " requests per minute while idle are 60 s over the median time between two requests of a"
                        + " subscriber%s."
                        + " Server on CPU %s, subscribers on CPU %s. %s.",
                Report.decimal(StepRun.idleMillis(Step.STEP_1, options) / 1000.0, 1).replace(".0", ""),
                Report.decimal(StepRun.idleMillis(Step.STEP_3, options) / 1000.0, 1).replace(".0", ""),
                streams ? ", " + StepRun.idleMillis(Step.STEP_5, options) / 1000 + " s for streams (a heartbeat and 2 s)" : "",
                streams ? " (for streams, which ask nothing while idle: the requests sent in the window, per subscriber)" : "",
                ServerProcess.onPath("taskset") ? "0" : "any", Proc.status(ProcessHandle.current().pid(), "Cpus_allowed_list"),
                LocalDate.now()));
        if (results.stream().anyMatch(r -> r.step() == Step.STEP_5)) {
            notes.add("Step 5's targets are issue 14's, set for 10,000 streams with the server on one core; its p99 target"
                    + " is 0.8 times nginx+nchan's p99 in the same run.");
        }
        if (results.stream().anyMatch(r -> r.step() == Step.NCHAN)) {
            notes.add("Nginx+nchan is the reference, not a step: nginx " + nginxVersion() + " with one worker and the nchan"
                    + " module, a publisher location and an EventSource subscriber location (benchmark/target/nchan/nginx.conf);"
                    + " its CPU and memory are nginx's. nchan adds no timestamp, so the benchmark puts the time it sends"
                    + " the POST in the message: its latencies also count sending the POST, which the steps' do not.");
        }
        if (results.stream().anyMatch(r -> r.step().scaleOut())) {
            notes.add("Step 6x1 and 6x3 are step 6's feed servers, 1 and 3 (a JVM each), behind nginx " + nginxVersion()
                    + " (an upstream over them, round robin; benchmark/target/scale-out/nginx.conf) and over one"
                    + " redis-server " + redisVersion() + " (append-only, an fsync on every write, a fresh folder each run);"
                    + " 6x1 direct is one feed server without nginx, as step 5 runs. All are started by the benchmark's"
                    + " ScaleOutServer and all run on core 0, as one step's server does: their CPU, memory and heap in the"
                    + " table are the sums over the feed servers, Redis and nginx (the section after the table splits"
                    + " them). Their subscribers are step 5's.");
        }
        results.stream().filter(r -> !r.held()).forEach(r -> notes.add(capitalized(r.step().label) + " could not hold "
                + Report.number(r.subscribers()) + " subscribers: " + r.problem() + "."));
        results.stream().filter(r -> r.generator().saturated()).forEach(r -> notes.add(capitalized(r.step().label)
                + ": the subscribers' thread was saturated; its latencies are partly the generator's."));

        String title = String.format("## Every step under load: %s subscribers, %d items one every %d ms, then %d back"
                        + " to back (after %d to warm up)", Report.number(options.clients()), options.items(),
                options.intervalMillis(), StepRun.BURST_ITEMS, options.warmUpItems());
        Report report = new Report(title, notes, results);
        String name = fileName(options);
        Files.writeString(out.resolve(name + ".md"), report.markdown());
        Files.writeString(out.resolve(name + ".csv"), report.csv());
        if (report.scaleOutCsv() != null) {
            Files.writeString(out.resolve(name + "-scale-out.csv"), report.scaleOutCsv());
        }
        String caption = String.format("%s subscribers, %d + %d items%s; %s cores, Java %s",
                Report.number(options.clients()), options.items(), StepRun.BURST_ITEMS,
                options.pollEveryMillis() == DEFAULTS.pollEveryMillis() ? ""
                        : ", step 1 polling every " + options.pollEveryMillis() + " ms", cpus(),
                System.getProperty("java.version"));
        Files.writeString(out.resolve(name + ".svg"), new Chart(caption, results).svg());
        System.err.println("written: benchmark/target/" + name + ".md, .csv" + (report.scaleOutCsv() == null ? ""
                : ", -scale-out.csv") + " and .svg");
        return report.markdown();
    }

    /** steps-100-clients, and what differs from the defaults: steps-10000-clients-steps-1-poll-every-100-ms. */
    static String fileName(BenchmarkOptions options) {
        StringBuilder name = new StringBuilder("steps-" + options.clients() + "-clients");
        if (!options.steps().equals(DEFAULTS.steps())) {
            name.append("-steps-").append(String.join("-", options.steps().stream().map(s -> s.key).toList()));
        }
        if (options.pollEveryMillis() != DEFAULTS.pollEveryMillis()) {
            name.append("-poll-every-").append(options.pollEveryMillis()).append("-ms");
        }
        if (options.pollTimeoutSeconds() != DEFAULTS.pollTimeoutSeconds()) {
            name.append("-poll-timeout-").append(options.pollTimeoutFlag()).append("-s");
        }
        if (options.heartbeatSeconds() != DEFAULTS.heartbeatSeconds()) {
            name.append("-heartbeat-").append(options.heartbeatSeconds()).append("-s");
        }
        if (options.items() != DEFAULTS.items() || options.intervalMillis() != DEFAULTS.intervalMillis()
                || options.warmUpItems() != DEFAULTS.warmUpItems()) {
            name.append("-items-").append(options.items()).append("-every-").append(options.intervalMillis()).append("-ms");
        }
        return name.toString();
    }

    /** A step that fails (its server does not start, say) is a line of the report, not the end of the run. */
    private static StepResult runStep(Step step, BenchmarkOptions options, Path root, Path out) {
        String password = UUID.randomUUID().toString(); // step 4's admin password, for this run only
        long start = System.currentTimeMillis();
        Path log = out.resolve("server-" + (step == Step.NCHAN ? "nchan" : "step" + step.key) + ".log");
        List<String> jvmArgs = step.launcherOnly() ? List.of() : options.serverJvmArgs(); // for the server, not a launcher
        try (ServerProcess server = ServerProcess.start(root, step, jvmArgs, serverArgs(step, options, root),
                Map.of("FEED_ADMIN_PASSWORD", password), log)) {
            StepResult result = new StepRun(step, options, server, password).run();
            System.err.printf("%s: done in %d s%n", step.label, (System.currentTimeMillis() - start) / 1000);
            return result;
        } catch (Exception e) {
            System.err.printf("%s failed: %s (its server's errors: %s)%n", step.label, e, log);
            return StepResult.failed(step, step.technique(options.pollEveryMillis()), options.clients(),
                    "the run failed: " + e.getMessage());
        }
    }

    private static List<String> serverArgs(Step step, BenchmarkOptions options, Path root) throws Exception {
        List<String> args = new ArrayList<>(step.serverArgs(options.clients(), options.pollTimeoutFlag(),
                options.heartbeatSeconds()));
        args.addAll(step.launcherArgs(root, options.serverJvmArgs()));
        return args;
    }

    /** "7.0.15", from redis-server --version; "(version unknown)" if it cannot say. */
    private static String redisVersion() {
        try {
            Process redis = new ProcessBuilder(ScaleOutServer.redisServer().orElseThrow().toString(), "--version")
                    .redirectErrorStream(true).start();
            String said = new String(redis.getInputStream().readAllBytes()); // "Redis server v=7.0.15 sha=..."
            int version = said.indexOf("v=");
            return version < 0 ? "(version unknown)" : said.substring(version + 2).split("\\s")[0];
        } catch (Exception e) {
            return "(version unknown)";
        }
    }

    /** "Step 4", "Nginx+nchan": at the start of a sentence. */
    private static String capitalized(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** "1.22.1", from nginx -v; "(version unknown)" if it cannot say. */
    private static String nginxVersion() {
        try {
            Process nginx = new ProcessBuilder(NginxBinary.find().orElseThrow().toString(), "-v").redirectErrorStream(true)
                    .start();
            String said = new String(nginx.getInputStream().readAllBytes()).trim(); // "nginx version: nginx/1.22.1"
            return said.contains("/") ? said.substring(said.lastIndexOf('/') + 1) : "(version unknown)";
        } catch (Exception e) {
            return "(version unknown)";
        }
    }

    private static String machine() throws Exception {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GB").findFirst().orElse("?");
        return String.format("Machine: %d CPUs (%s), %s of memory, Linux %s; Java %s (%s).", cpus(), model, memory,
                System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    /** The machine's CPUs: not availableProcessors(), which counts only the one core the generator is pinned to. */
    private static long cpus() throws Exception {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("processor")).count();
    }

    /** Each subscriber holds a connection, so a file descriptor: say how to raise the limit before failing midway. */
    private static void checkOpenFileLimit(int clients) throws Exception {
        String limit = Proc.openFileLimit();
        if (!limit.equals("unlimited") && Long.parseLong(limit) < clients + 100) {
            throw new IllegalArgumentException(Report.number(clients) + " subscribers need " + Report.number(clients + 100)
                    + " open files, and the limit is " + limit + ": run ulimit -n 65536 first (benchmark/run.sh does)");
        }
    }
}
