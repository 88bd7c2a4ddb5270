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
 * comment ({@code //} in Java, {@code #} in nginx.conf.template). In the starter the Java body
 * becomes a TODO comment and {@code throw new UnsupportedOperationException("Exercise N.M: ...")},
 * at the marker's indent, so the starter compiles and the exercise's tests fail; an nginx answer
 * becomes a TODO comment. Each exercise has tests tagged {@code @Tag("exN.M")}.
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
            Pattern.compile("^\\s*(//|#)\\s*(BEGIN|END)\\s*SOLUTION", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEGIN = Pattern.compile("^(\\s*)(//|#) BEGIN SOLUTION(?: (\\S+?))?(:(?: (.*))?)?\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*(//|#) END SOLUTION\\s*$");
    private static final Pattern ID = Pattern.compile("ex([1-9][0-9]*)\\.([1-9][0-9]*)");
    private static final Pattern TEST_TAG = Pattern.compile("@Tag\\(\\s*\"(ex[^\"]*)\"\\s*\\)");
    private static final Pattern TAG_MARKER = Pattern.compile("^\\s*(//|#|<!--)\\s*(tag|end)::");
    private static final Pattern STEP_FOLDER = Pattern.compile("step([0-9]+)-.*");
    /** A block that is not a method's: replacing its body by a throw would leave code unreachable. */
    private static final Pattern CONTROL_BLOCK = Pattern.compile(
            "^(}\\s*)?((else\\s+)?if|for|while|switch|try|catch|synchronized)\\s*\\(.*|^(}\\s*)?(else|do|try|finally)\\s*\\{$|.*->\\s*\\{$");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".idea", ".vscode", ".settings",
            "node_modules");
    private static final Set<String> SKIPPED_FILES = Set.of(".git", ".classpath", ".project", ".DS_Store");
    /** The course's own checks: they compare the tutorial with the answers, so they stay behind. */
    private static final String COURSE_CHECKS = "course-checks";
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
                    + " exercises, each answer replaced by a TODO.");
            for (Answer answer : answers) {
                System.out.println("  " + answer.title() + "  " + answer.file() + ":" + answer.begin() + "  " + answer.hint());
            }
            Answer first = answers.isEmpty() ? null : answers.get(0);
            if (first != null) {
                System.out.println("Next: cd " + target + " && mvn -pl " + first.module() + " test -Dgroups=" + first.id()
                        + "   (red until you write " + first.title() + "; see tutorial.md)");
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

    /** One answer to strip: where it is, which exercise, what the signpost says. */
    record Answer(String id, String file, int begin, int end, String indent, String comment, String hint) {

        /** "Exercise 3.2" for ex3.2. */
        String title() {
            return "Exercise " + id.substring(2);
        }

        /** The step's folder, such as step3-backlog. */
        String module() {
            return file.substring(0, file.indexOf('/'));
        }
    }

    /** What the project holds: its answers and the exercise ids its tests are tagged with. */
    record Scan(List<Answer> answers, Map<String, List<String>> testTags, List<String> problems) {
    }

    /** The starter could not be written; each problem reads "file:line: what is wrong". */
    static final class Refused extends Exception {

        final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }
    }

    /** Scans the project, and only if every marker is sound, copies it to target with the answers stripped. */
    static List<Answer> write(Path project, Path target) throws IOException, Refused {
        project = project.toAbsolutePath().normalize();
        target = target.toAbsolutePath().normalize();
        checkTarget(project, target);
        Scan scan = scan(project);
        if (!scan.problems().isEmpty()) {
            throw new Refused(scan.problems());
        }
        Map<String, List<Answer>> byFile = new TreeMap<>();
        scan.answers().forEach(answer -> byFile.computeIfAbsent(answer.file(), f -> new ArrayList<>()).add(answer));
        byFile.values().forEach(answers -> answers.sort(Comparator.comparingInt(Answer::begin))); // strip goes top down
        copy(project, target, byFile);
        return scan.answers();
    }

    /** Every answer and every exercise tag of the project, and what is wrong with them, in file order. */
    static Scan scan(Path project) throws IOException {
        List<Answer> answers = new ArrayList<>();
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
            answers.addAll(answers(name, lines, problems, begun));
            if (extension.equals("java") && name.contains("/src/test/")) {
                for (int i = 0; i < lines.size(); i++) {
                    Matcher tag = TEST_TAG.matcher(lines.get(i));
                    while (tag.find()) {
                        String where = name + ":" + (i + 1);
                        if (!ID.matcher(tag.group(1)).matches()) {
                            problems.add(where + ": @Tag(\"" + tag.group(1) + "\") is not an exercise id: use exN.M, such as ex3.2");
                        }
                        testTags.computeIfAbsent(tag.group(1), id -> new ArrayList<>()).add(where);
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
        answers.sort((a, b) -> compareIds(a.id(), b.id()));
        return new Scan(List.copyOf(answers), testTags, problems);
    }

    /** The answers marked in one file; what is wrong goes to problems. */
    static List<Answer> answers(String file, List<String> lines, List<String> problems, Set<String> begun) {
        List<Answer> answers = new ArrayList<>();
        boolean java = file.endsWith(".java");
        boolean nginx = file.endsWith(".template") || file.endsWith(".conf");
        Matcher open = null;
        int openLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file + ":" + (i + 1);
            if (open != null && TAG_MARKER.matcher(line).find()) {
                problems.add(where + ": a snippet tag inside the answer to " + open.group(3)
                        + " would vanish from the starter: tag the whole method instead");
            }
            if (!LOOKS_LIKE_MARKER.matcher(line).find()) {
                continue;
            }
            Matcher begin = BEGIN.matcher(line);
            if (begin.matches()) {
                if (begin.group(3) != null) {
                    begun.add(begin.group(3));
                }
                if (open != null) {
                    problems.add(where + ": nested: BEGIN SOLUTION inside the answer to " + open.group(3)
                            + " (opened at line " + openLine + "); close that one first with END SOLUTION");
                    continue;
                }
                String problem = beginProblem(begin, java, nginx, file);
                if (problem != null) {
                    problems.add(where + ": " + problem);
                    continue;
                }
                open = begin;
                openLine = i + 1;
            } else if (END.matcher(line).matches()) {
                if (open == null) {
                    problems.add(where + ": END SOLUTION without a BEGIN SOLUTION above it");
                    continue;
                }
                String problem = bodyProblem(lines, openLine - 1, i, java, open.group(3));
                if (problem != null) {
                    problems.add(file + ":" + openLine + ": " + problem);
                } else {
                    answers.add(new Answer(open.group(3), file, openLine, i + 1, open.group(1), open.group(2),
                            open.group(5).strip()));
                }
                open = null;
            } else {
                problems.add(where + ": not a marker this tool knows: write '// BEGIN SOLUTION exN.M: what to write'"
                        + " and '// END SOLUTION' exactly (# instead of // in nginx config), not: " + line.strip());
            }
        }
        if (open != null) {
            problems.add(file + ":" + openLine + ": unclosed: BEGIN SOLUTION " + open.group(3)
                    + " has no END SOLUTION below it");
        }
        return answers;
    }

    private static String beginProblem(Matcher begin, boolean java, boolean nginx, String file) {
        String id = begin.group(3);
        if (!java && !nginx) {
            return "answers can be marked in .java files and in nginx config templates only";
        }
        if (begin.group(2).equals(java ? "#" : "//")) {
            return "mark answers with " + (java ? "//" : "#") + " comments in this file";
        }
        if (id == null || !ID.matcher(id).matches()) {
            return "unknown exercise id '" + (id == null ? "" : id) + "': an id reads exN.M, such as ex3.2";
        }
        Matcher step = STEP_FOLDER.matcher(file.substring(0, Math.max(file.indexOf('/'), 0)));
        Matcher number = ID.matcher(id);
        number.matches();
        if (!step.matches() || !step.group(1).equals(number.group(1))) {
            return id + " is an exercise of step " + number.group(1) + ", but this file is not in that step's folder";
        }
        if (begin.group(4) == null || begin.group(5) == null || begin.group(5).isBlank()) {
            return "say in one line what to write, after a colon: BEGIN SOLUTION " + id + ": <what to write>";
        }
        return null;
    }

    /** An answer is the whole body of one method: the line before opens it, the line after closes it. */
    private static String bodyProblem(List<String> lines, int begin, int end, boolean java, String id) {
        if (lines.subList(begin + 1, end).stream().allMatch(String::isBlank)) {
            return "the answer to " + id + " is empty";
        }
        if (!java) {
            return null;
        }
        int before = begin - 1;
        while (before >= 0 && lines.get(before).isBlank()) {
            before--;
        }
        String opening = before < 0 ? "" : lines.get(before).strip();
        String closing = end + 1 < lines.size() ? lines.get(end + 1).strip() : "";
        if (!opening.endsWith("{") || !opening.contains("(") || CONTROL_BLOCK.matcher(opening).matches()
                || !closing.equals("}")) {
            return "the answer to " + id + " must be the whole body of one method: the line above BEGIN SOLUTION"
                    + " must open the method ('... name(...) {') and the line below END SOLUTION must be its '}',"
                    + " so that the starter's throw compiles";
        }
        return null;
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

    private static void copy(Path project, Path target, Map<String, List<Answer>> answersByFile) throws IOException {
        for (Path file : files(project)) {
            String name = slashes(project.relativize(file));
            Path copy = target.resolve(project.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            List<Answer> answers = answersByFile.get(name);
            if (answers != null) {
                Files.writeString(copy, strip(Files.readAllLines(file, StandardCharsets.UTF_8), answers));
                copyPermissions(file, copy);
            } else if (name.equals("pom.xml")) {
                Files.writeString(copy, withoutCourseChecks(Files.readString(file)));
                copyPermissions(file, copy);
            } else {
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** The file's lines with each answer, markers included, replaced by its signpost. */
    static String strip(List<String> lines, List<Answer> answers) {
        StringBuilder text = new StringBuilder();
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            Answer answer = next < answers.size() ? answers.get(next) : null;
            if (answer != null && i + 1 == answer.begin()) {
                for (String signpost : signpost(answer)) {
                    text.append(answer.indent()).append(signpost).append('\n');
                }
                i = answer.end() - 1;
                next++;
                continue;
            }
            text.append(lines.get(i)).append('\n');
        }
        return text.toString();
    }

    static List<String> signpost(Answer answer) {
        String todo = answer.comment() + " TODO " + answer.title() + ": " + answer.hint();
        if (answer.comment().equals("#")) {
            return List.of(todo);
        }
        String message = (answer.title() + ": " + answer.hint()).replace("\\", "\\\\").replace("\"", "\\\"");
        return List.of(todo, "throw new UnsupportedOperationException(\"" + message + "\");");
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
        int step = Integer.compare(Integer.parseInt(x.group(1)), Integer.parseInt(y.group(1)));
        return step != 0 ? step : Integer.compare(Integer.parseInt(x.group(2)), Integer.parseInt(y.group(2)));
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
