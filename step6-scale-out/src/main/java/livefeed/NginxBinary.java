package livefeed;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the nginx program is: the one place that knows. ProxyDemo asks here, and so do step 4's
 * tests and the browser tests (public for those: they live in another module).
 */
public final class NginxBinary {

    public static final String INSTALL_HINT = "nginx is not installed: sudo apt-get install -y nginx (Debian, Ubuntu)"
            + " or brew install nginx (macOS)";
    /** Where packages put it: often not on a user's PATH (Debian's /usr/sbin is root's). */
    private static final List<String> USUAL_PLACES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx",
            "/usr/local/nginx/sbin/nginx", "/opt/homebrew/bin/nginx", "/usr/local/bin/nginx");

    private NginxBinary() {
    }

    /** The nginx program: the first on the PATH, else the first in a usual place; empty when there is none. */
    public static Optional<Path> find() {
        Stream<String> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> dir + "/nginx");
        return Stream.concat(onPath, USUAL_PLACES.stream())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }
}
