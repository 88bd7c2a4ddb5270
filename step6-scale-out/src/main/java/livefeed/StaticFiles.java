package livefeed;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the pages in static/, and nothing outside it. Every step serves the same files;
 * {@code /client.js} is the one name that differs: it is the technique script of this step.
 */
final class StaticFiles {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final Path root;
    private final String clientScript;

    StaticFiles(Path root, String clientScript) throws IOException {
        this.root = root.toRealPath();
        this.clientScript = clientScript;
    }

    void handle(HttpExchange exchange) throws IOException, HttpError {
        Path file = resolve(exchange.getRequestURI().getPath());
        if (file == null) {
            throw new HttpError(404, "nothing here: try / for the live feed or /admin.html");
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            throw new HttpError(405, "pages are read with GET");
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        Responses.send(exchange, 200, contentType(file), Files.readAllBytes(file));
    }

    /**
     * The file a URL path names, or null. Walks the path one segment at a time and refuses
     * anything that could leave the root: "..", empty segments, hidden files and symbolic links.
     */
    private Path resolve(String urlPath) {
        if (urlPath == null || !urlPath.startsWith("/")) {
            return null;
        }
        String name = switch (urlPath) {
            case "/" -> "index.html";
            case "/client.js" -> clientScript;
            default -> urlPath.substring(1);
        };
        try {
            Path file = root;
            for (String segment : name.split("/", -1)) {
                if (segment.isEmpty() || segment.startsWith(".") || segment.contains("\\")) {
                    return null;
                }
                file = file.resolve(segment);
                if (Files.isSymbolicLink(file)) {
                    return null;
                }
            }
            boolean inside = file.normalize().startsWith(root);
            return inside && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? file : null;
        } catch (InvalidPathException e) {
            return null; // e.g. a NUL byte in the name
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
