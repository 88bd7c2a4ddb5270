package livefeed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Feed servers as child JVMs, as the demo starts them (so that SIGKILL is real), each with its log under target/. */
final class FeedServerProcesses {

    private FeedServerProcesses() {
    }

    /** Starts them side by side on free ports and returns once every one has printed its URL. */
    static List<FeedServerProcess> start(int count, int redisPort, String... args) throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory(Files.createDirectories(Path.of("target", "feed-server-logs")), "run");
        List<FeedServerProcess> servers = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                servers.add(FeedServerProcess.start(0, redisPort, List.of(args), logs.resolve("feed-server-" + i + ".log")));
            }
            for (FeedServerProcess server : servers) {
                server.awaitStarted();
            }
            return servers;
        } catch (IOException | RuntimeException e) {
            FeedServerProcess.stopAll(servers);
            throw e;
        }
    }

    /** Adds what a child process prints (stdout, and stderr when redirected to it) to output, line by line, on a daemon thread. */
    static void collectOutput(Process process, List<String> output, String threadName) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException | UncheckedIOException closed) {
                // The process exited while a line was read, and Java closed its pipe: its output ends here.
            }
        }, threadName);
        reader.setDaemon(true);
        reader.start();
    }
}
