import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the workshop starter: a copy of this project in which the answer to every exercise is
 * replaced by a signpost. Run it from the repository root, with the JDK alone:
 * <pre>
 *   java tools/Starter.java ../my-workshop
 * </pre>
 * An answer is marked in the real sources, around the whole body of one method, by a line
 * {@code BEGIN SOLUTION exN.M: what to write} and a line {@code END SOLUTION}, each in a line
 * comment ({@code //} in Java and in the pages' scripts, {@code #} in nginx.conf.template). In the
 * starter the body becomes a TODO comment and {@code throw new UnsupportedOperationException("Exercise N.M: ...")}
 * ({@code throw new Error(...)} in a script), at the marker's indent, so the starter compiles and the
 * exercise's tests fail; an nginx answer becomes a TODO comment. Each exercise has tests tagged
 * {@code @Tag("exN.M")}: a step's own tests, or the browser tests for an answer in static/.
 * <p>
 * A test-first exercise's answer is the body of a test, in a step's src/test: the learner writes the
 * test, sees it fail on the starter's code, then fixes the code. The fix is marked in the step's main
 * code by {@code // BEGIN FIX exN.M} and {@code // END FIX}, and the starter leaves it out without a trace.
 * <p>
 * The starter's tutorial.md quotes the starter's code: a block that quotes a tagged region holding an
 * answer shows the signpost instead. The starter gets its own README.md, and is a git repository
 * with one first commit when git is on the PATH, so that {@code git diff} shows the learner's work.
 * <p>
 * It refuses, naming file and line, any marker it cannot strip exactly: nested, unclosed or
 * unopened markers, an id that is not exN.M or that no test is tagged with, a tag that names no
 * exercise, an answer that is not a whole method body. Then it writes nothing. It copies
 * everything but build output, version control, editor files and course-checks (the course's own
 * checks, which need the answers), and it never writes into a folder that holds anything.
 */
public class Starter {

    /** A line that looks like an answer marker, so that a misspelt one is refused, not copied. */
    private static final Pattern LOOKS_LIKE_MARKER =
            Pattern.compile("^\\s*(//|#)\\s*(BEGIN|END)\\s*(SOLUTION|FIX)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEGIN = Pattern.compile(
            "^(?<indent>\\s*)(?<comment>//|#) BEGIN SOLUTION(?: (?<id>\\S+?))?(?<colon>:(?: (?<hint>.*))?)?\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*(//|#) END SOLUTION\\s*$");
    /** The fix that a test-first exercise's test proves: gone from the starter without a trace. */
    private static final Pattern BEGIN_FIX = Pattern.compile("^\\s*// BEGIN FIX (?<id>\\S+)\\s*$");
    private static final Pattern END_FIX = Pattern.compile("^\\s*// END FIX\\s*$");
    private static final Pattern ID = Pattern.compile("ex(?<step>[1-9][0-9]*)\\.(?<number>[1-9][0-9]*)");
    private static final Pattern TEST_TAG = Pattern.compile("@Tag\\(\\s*\"(?<id>ex[^\"]*)\"\\s*\\)");
    private static final Pattern TAG_MARKER = Pattern.compile("^\\s*(//|#|<!--)\\s*(tag|end)::");
    private static final Pattern STEP_FOLDER = Pattern.compile("step(?<step>[0-9]+)-.*");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".idea", ".vscode", ".settings",
            "node_modules");
    private static final Set<String> SKIPPED_FILES = Set.of(".git", ".classpath", ".project", ".DS_Store");
    /** The course's own checks: they compare the tutorial with the answers, so they stay behind. */
    private static final String COURSE_CHECKS = "course-checks";
    /** The pages every step serves: an answer in their scripts is proved by the browser tests. */
    private static final String PAGES = "static";
    private static final String BROWSER_TESTS = "browser-tests";
    private static final String TUTORIAL = "tutorial.md";
    private static final String README = "README.md";
    private static final Set<String> SCANNED_EXTENSIONS = Set.of("java", "js", "template", "conf", "xml", "html",
            "css", "properties", "sh");

    public static void main(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println("usage: java tools/Starter.java TARGET_FOLDER   (from the repository root)\n"
                    + "Writes a copy of the project with every exercise's answer replaced by a TODO.");
            System.exit(2);
        }
        Path project = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(project.resolve("pom.xml")) || !Files.isRegularFile(project.resolve("tools/Starter.java"))) {
            System.err.println("error: run this from the repository root (the folder with pom.xml and tools/),"
                    + " such as: java tools/Starter.java ../my-workshop");
            System.exit(2);
        }
        try {
            Path target = Path.of(args[0]).toAbsolutePath().normalize();
            List<Answer> answers = write(project, target);
            System.out.println("Wrote the starter to " + target + ": " + answers.size()
                    + " exercises, each answer replaced by a TODO (in the code and in its tutorial.md),"
                    + " the fixes of test-first exercises left out.");
            for (Answer answer : answers) {
                System.out.println("  " + answer.title() + "  " + answer.file() + ":" + answer.begin() + "  " + answer.hint());
            }
            System.out.println(Git.firstCommit(target));
            if (!answers.isEmpty()) {
                Answer first = answers.get(0);
                System.out.println("Next: cd " + target + " && " + command(first)
                        + "   (red until you write " + first.title() + "; see its README.md and tutorial.md)");
            }
        } catch (Refused e) {
            System.err.println("error: no starter written; fix these markers first:");
            e.problems.forEach(problem -> System.err.println("  " + problem));
            System.exit(1);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The command that runs an exercise's tests, quietly: the test summary and the failures only. */
    static String command(Answer answer) {
        return "mvn -q -pl " + answer.module() + " test -Dgroups=" + answer.id();
    }

    /** One answer to strip: where it is, which exercise, what the signpost says. */
    record Answer(String id, String file, int begin, int end, String indent, String comment, String hint) {

        /** "Exercise 3.2" for ex3.2. */
        String title() {
            return "Exercise " + id.substring(2);
        }

        /** An answer that is a test: the learner writes the test first, then the fix that the starter leaves out. */
        boolean testFirst() {
            return file.contains("/src/test/");
        }

        /** The module whose tests prove it: the step's folder, such as step3-backlog; the browser tests for a page's script. */
        String module() {
            String folder = file.substring(0, file.indexOf('/'));
            return folder.equals(PAGES) ? BROWSER_TESTS : folder;
        }
    }

    /** The lines of a fix that a test-first exercise's test proves, such as ex3.4's: the starter leaves them out. */
    record Fix(String id, String file, int begin, int end) {
    }

    /** What the starter does to a file: lines begin to end (1-based, inclusive) become the replacement. */
    record Cut(int begin, int end, List<String> replacement) {

        static Cut of(Answer answer) {
            return new Cut(answer.begin(), answer.end(), signpost(answer).stream().map(line -> answer.indent() + line).toList());
        }

        static Cut of(Fix fix) {
            return new Cut(fix.begin(), fix.end(), List.of());
        }
    }

    /** What the project holds: its answers, the fixes of its test-first exercises, and the exercise ids its tests are tagged with. */
    record Scan(List<Answer> answers, List<Fix> fixes, Map<String, List<String>> testTags, List<String> problems) {
    }

    /** The starter could not be written; each problem reads "file:line: what is wrong". */
    static final class Refused extends Exception {

        final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }
    }

    /**
     * Scans the project, and only if every marker is sound, copies it to target with the answers stripped,
     * in the code and in the tutorial's quotes of it, with the starter's own README.md.
     */
    static List<Answer> write(Path project, Path target) throws IOException, Refused {
        project = project.toAbsolutePath().normalize();
        target = target.toAbsolutePath().normalize();
        Scan scan = soundScan(project, target);
        Map<String, List<Cut>> byFile = new TreeMap<>();
        scan.answers().forEach(answer -> byFile.computeIfAbsent(answer.file(), f -> new ArrayList<>()).add(Cut.of(answer)));
        scan.fixes().forEach(fix -> byFile.computeIfAbsent(fix.file(), f -> new ArrayList<>()).add(Cut.of(fix)));
        byFile.values().forEach(cuts -> cuts.sort(Comparator.comparingInt(Cut::begin))); // strip goes top down
        copy(project, target, byFile);
        Path tutorial = project.resolve(TUTORIAL);
        if (Files.isRegularFile(tutorial)) {
            Files.writeString(target.resolve(TUTORIAL),
                    TutorialQuotes.withoutAnswers(Files.readAllLines(tutorial, StandardCharsets.UTF_8), project, target, byFile));
        }
        Files.writeString(target.resolve(README), Readme.text(scan.answers(), project, Git.onPath().isPresent()));
        return scan.answers();
    }

    /**
     * A copy of the project with every answer in place and only the test-first exercises' fixes left out:
     * the learner's tree once every other exercise is done. The course checks build it to prove that each
     * test-first exercise's test fails without its fix.
     */
    static void writeWithoutFixes(Path project, Path target) throws IOException, Refused {
        project = project.toAbsolutePath().normalize();
        target = target.toAbsolutePath().normalize();
        Scan scan = soundScan(project, target);
        Map<String, List<Cut>> byFile = new TreeMap<>();
        scan.fixes().forEach(fix -> byFile.computeIfAbsent(fix.file(), f -> new ArrayList<>()).add(Cut.of(fix)));
        byFile.values().forEach(cuts -> cuts.sort(Comparator.comparingInt(Cut::begin)));
        copy(project, target, byFile);
    }

    /** The project's scan, once the target is checked and only if every marker is sound. */
    private static Scan soundScan(Path project, Path target) throws IOException, Refused {
        checkTarget(project, target);
        Scan scan = scan(project);
        if (!scan.problems().isEmpty()) {
            throw new Refused(scan.problems());
        }
        return scan;
    }

    /** Every answer and every exercise tag of the project, and what is wrong with them, in file order. */
    static Scan scan(Path project) throws IOException {
        List<Answer> answers = new ArrayList<>();
        List<Fix> fixes = new ArrayList<>();
        Map<String, List<String>> testTags = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> begun = new HashSet<>(); // ids of every BEGIN, even a refused one
        for (Path file : files(project)) {
            String name = slashes(project.relativize(file));
            String extension = name.substring(name.lastIndexOf('.') + 1);
            if (!SCANNED_EXTENSIONS.contains(extension)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException notText) {
                continue; // not UTF-8 text, so it holds no marker: it is copied as it is
            }
            MarkedFile marked = new MarkedFile(name, lines, problems, begun);
            answers.addAll(marked.answers());
            fixes.addAll(marked.fixes());
            if (extension.equals("java") && name.contains("/src/test/")) {
                for (int i = 0; i < lines.size(); i++) {
                    Matcher tag = TEST_TAG.matcher(lines.get(i));
                    while (tag.find()) {
                        String id = tag.group("id");
                        String where = name + ":" + (i + 1);
                        if (!ID.matcher(id).matches()) {
                            problems.add(where + ": @Tag(\"" + id + "\") is not an exercise id: use exN.M, such as ex3.2");
                        }
                        testTags.computeIfAbsent(id, unused -> new ArrayList<>()).add(where);
                    }
                }
            }
        }
        Map<String, Answer> byId = new LinkedHashMap<>();
        for (Answer answer : answers) {
            Answer other = byId.putIfAbsent(answer.id(), answer);
            if (other != null) {
                problems.add(answer.file() + ":" + answer.begin() + ": " + answer.id() + " is answered twice, here and at "
                        + other.file() + ":" + other.begin() + ": an exercise is one method");
            } else if (!testTags.containsKey(answer.id())) {
                problems.add(answer.file() + ":" + answer.begin() + ": unknown exercise " + answer.id()
                        + ": no test is tagged @Tag(\"" + answer.id() + "\"), so nothing would show it undone");
            }
        }
        testTags.forEach((id, places) -> {
            if (!byId.containsKey(id) && ID.matcher(id).matches() && !begun.contains(id)) { // else refused above
                places.forEach(where -> problems.add(where + ": @Tag(\"" + id + "\") names no exercise:"
                        + " no BEGIN SOLUTION " + id + " in the sources"));
            }
        });
        for (Fix fix : fixes) {
            Answer answer = byId.get(fix.id());
            if (answer == null || !answer.testFirst() || !answer.module().equals(fix.file().substring(0, fix.file().indexOf('/')))) {
                problems.add(fix.file() + ":" + fix.begin() + ": BEGIN FIX " + fix.id() + " fixes what a test-first exercise's"
                        + " test proves: answer " + fix.id() + " with the body of a test in this step's src/test");
            }
        }
        for (Answer answer : byId.values()) {
            if (answer.testFirst() && fixes.stream().noneMatch(fix -> fix.id().equals(answer.id()))) {
                problems.add(answer.file() + ":" + answer.begin() + ": the answer to " + answer.id() + " is a test, so it is"
                        + " a test-first exercise: mark the fix its test proves with // BEGIN FIX " + answer.id()
                        + " and // END FIX, or the starter would already pass it");
            }
        }
        answers.sort((a, b) -> compareIds(a.id(), b.id()));
        return new Scan(List.copyOf(answers), List.copyOf(fixes), testTags, problems);
    }

    /** A BEGIN SOLUTION line, read: where it is and what it says. The id and hint may be missing (then refused). */
    record Begin(int line, String indent, String comment, String id, boolean colon, String hint) {

        static Begin read(Matcher begin, int line) {
            String hint = begin.group("hint");
            return new Begin(line, begin.group("indent"), begin.group("comment"), begin.group("id"),
                    begin.group("colon") != null, hint == null ? "" : hint.strip());
        }
    }

    /** One scanned file: finds its answers, and adds to problems what is wrong with its markers. */
    static final class MarkedFile {

        private final String file;
        private final List<String> lines;
        private final List<String> problems;
        private final Set<String> begun;
        private final String kind;

        MarkedFile(String file, List<String> lines, List<String> problems, Set<String> begun) {
            this.file = file;
            this.lines = lines;
            this.problems = problems;
            this.begun = begun;
            this.kind = file.endsWith(".java") ? "java" : file.endsWith(".template") || file.endsWith(".conf") ? "nginx"
                    : file.endsWith(".js") && file.startsWith(PAGES + "/") ? "js" : "other";
        }

        /** The fixes marked in the file, each BEGIN FIX with its END FIX; what is wrong goes to problems. */
        List<Fix> fixes() {
            List<Fix> fixes = new ArrayList<>();
            int open = -1;
            String id = null;
            for (int i = 0; i < lines.size(); i++) {
                String where = file + ":" + (i + 1);
                if (open >= 0 && TAG_MARKER.matcher(lines.get(i)).find()) {
                    problems.add(where + ": a snippet tag inside the fix for " + id + " would vanish from the starter");
                }
                Matcher begin = BEGIN_FIX.matcher(lines.get(i));
                if (begin.matches()) {
                    if (open >= 0) {
                        problems.add(where + ": nested: BEGIN FIX inside the fix for " + id + " (opened at line " + (open + 1) + ")");
                    } else if (!kind.equals("java") || !file.contains("/src/main/") || !ID.matcher(begin.group("id")).matches()) {
                        problems.add(where + ": a fix is marked '// BEGIN FIX exN.M' in a step's src/main Java code");
                    } else {
                        open = i;
                        id = begin.group("id");
                    }
                } else if (END_FIX.matcher(lines.get(i)).matches()) {
                    if (open < 0) {
                        problems.add(where + ": END FIX without a BEGIN FIX above it");
                    } else if (lines.subList(open + 1, i).stream().allMatch(String::isBlank)) {
                        problems.add(file + ":" + (open + 1) + ": the fix for " + id + " is empty");
                    } else {
                        fixes.add(new Fix(id, file, open + 1, i + 1));
                    }
                    open = -1;
                }
            }
            if (open >= 0) {
                problems.add(file + ":" + (open + 1) + ": unclosed: BEGIN FIX " + id + " has no END FIX below it");
            }
            return fixes;
        }

        List<Answer> answers() {
            List<Answer> answers = new ArrayList<>();
            Begin open = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = file + ":" + (i + 1);
                if (open != null && TAG_MARKER.matcher(line).find()) {
                    problems.add(where + ": a snippet tag inside the answer to " + open.id()
                            + " would vanish from the starter: tag the whole method instead");
                }
                if (!LOOKS_LIKE_MARKER.matcher(line).find()) {
                    continue;
                }
                if (BEGIN_FIX.matcher(line).matches() || END_FIX.matcher(line).matches()) {
                    if (open != null) {
                        problems.add(where + ": a fix inside the answer to " + open.id() + ": keep them apart");
                    }
                    continue; // read by fixes()
                }
                Matcher beginLine = BEGIN.matcher(line);
                if (beginLine.matches()) {
                    Begin begin = Begin.read(beginLine, i + 1);
                    if (begin.id() != null) {
                        begun.add(begin.id());
                    }
                    if (open != null) {
                        problems.add(where + ": nested: BEGIN SOLUTION inside the answer to " + open.id()
                                + " (opened at line " + open.line() + "); close that one first with END SOLUTION");
                        continue;
                    }
                    String problem = beginProblem(begin);
                    if (problem != null) {
                        problems.add(where + ": " + problem);
                        continue;
                    }
                    open = begin;
                } else if (END.matcher(line).matches()) {
                    if (open == null) {
                        problems.add(where + ": END SOLUTION without a BEGIN SOLUTION above it");
                        continue;
                    }
                    String problem = bodyProblem(open.line() - 1, i, open.id());
                    if (problem != null) {
                        problems.add(file + ":" + open.line() + ": " + problem);
                    } else {
                        answers.add(new Answer(open.id(), file, open.line(), i + 1, open.indent(), open.comment(), open.hint()));
                    }
                    open = null;
                } else {
                    problems.add(where + ": not a marker this tool knows: write '// BEGIN SOLUTION exN.M: what to write'"
                            + " and '// END SOLUTION' exactly (# instead of // in nginx config), or '// BEGIN FIX exN.M'"
                            + " and '// END FIX', not: " + line.strip());
                }
            }
            if (open != null) {
                problems.add(file + ":" + open.line() + ": unclosed: BEGIN SOLUTION " + open.id()
                        + " has no END SOLUTION below it");
            }
            return answers;
        }

        private String beginProblem(Begin begin) {
            String id = begin.id();
            if (kind.equals("other")) {
                return "answers can be marked in .java files, in nginx config templates and in the pages' scripts"
                        + " (" + PAGES + "/*.js) only";
            }
            String comment = kind.equals("nginx") ? "#" : "//";
            if (!begin.comment().equals(comment)) {
                return "mark answers with " + comment + " comments in this file";
            }
            Matcher number = id == null ? null : ID.matcher(id);
            if (number == null || !number.matches()) {
                return "unknown exercise id '" + (id == null ? "" : id) + "': an id reads exN.M, such as ex3.2";
            }
            Matcher step = STEP_FOLDER.matcher(file.substring(0, Math.max(file.indexOf('/'), 0)));
            boolean inItsStep = step.matches() && step.group("step").equals(number.group("step"));
            if (!inItsStep && !kind.equals("js")) { // the pages serve every step
                return id + " is an exercise of step " + number.group("step") + ", but this file is not in that step's folder";
            }
            if (!begin.colon() || begin.hint().isEmpty()) {
                return "say in one line what to write, after a colon: BEGIN SOLUTION " + id + ": <what to write>";
            }
            return null;
        }

        /** An answer in code is the whole body of one method: the line before opens it, the line after closes it. */
        private String bodyProblem(int begin, int end, String id) {
            if (lines.subList(begin + 1, end).stream().allMatch(String::isBlank)) {
                return "the answer to " + id + " is empty";
            }
            if (kind.equals("nginx")) {
                return null;
            }
            int before = begin - 1;
            while (before >= 0 && lines.get(before).isBlank()) {
                before--;
            }
            String opening = before < 0 ? "" : lines.get(before);
            String closing = end + 1 < lines.size() ? lines.get(end + 1).strip() : "";
            if (!MethodOpening.opensABody(opening, kind.equals("java")) || !closing.equals("}")) {
                return "the answer to " + id + " must be the whole body of one method: the line above BEGIN SOLUTION"
                        + " must open the method ('... name(...) {') and the line below END SOLUTION must be its '}',"
                        + " so that the starter's throw compiles";
            }
            return null;
        }
    }

    /** Whether a line opens the body of a method (or a JavaScript function), not a block inside one. */
    static final class MethodOpening {

        /** Blocks inside a method: replacing their body by a throw would leave the code after them unreachable. */
        private static final Set<String> BLOCK_WORDS = Set.of("else", "do", "try", "finally");
        /** The same, when a parenthesis follows: 'synchronized (this) {' is a block, 'synchronized int next() {' a method. */
        private static final Set<String> CONDITION_WORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized");

        private MethodOpening() {
        }

        static boolean opensABody(String line, boolean java) {
            String code = line.strip();
            if (!code.endsWith("{") || !code.contains("(") || (java && code.contains("->"))) { // '->': a lambda's body
                return false;
            }
            if (code.startsWith("}")) { // '} else if (...) {', '} catch (...) {'
                code = code.substring(1).strip();
            }
            int wordEnd = 0;
            while (wordEnd < code.length() && Character.isLetter(code.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = code.substring(0, wordEnd);
            boolean condition = CONDITION_WORDS.contains(word) && code.substring(wordEnd).strip().startsWith("(");
            return !BLOCK_WORDS.contains(word) && !condition;
        }
    }

    private static void checkTarget(Path project, Path target) throws IOException {
        if (target.startsWith(project)) {
            boolean inBuildOutput = false;
            for (Path part : project.relativize(target)) {
                inBuildOutput |= SKIPPED_DIRECTORIES.contains(part.toString());
            }
            if (!inBuildOutput) {
                throw new IllegalArgumentException(target + " is inside the project: write the starter next to it,"
                        + " such as ../my-workshop");
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target)) {
                throw new IllegalArgumentException(target + " is a file: name a new folder");
            }
            try (Stream<Path> inside = Files.list(target)) {
                if (inside.findAny().isPresent()) {
                    throw new IllegalArgumentException(target + " is not empty: name a new folder"
                            + " (the starter never writes over your work)");
                }
            }
        }
    }

    /** The project's files that belong in a starter, in path order. */
    private static List<Path> files(Path project) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(project, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean courseChecks = dir.getParent() != null && dir.getParent().equals(project) && name.equals(COURSE_CHECKS);
                return !dir.equals(project) && (SKIPPED_DIRECTORIES.contains(name) || courseChecks)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (!SKIPPED_FILES.contains(name) && !name.endsWith(".iml") && !name.endsWith(".log")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static void copy(Path project, Path target, Map<String, List<Cut>> cutsByFile) throws IOException {
        for (Path file : files(project)) {
            String name = slashes(project.relativize(file));
            Path copy = target.resolve(project.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            List<Cut> cuts = cutsByFile.get(name);
            if (cuts != null) {
                Files.writeString(copy, strip(Files.readAllLines(file, StandardCharsets.UTF_8), cuts));
                copyPermissions(file, copy);
            } else if (name.equals("pom.xml")) {
                Files.writeString(copy, withoutCourseChecks(Files.readString(file)));
                copyPermissions(file, copy);
            } else {
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** The file's lines with each cut made: an answer, markers included, replaced by its signpost; a fix left out. */
    static String strip(List<String> lines, List<Cut> cuts) {
        StringBuilder text = new StringBuilder();
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            Cut cut = next < cuts.size() ? cuts.get(next) : null;
            if (cut != null && i + 1 == cut.begin()) {
                cut.replacement().forEach(line -> text.append(line).append('\n'));
                i = cut.end() - 1;
                next++;
                continue;
            }
            text.append(lines.get(i)).append('\n');
        }
        return text.toString();
    }

    /** A TODO comment and, in code, a throw that says the same, so the starter compiles and the exercise's tests fail. */
    static List<String> signpost(Answer answer) {
        String todo = answer.comment() + " TODO " + answer.title() + ": " + answer.hint();
        if (answer.comment().equals("#")) {
            return List.of(todo);
        }
        String message = (answer.title() + ": " + answer.hint()).replace("\\", "\\\\").replace("\"", "\\\"");
        String error = answer.file().endsWith(".js") ? "Error" : "UnsupportedOperationException";
        return List.of(todo, "throw new " + error + "(\"" + message + "\");");
    }

    /**
     * The starter's tutorial.md: a block that quotes a tagged region holding an answer quotes the starter's
     * region instead, signpost and all, so the learner meets no answer before its exercise. The blocks are
     * found by their snippet markers ({@code <!-- snippet: path#tag -->}), wherever the chapters put them.
     */
    static final class TutorialQuotes {

        private static final Pattern SNIPPET = Pattern.compile("^<!-- snippet: (?<file>\\S+)#(?<tag>\\S+) -->$");
        private static final Pattern REGION_MARKER =
                Pattern.compile("^\\s*(?://|#|<!--)\\s*(?<kind>tag|end)::(?<name>\\S*?)\\[]\\s*(?:-->)?\\s*$");

        private TutorialQuotes() {
        }

        static String withoutAnswers(List<String> tutorial, Path project, Path starter, Map<String, List<Cut>> cutsByFile)
                throws IOException {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < tutorial.size(); i++) {
                text.append(tutorial.get(i)).append('\n');
                Matcher snippet = SNIPPET.matcher(tutorial.get(i));
                if (!snippet.matches()) {
                    continue;
                }
                String file = snippet.group("file");
                int open = i + 1;
                while (open < tutorial.size() && tutorial.get(open).isBlank()) {
                    open++;
                }
                int close = open + 1;
                while (close < tutorial.size() && !tutorial.get(close).equals("```")) {
                    close++;
                }
                List<Cut> cuts = cutsByFile.getOrDefault(file, List.of());
                if (open >= tutorial.size() || !tutorial.get(open).startsWith("```") || close >= tutorial.size()
                        || !holdsAnAnswer(lines(project.resolve(file)), snippet.group("tag"), cuts)) {
                    continue; // no answer in it (or not a quote the course checks can read): left as it is
                }
                for (int line = i + 1; line <= open; line++) {
                    text.append(tutorial.get(line)).append('\n');
                }
                for (String line : region(lines(starter.resolve(file)), snippet.group("tag"))) {
                    text.append(line).append('\n');
                }
                text.append(tutorial.get(close)).append('\n');
                i = close;
            }
            return text.toString();
        }

        private static boolean holdsAnAnswer(List<String> source, String tag, List<Cut> cuts) {
            int[] span = span(source, tag);
            return span != null && cuts.stream().anyMatch(cut -> span[0] < cut.begin() && cut.end() < span[1]);
        }

        /** The region's lines, markers left out, without the indent they share, as the tutorial quotes them. */
        static List<String> region(List<String> source, String tag) {
            int[] span = span(source, tag);
            if (span == null) {
                return List.of();
            }
            List<String> lines = source.subList(span[0], span[1] - 1).stream()
                    .filter(line -> !REGION_MARKER.matcher(line).matches()).toList();
            int indent = lines.stream().filter(line -> !line.isBlank())
                    .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
            return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
        }

        /** The 1-based lines of tag::tag[] and end::tag[], or null when the source has no such region. */
        private static int[] span(List<String> source, String tag) {
            int start = -1;
            for (int i = 0; i < source.size(); i++) {
                Matcher marker = REGION_MARKER.matcher(source.get(i));
                if (marker.matches() && marker.group("name").equals(tag)) {
                    if (marker.group("kind").equals("tag")) {
                        start = i + 1;
                    } else if (start > 0) {
                        return new int[] {start, i + 1};
                    }
                }
            }
            return null;
        }

        private static List<String> lines(Path file) throws IOException {
            return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        }
    }

    /** The starter's own README.md: what it is, the first exercise, every exercise's command, the answers. */
    static final class Readme {

        private Readme() {
        }

        static String text(List<Answer> answers, Path project, boolean git) {
            StringBuilder text = new StringBuilder("""
                    # Live feed workshop: your starter

                    This is a copy of the live feed course in which the answer to each exercise is replaced by a
                    signpost: a `TODO` comment and a line that throws (a `# TODO` comment in nginx's config). The
                    course is `tutorial.md`; each chapter says when to try its exercises. You write each answer
                    until its tests pass. Do a chapter's exercises in order: an exercise's tests may need your
                    answers to the ones before it (its section says which), and a step's other tests need them all.

                    """);
            if (!answers.isEmpty()) {
                Answer first = answers.get(0);
                text.append("## The first exercise\n\nRead chapter 1 of this folder's `tutorial.md` (its code shows the signposts\n")
                        .append("where the answers were) up to where it says to try ").append(first.title())
                        .append(".\nThen run its tests, from this folder:\n\n```sh\n").append(command(first)).append("\n```\n\n")
                        .append("They fail, each with the signpost's message, until you write the answer at `")
                        .append(first.file()).append(":").append(first.begin()).append("`. Write it and run the same")
                        .append(" command again: it prints the test summary, and the failures if any.\n\n")
                        .append("## Every exercise\n\n| Exercise | Where | Its tests |\n| --- | --- | --- |\n");
                for (Answer answer : answers) {
                    text.append("| ").append(answer.title()).append(" | `").append(answer.file()).append(":")
                            .append(answer.begin()).append("` | `").append(command(answer)).append("` |\n");
                }
                text.append('\n');
            }
            text.append("## Your work, and the answers\n\n");
            if (git) {
                text.append("This folder is a git repository with one commit: the starter as it was written. `git diff`\n"
                        + "shows what you have changed since, and `git commit -am \"Exercise 1.1\"` keeps a step of it.\n\n");
            } else {
                text.append("git was not on the PATH when this starter was written, so it is not a git repository. To\n"
                        + "see your own work with `git diff`, make it one before you start:\n"
                        + "`git init && git add -A && git commit -m \"The starter\"`.\n\n");
            }
            String step = answers.isEmpty() ? "step1-polling" : answers.get(0).file().substring(0, answers.get(0).file().indexOf('/'));
            text.append("The answers are in the course repository, between `BEGIN SOLUTION` and `END SOLUTION`\n"
                    + "comments. To compare a step with them, such as ").append(step).append(":\n\n```sh\ndiff -r ")
                    .append(slashes(project.resolve(step + "/src"))).append(" ").append(step).append("/src\n```\n");
            return text.toString();
        }
    }

    /** The starter as a git repository with one first commit, when git is on the PATH. */
    static final class Git {

        private Git() {
        }

        static Optional<Path> onPath() {
            return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .filter(dir -> !dir.isBlank())
                    .flatMap(dir -> Stream.of(Path.of(dir, "git"), Path.of(dir, "git.exe")))
                    .filter(Files::isExecutable)
                    .findFirst();
        }

        /** Makes the folder a git repository and commits all of it; returns a line that says what happened. */
        static String firstCommit(Path folder) {
            Optional<Path> git = onPath();
            if (git.isEmpty()) {
                return "git is not on the PATH: the starter is not a git repository (its README.md says how to make it one).";
            }
            String g = git.get().toString();
            List<List<String>> commands = List.of(
                    List.of(g, "-c", "init.defaultBranch=main", "init", "-q"),
                    List.of(g, "add", "-A"),
                    // The tool commits, not you: its own name, and no signing that could ask for a passphrase.
                    List.of(g, "-c", "user.name=Workshop starter", "-c", "user.email=starter@localhost",
                            "-c", "commit.gpgsign=false", "commit", "-q", "-m", "The workshop starter, as written"));
            for (List<String> command : commands) {
                String failure = run(command, folder);
                if (failure != null) {
                    return "warning: the starter is written, but '" + String.join(" ", command.subList(1, command.size()))
                            + "' failed: " + failure;
                }
            }
            return "The starter is a git repository with one commit: git diff shows your work.";
        }

        /** Runs a command in the folder; null when it succeeds, else what it said. */
        private static String run(List<String> command, Path folder) {
            try {
                Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                return process.waitFor() == 0 ? null : "exit status " + process.exitValue() + ": " + output;
            } catch (IOException e) {
                return e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }

    /** The starter's parent pom builds the steps only: course-checks stays behind. */
    static String withoutCourseChecks(String pom) {
        return pom.replaceAll("(?m)^[ \\t]*<module>" + COURSE_CHECKS + "</module>.*\\R", "");
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions will do
        }
    }

    private static int compareIds(String a, String b) {
        Matcher x = ID.matcher(a);
        Matcher y = ID.matcher(b);
        if (!x.matches() || !y.matches()) {
            return a.compareTo(b);
        }
        int step = Integer.compare(Integer.parseInt(x.group("step")), Integer.parseInt(y.group("step")));
        return step != 0 ? step : Integer.compare(Integer.parseInt(x.group("number")), Integer.parseInt(y.group("number")));
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
