package livefeed.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's server as a child process, pinned to core 0 so that it can be measured alone. For step 4
 * that is the Java demo and the nginx it starts: they share the core, and their CPU and memory are
 * counted together. For nginx+nchan, only nginx's: the Java process there only launches it. For
 * step 6, its launcher's children: the feed servers, Redis and nginx, all on core 0 (they inherit it).
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("Live feed (through nginx )?at http://127\\.0\\.0\\.1:([0-9]+)/");

    private final Process process;
    private final InetSocketAddress address;
    private final boolean launcherOnly; // the process only started the server, its children
    private final List<String> printed; // every line the process printed, in order

    private ServerProcess(Process process, int port, boolean launcherOnly, List<String> printed) {
        this.process = process;
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.launcherOnly = launcherOnly;
        this.printed = printed;
    }

    /** Starts the step's main from its classes, in the repository root; its errors go to log. */
    static ServerProcess start(Path root, Step step, List<String> jvmArgs, List<String> args, Map<String, String> env,
                               Path log) throws Exception {
        List<String> command = new ArrayList<>();
        if (onPath("taskset")) {
            command.addAll(List.of("taskset", "-c", "0"));
        } else {
            System.err.println("taskset not found: the server runs unpinned, sharing the cores with the generator");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", step.classes(root).toString(), step.mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectError(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy)); // every way out, Ctrl-C included
        List<String> printed = new CopyOnWriteArrayList<>();
        try {
            return new ServerProcess(process, portPrinted(process, log, printed).get(30, TimeUnit.SECONDS),
                    step.launcherOnly(), printed);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    long pid() {
        return process.pid();
    }

    /** The lines the server printed so far (step 6's launcher says where Redis and each feed server are). */
    List<String> printed() {
        return List.copyOf(printed);
    }

    /** CPU time of the server and of the processes it started (nginx), all threads together; not a launcher's own. */
    long cpuMillis() throws IOException {
        long total = 0;
        for (long pid : pids()) {
            total += Proc.cpuMillis(pid);
        }
        return total;
    }

    /** The largest resident memory each process has had (VmHWM), summed, in kB. */
    long peakRssKb() throws IOException {
        long total = 0;
        for (long pid : pids()) {
            total += Math.max(0, Proc.kilobytes(pid, "VmHWM"));
        }
        return total;
    }

    /** CPU time as cpuMillis() counts it, by program name (java, redis-server, nginx): step 6 runs all three. */
    Map<String, Long> cpuMillisByProgram() throws IOException {
        Map<String, Long> byProgram = new TreeMap<>();
        for (long pid : pids()) {
            byProgram.merge(Proc.status(pid, "Name"), Proc.cpuMillis(pid), Long::sum);
        }
        return byProgram;
    }

    /** Peak resident memory as peakRssKb() counts it, by program name. */
    Map<String, Long> peakRssKbByProgram() throws IOException {
        Map<String, Long> byProgram = new TreeMap<>();
        for (long pid : pids()) {
            byProgram.merge(Proc.status(pid, "Name"), Math.max(0, Proc.kilobytes(pid, "VmHWM")), Long::sum);
        }
        return byProgram;
    }

    private List<Long> pids() {
        List<Long> pids = new ArrayList<>(launcherOnly ? List.of() : List.of(process.pid()));
        process.descendants().filter(ProcessHandle::isAlive).forEach(child -> pids.add(child.pid()));
        return pids;
    }

    /**
     * Heap in use by the Java server, garbage included, from the JDK's jstat (used survivors, eden and old);
     * behind a launcher, summed over the Java servers it started (step 6's feed servers); -1 if unknown or not Java.
     */
    long heapUsedMb() {
        if (!launcherOnly) {
            return heapUsedMb(pid());
        }
        List<Long> javaServers = new ArrayList<>();
        for (long pid : pids()) {
            try {
                if (Proc.status(pid, "Name").equals("java")) {
                    javaServers.add(pid);
                }
            } catch (IOException gone) {
                // not counted
            }
        }
        long total = javaServers.isEmpty() ? -1 : 0;
        for (long pid : javaServers) {
            long used = heapUsedMb(pid);
            if (used < 0) {
                return -1;
            }
            total += used;
        }
        return total;
    }

    private static long heapUsedMb(long pid) {
        try {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", String.valueOf(pid)).redirectErrorStream(true).start();
            if (!jstat.waitFor(10, TimeUnit.SECONDS)) {
                jstat.destroyForcibly();
                return -1;
            }
            String[] lines = new String(jstat.getInputStream().readAllBytes()).trim().split("\n");
            List<String> names = List.of(lines[0].trim().split("\\s+"));
            String[] values = lines[1].trim().split("\\s+");
            double kilobytes = 0;
            for (String used : List.of("S0U", "S1U", "EU", "OU")) {
                kilobytes += Double.parseDouble(values[names.indexOf(used)]);
            }
            return Math.round(kilobytes / 1024);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Stops the server, by force if it has not stopped within 5 s, and then any process it started that is
     * still there (a launcher killed before it stopped its children). Safe to call twice.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The port in the line the server prints; its output is read to the end, so a full pipe never blocks it. */
    private static CompletableFuture<Integer> portPrinted(Process process, Path log, List<String> printed) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = process.inputReader()) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    printed.add(line);
                    Matcher matcher = URL.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(2)));
                    }
                }
            } catch (IOException e) {
                // the server is gone: reported below
            }
            port.completeExceptionally(new IOException("the server stopped without printing its URL: see " + log));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return port;
    }

    static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
