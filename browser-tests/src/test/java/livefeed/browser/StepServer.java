package livefeed.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * One step's server, run as a child process: {@code java -cp <step>/target/classes livefeed.FeedServer ...}.
 * Not in this JVM, because every step has its own class livefeed.FeedServer. Its output goes to
 * target/servers/, and we read the URL it prints from there.
 */
final class StepServer {

    static final String ADMIN_PASSWORD = "browser-tests-secret";
    /** "Live feed at http://127.0.0.1:PORT/ ...", or in step 4 "Live feed through nginx at ...". */
    private static final Pattern URL_LINE = Pattern.compile("^Live feed (?:through nginx )?at (http://\\S+/)", Pattern.MULTILINE);
    private static final Path LOGS = Path.of("target", "servers");
    private static final AtomicInteger STARTED = new AtomicInteger();

    private final Step step;
    private final List<String> options;
    private final Process process;
    private final URI url;

    private StepServer(Step step, List<String> options, Process process, URI url) {
        this.step = step;
        this.options = options;
        this.process = process;
        this.url = url;
    }

    /** Starts the step on a free port; options such as "--backlog", "3" go to its command line. */
    static StepServer start(Step step, String... options) {
        return launch(step, List.of(options), 0);
    }

    /** The same step with the same options, on the port the stopped one had: pages that were open find it again. */
    StepServer startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException("stop the server before starting it again");
        }
        return launch(step, options, url.getPort());
    }

    /** The live feed page. */
    URI url() {
        return url;
    }

    /** The admin page; in step 4, with nginx's user and password in the URL, as a browser cannot answer a prompt headless. */
    URI adminPage() {
        if (step != Step.NGINX) {
            return url.resolve("admin.html");
        }
        return URI.create("http://admin:" + ADMIN_PASSWORD + "@" + url.getAuthority() + "/admin.html");
    }

    /**
     * SIGTERM, as Ctrl-C would: the server's shutdown hook answers the waiting polls, and step 4's
     * also stops its nginx. Whatever is still running after 10 s is killed.
     */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList(); // nginx, in step 4
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL: the server gets no chance to end anything cleanly, as when its machine goes down. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static StepServer launch(Step step, List<String> options, int port) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",  // starts faster; these servers answer a few dozen requests
                "-cp", step.classes().toString(), step.mainClass));
        if (step == Step.NGINX) {
            // ProxyDemo takes the pages from ../static and writes nginx's files to target/nginx:
            // run from browser-tests/, both are where they should be.
            command.addAll(List.of("--nginx-port", String.valueOf(port == 0 ? freePort() : port), "--port", "0"));
        } else {
            command.addAll(List.of("--port", String.valueOf(port),
                    "--static", Step.REPOSITORY.resolve("static").toString()));
        }
        command.addAll(options);

        Path log = LOGS.resolve(STARTED.incrementAndGet() + "-" + step.module + ".log");
        Process process;
        try {
            Files.createDirectories(LOGS);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("FEED_ADMIN_PASSWORD", ADMIN_PASSWORD); // only step 4 reads it
            ChildProcesses.endWhenTheTestsEnd();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> urlIn(log).isPresent() || !process.isAlive());
        Optional<URI> url = urlIn(log);
        if (url.isEmpty()) {
            fail(step.module + " did not start (exit status " + process.exitValue() + "): " + read(log)
                    + "\ncommand: " + String.join(" ", command));
        }
        return new StepServer(step, options, process, url.get());
    }

    private static Optional<URI> urlIn(Path log) {
        Matcher line = URL_LINE.matcher(read(log));
        return line.find() ? Optional.of(URI.create(line.group(1))) : Optional.empty();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on right now, for nginx (the feed servers take --port 0 and say which they got). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
