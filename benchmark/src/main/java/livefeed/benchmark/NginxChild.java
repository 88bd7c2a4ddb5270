package livefeed.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx as a child of one of the benchmark's launchers (NchanServer, ScaleOutServer), with its config,
 * pid, logs and temp files in a work folder of its own: no root, no system config.
 */
final class NginxChild {

    private NginxChild() {
    }

    /** The lines of an http block that keep nginx's temp files in the work folder. */
    static List<String> tempPaths(Path workDir) {
        String work = workDir.toString();
        return List.of(
                "    client_body_temp_path " + work + "/temp/body;",
                "    proxy_temp_path " + work + "/temp/proxy;",
                "    fastcgi_temp_path " + work + "/temp/fastcgi;",
                "    uwsgi_temp_path " + work + "/temp/uwsgi;",
                "    scgi_temp_path " + work + "/temp/scgi;");
    }

    /** Writes the config, has nginx check it, starts nginx and waits until it has written its pid (it listens then). */
    static Process start(Path nginx, Path work, String config) throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("temp"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x")); // nginx's worker is "nobody"
        Files.writeString(work.resolve("nginx.conf"), config);
        Files.deleteIfExists(work.resolve("nginx.pid"));
        Process check = command(nginx, work, "-t", "-q").redirectErrorStream(true).start();
        String problems = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (check.waitFor() != 0) {
            throw new IOException("nginx refused the config in " + work.resolve("nginx.conf") + ": " + problems);
        }
        Process process = command(nginx, work).redirectErrorStream(true)
                .redirectOutput(work.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Path pid = work.resolve("nginx.pid");
        while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop(process);
                throw new IOException("nginx did not start: see " + work.resolve("error.log"));
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        return process;
    }

    /** SIGTERM: nginx's fast stop, which closes the streams; killed if it is not gone within 5 s. */
    static void stop(Process nginx) {
        nginx.destroy();
        try {
            if (!nginx.waitFor(5, TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            nginx.destroyForcibly();
        }
    }

    private static ProcessBuilder command(Path nginx, Path work, String... more) {
        List<String> command = new ArrayList<>(List.of(nginx.toString(), "-p", work.toString(),
                "-e", work.resolve("error.log").toString(), "-c", work.resolve("nginx.conf").toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command);
    }
}
