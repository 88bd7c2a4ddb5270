package livefeed;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Step 6's demo as a learner runs it, seen from outside: its main in a JVM of its own, and only what it
 * prints (the URL, Redis's port, the feed servers' ports, where their logs are). Written without the
 * step's main code: the classpath is the one Maven writes for the demo (target/runtime-classpath.txt),
 * and a process is found by the port it listens on (ss), as a learner would find the one to kill -9.
 */
final class ContractDemo implements AutoCloseable {

    private static final Pattern PORTS = Pattern.compile(
            "Redis on 127\\.0\\.0\\.1:(\\d+) \\(its files: .*\\); feed servers on \\[(.*)\\] \\(their logs: (.*)\\)");
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");

    private final Process process;
    private final List<String> output;
    final URI url;
    final int redisPort;
    final List<Integer> feedServerPorts;
    final Path logs;

    private ContractDemo(Process process, List<String> output, URI url, int redisPort, List<Integer> feedServerPorts, Path logs) {
        this.process = process;
        this.output = output;
        this.url = url;
        this.redisPort = redisPort;
        this.feedServerPorts = feedServerPorts;
        this.logs = logs;
    }

    /** Starts the demo with these options (after its own free ports and work dir) and waits for its URL. */
    static ContractDemo start(String password, String... options) throws IOException {
        int nginxPort = TestRedis.freePort();
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "contract-client").toAbsolutePath()), "demo");
        workDir.toFile().setReadable(true, false); // nginx's worker may run as nobody
        workDir.toFile().setExecutable(true, false);
        List<String> command = new ArrayList<>(List.of(FeedServerProcess.javaBinary(),
                "-cp", FeedServerProcess.classpath(), "livefeed.ScaleOutDemo", "--nginx-port", String.valueOf(nginxPort), "--port", "0",
                "--redis-port", String.valueOf(TestRedis.freePort()), "--work-dir", workDir.toString()));
        command.addAll(Arrays.asList(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FEED_ADMIN_PASSWORD", password);
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        FeedServerProcesses.collectOutput(process, output, "contract-demo-output");

        String urlLine = "Live feed through nginx at http://127.0.0.1:" + nginxPort + "/ ";
        await().atMost(Duration.ofSeconds(30)).failFast("the demo stopped: " + output, () -> !process.isAlive())
                .until(() -> output.stream().anyMatch(line -> line.startsWith(urlLine)));
        Matcher ports = output.stream().map(PORTS::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError("no line with Redis's and the feed servers' ports in " + output));
        List<Integer> feedServerPorts = Arrays.stream(ports.group(2).split(", "))
                .map(address -> Integer.valueOf(address.substring(address.lastIndexOf(':') + 1))).toList();
        return new ContractDemo(process, output, URI.create("http://127.0.0.1:" + nginxPort + "/"),
                Integer.parseInt(ports.group(1)), feedServerPorts, Path.of(ports.group(3)));
    }

    /** What the demo printed so far, for a failure's message. */
    List<String> output() {
        return List.copyOf(output);
    }

    /** The process listening on this loopback port, which must be one the demo started (never another's). */
    ProcessHandle listeningOn(int port) throws IOException, InterruptedException {
        String answer = ss("-Hltnp", "sport = :" + port);
        Matcher pid = PID.matcher(answer);
        if (!pid.find()) {
            throw new AssertionError("ss names no process listening on port " + port + ": " + answer);
        }
        long found = Long.parseLong(pid.group(1));
        return process.descendants().filter(child -> child.pid() == found).findFirst()
                .orElseThrow(() -> new AssertionError("port " + port + " belongs to pid " + found + ", not to the demo"));
    }

    /** How many connections are established to this loopback port (nginx's to a feed server, say). */
    static long connectionsTo(int port) throws IOException, InterruptedException {
        String answer = ss("-Htn", "state", "established", "dport = :" + port);
        return answer.lines().filter(line -> !line.isBlank()).count();
    }

    /** What Linux's ss (iproute2) says; without it the test is skipped, or fails when CI is set. */
    private static String ss(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ss"));
        command.addAll(List.of(args));
        Process ss;
        try {
            ss = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            String message = "ss is not installed: sudo apt-get install -y iproute2 (it finds a process by its port; Linux only)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + " (CI is set: this test must run)", missing);
            }
            Assumptions.abort(message);
            throw missing; // not reached: abort throws
        }
        String answer = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor(5, TimeUnit.SECONDS);
        return answer;
    }

    /** Kill -9: the process gets no chance to answer anyone. */
    static void killHard(ProcessHandle victim) {
        victim.destroyForcibly(); // SIGKILL on Linux
        await().atMost(Duration.ofSeconds(10)).until(() -> !victim.isAlive());
    }

    /** What every feed server's log says, each file as a list of lines, in the order of the printed ports. */
    List<List<String>> feedServerLogs() throws IOException {
        List<List<String>> all = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                all.add(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    /** Stops it as Ctrl-C does; whatever still runs after 20 s is killed. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
