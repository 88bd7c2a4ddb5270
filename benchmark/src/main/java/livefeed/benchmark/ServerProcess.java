package livefeed.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's server as a child process, pinned to core 0 so that it can be measured alone. For step 4
 * that is the Java demo and the nginx it starts: they share the core, and their CPU and memory are
 * counted together. For nginx+nchan, only nginx's: the Java process there only launches it.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("Live feed (through nginx )?at http://127\\.0\\.0\\.1:([0-9]+)/");

    private final Process process;
    private final InetSocketAddress address;
    private final boolean launcherOnly; // the process only started the server, its children

    private ServerProcess(Process process, int port, boolean launcherOnly) {
        this.process = process;
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.launcherOnly = launcherOnly;
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
        try {
            return new ServerProcess(process, portPrinted(process, log).get(20, TimeUnit.SECONDS), step.launcherOnly());
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

    private List<Long> pids() {
        List<Long> pids = new ArrayList<>(launcherOnly ? List.of() : List.of(process.pid()));
        process.descendants().filter(ProcessHandle::isAlive).forEach(child -> pids.add(child.pid()));
        return pids;
    }

    /** Heap in use by the Java server, garbage included, from the JDK's jstat (used survivors, eden and old); -1 if unknown or not Java. */
    long heapUsedMb() {
        if (launcherOnly) {
            return -1;
        }
        try {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", String.valueOf(pid())).redirectErrorStream(true).start();
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

    /** Stops the server, by force if it has not stopped within 5 s. Safe to call twice. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The port in the line the server prints; its output is read to the end, so a full pipe never blocks it. */
    private static CompletableFuture<Integer> portPrinted(Process process, Path log) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = process.inputReader()) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
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
