package livefeed.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The step 3 feed server as a child process, pinned to core 0 so that it can be measured alone. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("Live feed at http://127\\.0\\.0\\.1:([0-9]+)/");

    private final Process process;
    private final InetSocketAddress address;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.address = new InetSocketAddress("127.0.0.1", port);
    }

    static ServerProcess start(Path root, int maxWaiting, List<String> jvmArgs) throws Exception {
        List<String> command = new ArrayList<>();
        if (onPath("taskset")) {
            command.addAll(List.of("taskset", "-c", "0"));
        } else {
            System.out.println("taskset not found: the server runs unpinned, sharing the cores with the generator");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", root.resolve("step3-backlog/target/classes").toString(), "livefeed.FeedServer",
                "--port", "0", "--static", root.resolve("static").toString(), "--max-waiting", String.valueOf(maxWaiting)));
        Process process = new ProcessBuilder(command)
                .redirectError(root.resolve("benchmark/target/server.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy)); // every way out, Ctrl-C included
        try {
            return new ServerProcess(process, portPrinted(process).get(20, TimeUnit.SECONDS));
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

    /** Heap in use, garbage included, from the JDK's jstat: the used parts of survivors, eden and old. */
    String heapUsed() {
        try {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", String.valueOf(pid())).redirectErrorStream(true).start();
            if (!jstat.waitFor(10, TimeUnit.SECONDS)) {
                jstat.destroyForcibly();
                return "n/a";
            }
            String[] lines = new String(jstat.getInputStream().readAllBytes()).trim().split("\n");
            List<String> names = List.of(lines[0].trim().split("\\s+"));
            String[] values = lines[1].trim().split("\\s+");
            double kilobytes = 0;
            for (String used : List.of("S0U", "S1U", "EU", "OU")) {
                kilobytes += Double.parseDouble(values[names.indexOf(used)]);
            }
            return Math.round(kilobytes / 1024) + " MB";
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "n/a";
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
    private static CompletableFuture<Integer> portPrinted(Process process) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = process.inputReader()) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = URL.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // the server is gone: reported below
            }
            port.completeExceptionally(new IOException("the server stopped without printing its URL: see benchmark/target/server.log"));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return port;
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
