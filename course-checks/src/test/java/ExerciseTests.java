import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test methods of the steps (and of the browser tests) that carry an exercise tag, read from their sources: which
 * exercise, which module, class and method, and what the learner reads (its @DisplayName).
 */
final class ExerciseTests {

    private static final Pattern TAG = Pattern.compile("@Tag\\(\\s*\"(ex[^\"]*)\"\\s*\\)");
    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:public\\s+|protected\\s+|private\\s+)?void\\s+(\\w+)\\s*\\(");
    private static final Pattern CLASS = Pattern.compile("^\\s*(?:\\w+\\s+)*(?:class|record|interface)\\s+\\w+");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    /** One tagged test method; where is "file:line" of its @Tag. */
    record TaggedTest(String id, String module, String className, String method, String displayName, String where) {

        /** Whether a testcase of a surefire report is (a run of) this test: the name is the method's, maybe with (args)[n]. */
        boolean isRunBy(String reportClassName, String reportName) {
            return reportClassName.equals(className) && (reportName.equals(method)
                    || reportName.startsWith(method + "(") || reportName.startsWith(method + "["));
        }
    }

    final List<TaggedTest> tests = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    static ExerciseTests read(Path root) {
        ExerciseTests tagged = new ExerciseTests();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().matches("step[0-9]+-.*|browser-tests")).sorted().toList()) {
                Path tests = module.resolve("src/test/java");
                if (!Files.isDirectory(tests)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(tests)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        tagged.readFile(root, module.getFileName().toString(), file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tagged;
    }

    private void readFile(Path root, String module, Path file) throws IOException {
        String text = Files.readString(file);
        Matcher packageName = PACKAGE.matcher(text);
        String prefix = packageName.find() ? packageName.group(1) + "." : "";
        String className = prefix + file.getFileName().toString().replace(".java", "");
        List<String> lines = List.of(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            Matcher tag = TAG.matcher(lines.get(i));
            if (!tag.find()) {
                continue;
            }
            String where = root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1);
            int declaration = i;
            while (declaration < lines.size() && !METHOD.matcher(lines.get(declaration)).find()
                    && !CLASS.matcher(lines.get(declaration)).find()) {
                declaration++;
            }
            Matcher method = declaration < lines.size() ? METHOD.matcher(lines.get(declaration)) : null;
            if (method == null || !method.find()) {
                problems.add(where + ": tag test methods with exercises, not classes: the report of a class-wide tag"
                        + " cannot be told apart");
                continue;
            }
            tests.add(new TaggedTest(tag.group(1), module, className, method.group(1),
                    displayName(lines, i, declaration), where));
        }
    }

    /** The @DisplayName among the annotations of the method: from the end of the member above to the declaration. */
    private static String displayName(List<String> lines, int tagLine, int declaration) {
        int start = tagLine;
        while (start > 0) {
            String above = lines.get(start - 1).strip();
            if (above.isEmpty() || above.endsWith(";") || above.endsWith("}") || above.endsWith("{") || above.endsWith("*/")) {
                break;
            }
            start--;
        }
        Matcher name = DISPLAY_NAME.matcher(String.join("\n", lines.subList(start, declaration + 1)));
        return name.find() ? name.group(1) : null;
    }
}
