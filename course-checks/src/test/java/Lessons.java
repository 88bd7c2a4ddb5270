import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The steps, in the order of the root pom.xml, and what each one's LESSON.md says: the step it builds
 * on, and its lesson files, each with why it differs. A step's tree is its src/ folder, plus what its
 * pom.xml compiles from another step (a {@code <source>../stepN-.../src/...</source>}), at the same
 * place under src/: step 4 compiles step 3's src/main/java, so those files are step 4's too.
 */
final class Lessons {

    /**
     * Files that are copies of a step's file outside the step they build on: the browser tests' nginx
     * check, and what step 6 takes from step 4 to run nginx (step 6 builds on step 5, which has no nginx).
     */
    static final Map<String, String> COPIES = Map.of(
            "browser-tests/src/test/java/livefeed/NginxRequired.java", "step4-proxy/src/test/java/livefeed/NginxRequired.java",
            "step6-scale-out/src/test/java/livefeed/NginxRequired.java", "step4-proxy/src/test/java/livefeed/NginxRequired.java",
            "step6-scale-out/src/main/java/livefeed/Nginx.java", "step4-proxy/src/main/java/livefeed/Nginx.java",
            "step6-scale-out/src/main/java/livefeed/NginxBinary.java", "step4-proxy/src/main/java/livefeed/NginxBinary.java",
            "step6-scale-out/src/main/java/livefeed/Htpasswd.java", "step4-proxy/src/main/java/livefeed/Htpasswd.java",
            "step6-scale-out/src/main/java/livefeed/OpenFileLimit.java", "step4-proxy/src/main/java/livefeed/OpenFileLimit.java");

    private static final Pattern STEP_MODULE = Pattern.compile("<module>(step[0-9]+-[^<]+)</module>");
    private static final Pattern ADDED_SOURCE = Pattern.compile("<source>\\.\\./(step[0-9]+-[^<]+?)/src/([^<]+)</source>");
    private static final Pattern BUILDS_ON = Pattern.compile("(?m)^Builds on: (step[0-9]+-\\S+)");
    private static final Pattern ROW = Pattern.compile("^\\| *([^|]+?) *\\| *([^|]*?) *\\|$");
    /** The same marker lines that tools/lesson.sh leaves out. */
    private static final Pattern MARKER = Pattern.compile(
            "^\\s*(//|#|<!--)\\s*((tag|end)::\\S*\\[]\\s*(-->)?|(BEGIN|END) SOLUTION\\b.*)\\s*$");

    /** One row of a LESSON.md table: a file, a folder (ending in /) or a glob (with *), and why it differs. */
    record Entry(String path, String reason, int line) {

        boolean covers(String file) {
            if (path.endsWith("/")) {
                return file.startsWith(path);
            }
            if (path.contains("*")) {
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path);
                return glob.matches(Path.of(file));
            }
            return file.equals(path);
        }
    }

    /** A step and the step it builds on (null for the first), with its lesson files. */
    record Step(String name, String buildsOn, List<Entry> entries) {
    }

    /** A path under src/ that differs between a step and the one it builds on, and whether only marker lines differ. */
    record Difference(String path, boolean onlyMarkers) {
    }

    private Lessons() {
    }

    /** The step modules of the root pom.xml, in its order. */
    static List<String> stepNames(Path root) {
        List<String> names = new ArrayList<>();
        Matcher module = STEP_MODULE.matcher(read(root.resolve("pom.xml")));
        while (module.find()) {
            names.add(module.group(1));
        }
        return names;
    }

    /** The step's LESSON.md, read; a step without one builds on nothing (the first step). */
    static Step step(Path root, String name) {
        Path file = root.resolve(name).resolve("LESSON.md");
        if (!Files.exists(file)) {
            return new Step(name, null, List.of());
        }
        String text = read(file);
        Matcher buildsOn = BUILDS_ON.matcher(text);
        List<Entry> entries = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher row = ROW.matcher(lines.get(i).strip());
            if (row.matches() && !row.group(1).equals("file") && !row.group(1).startsWith("---")) {
                entries.add(new Entry(row.group(1).replace("`", ""), row.group(2), i + 1));
            }
        }
        return new Step(name, buildsOn.find() ? buildsOn.group(1) : null, entries);
    }

    /** Every file of the step's tree, by its path under the step ("src/main/java/livefeed/Feed.java"). */
    static Map<String, Path> tree(Path root, String step) {
        Map<String, Path> files = new TreeMap<>();
        addFiles(files, root.resolve(step).resolve("src"), "src/");
        Matcher added = ADDED_SOURCE.matcher(read(root.resolve(step).resolve("pom.xml")));
        while (added.find()) {
            addFiles(files, root.resolve(added.group(1)).resolve("src").resolve(added.group(2)), "src/" + added.group(2) + "/");
        }
        return files;
    }

    /** The paths that differ between the two trees: changed, added or gone. */
    static List<Difference> differences(Map<String, Path> earlier, Map<String, Path> later) {
        Set<String> paths = new TreeSet<>(earlier.keySet());
        paths.addAll(later.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String path : paths) {
            Path before = earlier.get(path);
            Path after = later.get(path);
            if (before == null || after == null) {
                differences.add(new Difference(path, false));
            } else if (!Arrays.equals(bytes(before), bytes(after))) {
                List<String> beforeLines = lines(before);
                List<String> afterLines = lines(after);
                boolean onlyMarkers = !beforeLines.equals(afterLines)
                        && withoutMarkers(beforeLines).equals(withoutMarkers(afterLines));
                differences.add(new Difference(path, onlyMarkers));
            }
        }
        return differences;
    }

    static List<String> withoutMarkers(List<String> lines) {
        return lines.stream().filter(line -> !MARKER.matcher(line).matches()).toList();
    }

    static List<String> lines(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8).lines().toList();
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static void addFiles(Map<String, Path> files, Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile)
                    .forEach(file -> files.put(prefix + folder.relativize(file).toString().replace('\\', '/'), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
