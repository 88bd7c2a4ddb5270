import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The two sides of a quote: the tagged regions of the sources ({@code // tag::name[]} ...
 * {@code // end::name[]}, or with {@code #} or {@code <!-- -->}), and the blocks of tutorial.md
 * that quote them ({@code <!-- snippet: path#name -->} above the block, a link to the file below).
 * Whatever it cannot read exactly goes into {@link #problems}, with the file and line.
 */
final class Snippets {

    /** A marker line: the whole line is the comment, with nothing else on it. */
    private static final Pattern TAG_MARKER =
            Pattern.compile("^\\s*(?://|#|<!--)\\s*(tag|end)::(\\S*?)\\[]\\s*(?:-->)?\\s*$");
    /** Anything that looks like a marker, so that a misspelt one is reported rather than quoted. */
    private static final Pattern LOOKS_LIKE_TAG_MARKER = Pattern.compile("^\\s*(?://|#|<!--)\\s*(tag|end)::");
    /** An exercise's answer and fix markers are not part of the code a block quotes either. */
    private static final Pattern ANSWER_MARKER = Pattern.compile("^\\s*(?://|#)\\s*(BEGIN|END) (SOLUTION|FIX)\\b");
    /** Lower-case words joined by '-'. */
    private static final Pattern TAG_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** A name that counts instead of saying what the code does: snippet-3, part2, block-12. */
    private static final Pattern NUMBERED = Pattern.compile("(^|-)[a-z]*-?[0-9]{1,2}$");
    private static final Pattern SNIPPET_MARKER = Pattern.compile("^<!-- snippet: (\\S+)#(\\S+) -->$");
    private static final Pattern LOOKS_LIKE_SNIPPET_MARKER = Pattern.compile("^\\s*<!--\\s*snippet");
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern LINK = Pattern.compile("^\\[[^]]+]\\(([^)\\s]+)\\)");
    /** The old way to name a quoted file: a path in backquotes alone on its line, above the block. */
    private static final Pattern PATH_LINE = Pattern.compile("^`[\\w./-]+\\.(java|js|xml|template)`$");
    /** Code in these languages is always quoted from a source, so its block needs a marker. */
    private static final Set<String> QUOTED_LANGUAGES = Set.of("java", "js", "nginx", "xml");
    /** Diagrams are drawn in the tutorial itself, not quoted from a source: no marker, nothing to compare. */
    static final Set<String> DRAWN_LANGUAGES = Set.of("mermaid");
    private static final Set<String> SOURCE_EXTENSIONS = Set.of("java", "js", "xml", "template", "html", "css");
    /** Build output, version control, and this module, whose tests spell markers out in strings. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".idea", ".vscode", "node_modules",
            "course-checks");

    /** One tagged region, its lines without any marker line and with their common indent removed. */
    record Region(String file, String name, int line, List<String> lines) {
    }

    /** One quoting block of the tutorial: the marker's line, what it names, and the block's lines. */
    record Quote(int line, String file, String tag, int blockLine, List<String> lines) {
    }

    final List<Region> regions = new ArrayList<>();
    final List<Quote> quotes = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    private final Path root;

    private Snippets(Path root) {
        this.root = root;
    }

    /** Reads every source under root and root/tutorial.md. */
    static Snippets read(Path root) {
        return read(root, root.resolve("tutorial.md"));
    }

    /** Reads every source under root, and the quotes of the given tutorial. */
    static Snippets read(Path root, Path tutorial) {
        Snippets snippets = new Snippets(root);
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !skipped(root.relativize(file)))
                    .filter(file -> SOURCE_EXTENSIONS.contains(extension(file)))
                    .sorted()
                    .forEach(snippets::readRegions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        snippets.readQuotes(tutorial);
        return snippets;
    }

    Path root() {
        return root;
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private void readRegions(Path file) {
        String where = slashes(root.relativize(file));
        List<String> lines = lines(file);
        record Open(String name, int line, List<String> lines) {
        }
        List<Open> open = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            Matcher marker = TAG_MARKER.matcher(line);
            if (!marker.matches()) {
                if (LOOKS_LIKE_TAG_MARKER.matcher(line).find()) {
                    problems.add(where + ":" + number + ": a tag marker must be alone on its line and read"
                            + " // tag::name[] or // end::name[] (or with # or <!-- -->), not: " + line.strip());
                } else if (!ANSWER_MARKER.matcher(line).find()) {
                    open.forEach(region -> region.lines.add(line));
                }
                continue;
            }
            String name = marker.group(2);
            if (marker.group(1).equals("tag")) {
                if (!TAG_NAME.matcher(name).matches() || NUMBERED.matcher(name).find()) {
                    problems.add(where + ":" + number + ": the tag '" + name + "' should be lower-case words joined by"
                            + " '-', named for what the code does (such as park-the-poll), not numbered");
                }
                if (!seen.add(name)) {
                    problems.add(where + ":" + number + ": the tag '" + name + "' is used twice in this file");
                }
                open.add(new Open(name, number, new ArrayList<>()));
            } else {
                Open region = open.stream().filter(o -> o.name.equals(name)).findFirst().orElse(null);
                if (region == null) {
                    problems.add(where + ":" + number + ": end::" + name + "[] closes no open tag::" + name + "[]");
                    continue;
                }
                open.remove(region);
                if (region.lines.stream().allMatch(String::isBlank)) {
                    problems.add(where + ":" + region.line + ": the tag '" + name + "' holds no code");
                }
                regions.add(new Region(where, name, region.line, dedent(region.lines)));
            }
        }
        for (Open region : open) {
            problems.add(where + ":" + region.line + ": tag::" + region.name + "[] is never closed (no end::"
                    + region.name + "[] below it)");
        }
    }

    private void readQuotes(Path tutorial) {
        List<String> lines = lines(tutorial);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            Matcher marker = SNIPPET_MARKER.matcher(line);
            if (!marker.matches()) {
                if (LOOKS_LIKE_SNIPPET_MARKER.matcher(line).find()) {
                    problems.add("tutorial.md:" + number + ": a snippet marker reads <!-- snippet: path#tag -->, not: " + line);
                }
                Matcher fence = FENCE.matcher(line);
                if (fence.matches() && !fence.group(1).isEmpty()) {
                    int previous = previousNonBlank(lines, i);
                    if (previous >= 0 && PATH_LINE.matcher(lines.get(previous)).matches()) {
                        problems.add("tutorial.md:" + number + ": this block names its file in a plain line above it;"
                                + " quote a tagged region instead: <!-- snippet: path#tag -->");
                    } else if (DRAWN_LANGUAGES.contains(fence.group(1))) {
                        // A diagram (see DRAWN_LANGUAGES): nothing to check against a source.
                    } else if (QUOTED_LANGUAGES.contains(fence.group(1))) {
                        problems.add("tutorial.md:" + number + ": a ```" + fence.group(1) + " block quotes code, so it"
                                + " needs a <!-- snippet: path#tag --> marker above it");
                    }
                    i = closingFence(lines, i);
                }
                continue;
            }
            String file = marker.group(1);
            int open = nextNonBlank(lines, i);
            if (open >= 0 && FENCE.matcher(lines.get(open)).matches()
                    && DRAWN_LANGUAGES.contains(FENCE.matcher(lines.get(open)).replaceAll("$1"))) {
                problems.add("tutorial.md:" + number + ": a ```" + FENCE.matcher(lines.get(open)).replaceAll("$1")
                        + " block is a diagram drawn here, not a quote: remove the snippet marker above it");
                i = closingFence(lines, open);
                continue;
            }
            if (open < 0 || !FENCE.matcher(lines.get(open)).matches() || FENCE.matcher(lines.get(open)).replaceAll("$1").isEmpty()) {
                problems.add("tutorial.md:" + number + ": the marker for " + file + "#" + marker.group(2)
                        + " must be followed by a code block with its language, such as ```java");
                continue;
            }
            int close = closingFence(lines, open);
            if (close >= lines.size()) {
                problems.add("tutorial.md:" + (open + 1) + ": this code block is never closed");
                return;
            }
            quotes.add(new Quote(number, file, marker.group(2), open + 2, List.copyOf(lines.subList(open + 1, close))));
            int link = nextNonBlank(lines, close);
            Matcher target = link < 0 ? null : LINK.matcher(lines.get(link));
            if (target == null || !target.find() || !target.group(1).equals(file)) {
                problems.add("tutorial.md:" + (close + 1) + ": the block quoting " + file + "#" + marker.group(2)
                        + " must be followed by a link to its file: [" + shortName(file) + "](" + file + ")");
            }
            i = close;
        }
    }

    /** step2-long-polling/src/main/java/livefeed/Feed.java becomes step2-long-polling/.../Feed.java. */
    static String shortName(String file) {
        String[] parts = file.split("/");
        return parts.length <= 3 ? file : parts[0] + "/.../" + parts[parts.length - 1];
    }

    private static int closingFence(List<String> lines, int open) {
        int i = open + 1;
        while (i < lines.size() && !lines.get(i).equals("```")) {
            i++;
        }
        return i;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int previousNonBlank(List<String> lines, int from) {
        for (int i = from - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** The lines without the indent they all share; blank lines count for nothing and become empty. */
    static List<String> dedent(List<String> lines) {
        int common = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min().orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(common)).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
