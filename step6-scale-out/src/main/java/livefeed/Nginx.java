package livefeed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx, run as a child process with its own config and prefix folder: it needs no root
 * and touches no system file. Start it, stop it; if it cannot start, the message says why.
 * NginxBinary finds the program.
 */
final class Nginx {

    private final Path binary;
    private final Process process;
    private final Path workDir;

    private Nginx(Path binary, Process process, Path workDir) {
        this.binary = binary;
        this.process = process;
        this.workDir = workDir;
    }

    /** Writes the config, has nginx check it (nginx -t), then starts nginx and waits until it listens. */
    static Nginx start(Path binary, NginxConfig config, String htpasswd) throws IOException, InterruptedException {
        Path workDir = config.workDir().toAbsolutePath().normalize();
        Files.createDirectories(workDir.resolve("temp"));
        // Started by root, nginx runs its worker as "nobody", which must still read the password file.
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(workDir.resolve("nginx.conf"), config.render());
        Files.writeString(workDir.resolve("htpasswd"), htpasswd);
        Files.deleteIfExists(workDir.resolve("nginx.pid"));

        Process check = command(binary, workDir, "-t", "-q").redirectErrorStream(true).start();
        String problems = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (check.waitFor() != 0) {
            throw new IOException("nginx refused the config in " + workDir.resolve("nginx.conf") + ": " + problems);
        }
        Process process = command(binary, workDir)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("nginx.out").toFile())
                .start();
        Nginx nginx = new Nginx(binary, process, workDir);
        nginx.awaitStarted();
        return nginx;
    }

    /**
     * nginx writes its process id into the pid file once it has opened its port (the file itself
     * may appear, empty, a moment before). If nginx exits first, its error log says why.
     */
    private void awaitStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Path pidFile = workDir.resolve("nginx.pid");
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            if (!process.isAlive()) {
                throw new IOException("nginx could not start: " + lastError());
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IOException("nginx did not start within 10 s: " + lastError());
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    Process process() {
        return process;
    }

    /**
     * Why nginx stopped, from its error log: its first fatal ("emerg") line, such as "bind() to
     * 127.0.0.1:8080 failed (98: Address already in use)", else the last line.
     */
    String lastError() throws IOException {
        Path log = workDir.resolve("error.log");
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        if (lines.isEmpty()) {
            return "(nothing in " + log + ")";
        }
        String line = lines.stream().filter(l -> l.contains("[emerg]")).findFirst().orElse(lines.get(lines.size() - 1));
        return line.replaceFirst("^.*?\\[\\w+] (\\d+#\\d+: )?", "");
    }

    /**
     * "nginx -s quit": a graceful stop, in which nginx first passes on the answers still on their
     * way (such as the [] of polls the feed server answered as it stopped). Killed after 5 s.
     */
    void stop() throws InterruptedException {
        if (process.isAlive()) {
            try {
                command(binary, workDir, "-s", "quit").start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                process.destroy(); // cannot run nginx -s: SIGTERM, a fast stop
            }
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static ProcessBuilder command(Path binary, Path workDir, String... more) {
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "-p", workDir.toString(),                           // its prefix: relative paths start here
                "-e", workDir.resolve("error.log").toString(),      // errors before the config is read
                "-c", workDir.resolve("nginx.conf").toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command);
    }
}
