package livefeed;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One feed server as a JVM of its own (java -cp ... livefeed.FeedServer), the way it would run on its
 * own machine: killing it kills nothing else. What it prints goes to its log file. The demo starts
 * several; the fault tests kill them. The thread that starts it sets its port in awaitStarted(), before
 * it hands the object to any other thread; after that nothing in it changes.
 */
final class FeedServerProcess {

    /** The first line a feed server prints, with the port it got (--port 0 lets it pick a free one). */
    private static final Pattern STARTED = Pattern.compile("^Live feed at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final long START_WITHIN_SECONDS = 20;
    /** How long a feed server may take to answer its waiting clients and end its streams after SIGTERM. */
    private static final long STOP_WITHIN_SECONDS = 10;

    private final Process process;
    private final Path log;
    private int port;

    private FeedServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    // tag::feed-server-as-a-child-jvm[]
    /**
     * Starts a feed server on 127.0.0.1:port (0: any free port), following the Redis on redisPort, with
     * more of its options (--poll-timeout 30 ...). Returns at once: awaitStarted() waits for it, so that
     * several start side by side.
     */
    static FeedServerProcess start(int port, int redisPort, List<String> moreArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", classpath(),
                "livefeed.FeedServer", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--redis-port", String.valueOf(redisPort)));
        command.addAll(moreArgs);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()) // the learner's console stays readable; the log says what went wrong
                .start();
        return new FeedServerProcess(process, log);
    }
    // end::feed-server-as-a-child-jvm[]

    /** Waits until the server prints its URL; if it exits first, the exception carries its last log line. */
    FeedServerProcess awaitStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_WITHIN_SECONDS);
        Optional<Integer> started;
        while ((started = portFromLog()).isEmpty()) {
            if (!process.isAlive()) {
                throw new IOException("a feed server stopped as it started: " + lastLogLine() + " (its log: " + log.toAbsolutePath().normalize() + ")");
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IOException("a feed server did not start within " + START_WITHIN_SECONDS + " s (its log: " + log.toAbsolutePath().normalize() + ")");
            }
            process.waitFor(50, TimeUnit.MILLISECONDS); // returns at once if it exits
        }
        port = started.get();
        return this;
    }

    private Optional<Integer> portFromLog() throws IOException {
        for (String line : logLines()) {
            Matcher url = STARTED.matcher(line);
            if (url.find()) {
                return Optional.of(Integer.parseInt(url.group(1)));
            }
        }
        return Optional.empty();
    }

    /** Such as "error: port 8002 is in use (is another feed server running?): ...". */
    String lastLogLine() throws IOException {
        List<String> lines = logLines();
        return lines.isEmpty() ? "(nothing in its log)" : lines.get(lines.size() - 1);
    }

    private List<String> logLines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    int port() {
        return port;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    /** SIGTERM, as Ctrl-C: its shutdown hook answers every waiting poll with [] and ends every stream. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_WITHIN_SECONDS, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Stops them all at once: each answers its own clients meanwhile. */
    static void stopAll(List<FeedServerProcess> feedServers) throws InterruptedException {
        feedServers.forEach(feedServer -> feedServer.process.destroy());
        for (FeedServerProcess feedServer : feedServers) {
            feedServer.stop();
        }
    }

    /** SIGKILL: a crash. No hook runs; its clients see their connections close without an answer. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The java program that runs this JVM: the children run on the same one. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This module's classes, and the jars they need (Jedis ...), which Maven lists in target/runtime-classpath.txt. */
    static String classpath() throws IOException {
        Path moduleDir = moduleDir();
        Path classes = moduleDir.resolve("target").resolve("classes");
        Path jars = moduleDir.resolve("target").resolve("runtime-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.exists(jars)) {
            throw new IOException("step 6 is not built: run mvn -q -pl step6-scale-out compile exec:java from the repository root");
        }
        return classes.toAbsolutePath() + File.pathSeparator + Files.readString(jars).strip();
    }

    /** This module's folder, whether the demo runs from the repository root or from the module. */
    static Path moduleDir() {
        Path module = Path.of("step6-scale-out");
        return Files.isDirectory(module) ? module : Path.of(".");
    }
}
