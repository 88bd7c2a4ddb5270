package livefeed.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether nginx is installed, for the steps that run behind it: the benchmark's one place that looks. */
final class Nginx {

    private static final List<String> PLACES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx",
            "/usr/local/nginx/sbin/nginx", "/opt/homebrew/bin/nginx", "/usr/local/bin/nginx");

    private Nginx() {
    }

    static boolean installed() {
        return ServerProcess.onPath("nginx") || PLACES.stream().anyMatch(place -> Files.isExecutable(Path.of(place)));
    }
}
