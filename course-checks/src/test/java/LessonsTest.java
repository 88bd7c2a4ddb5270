import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lesson is the diff. Each step after the first has a LESSON.md that names the step it builds
 * on and lists its lesson files, each with why it differs. Every other file of the step's src/
 * (main and test, and what it compiles from the earlier step) is a copy of the earlier step's,
 * byte for byte, marker lines included: a fix made in one step and not in the others fails here,
 * with the diff. And the list names no file that does not differ, so that tools/lesson.sh, which
 * shows the diff without the marker lines, lists exactly the files of the list.
 * <p>
 * A new step: add its module to the root pom.xml, and write its LESSON.md ("Builds on: stepN-...",
 * then a table of | file | why it differs |; a folder ends in /, a glob has *).
 */
class LessonsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyStepAfterTheFirstSaysWhichStepItBuildsOn() {
        List<String> steps = Lessons.stepNames(ROOT);
        List<String> problems = new ArrayList<>();
        for (String name : steps.subList(1, steps.size())) {
            Lessons.Step step = Lessons.step(ROOT, name);
            if (step.buildsOn() == null) {
                problems.add(name + "/LESSON.md is missing, or has no line 'Builds on: <the step it copies>'");
            } else if (!steps.contains(step.buildsOn()) || steps.indexOf(step.buildsOn()) >= steps.indexOf(name)) {
                problems.add(name + "/LESSON.md: it builds on " + step.buildsOn() + ", which is not a step before it in pom.xml");
            }
        }
        assertThat(steps).as("the step modules of pom.xml").hasSizeGreaterThanOrEqualTo(4);
        assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyFileThatIsNotALessonFileIsACopyOfTheEarlierStep() {
        List<String> problems = new ArrayList<>();
        for (Lessons.Step step : stepsThatBuildOnAnother()) {
            Map<String, Path> earlier = Lessons.tree(ROOT, step.buildsOn());
            Map<String, Path> later = Lessons.tree(ROOT, step.name());
            for (Lessons.Difference difference : Lessons.differences(earlier, later)) {
                if (step.entries().stream().anyMatch(entry -> entry.covers(difference.path()))) {
                    continue;
                }
                String path = difference.path();
                if (!earlier.containsKey(path)) {
                    problems.add(step.name() + "/" + path + " is new, and not on the list of " + step.name() + "/LESSON.md:"
                            + " add it there with why it is new");
                } else if (!later.containsKey(path)) {
                    problems.add(step.buildsOn() + "/" + path + " is not in " + step.name() + ", and not on the list of "
                            + step.name() + "/LESSON.md: copy it, or add it there with why it is gone");
                } else {
                    problems.add(step.name() + "/" + path + " differs from " + step.buildsOn() + "'s, and is not a lesson file"
                            + " of " + step.name() + "/LESSON.md. Make the copies the same (a fix goes into every step), or add it"
                            + " to the list with why it differs. The difference (- " + step.buildsOn() + ", + " + step.name()
                            + "):\n" + diff(earlier.get(path), later.get(path)));
                }
            }
        }
        assertThat(problems).withFailMessage("%s", String.join("\n\n", problems)).isEmpty();
    }

    @Test
    void everyLessonFileDiffersAndSaysWhy() {
        List<String> problems = new ArrayList<>();
        for (Lessons.Step step : stepsThatBuildOnAnother()) {
            List<Lessons.Difference> differences = Lessons.differences(Lessons.tree(ROOT, step.buildsOn()),
                    Lessons.tree(ROOT, step.name()));
            for (Lessons.Entry entry : step.entries()) {
                String where = step.name() + "/LESSON.md:" + entry.line() + ": " + entry.path();
                List<Lessons.Difference> covered = differences.stream().filter(d -> entry.covers(d.path())).toList();
                if (covered.isEmpty()) {
                    problems.add(where + " is the same as in " + step.buildsOn() + " (or exists in neither): take it off the list");
                } else if (entry.reason().isBlank()) {
                    problems.add(where + " says nothing: write why it differs");
                } else if (covered.stream().allMatch(Lessons.Difference::onlyMarkers) && !entry.reason().contains("marker")) {
                    problems.add(where + " differs only in its marker lines (tag::, BEGIN SOLUTION ...): put them so that"
                            + " identical code carries identical markers, or say why not (the word 'marker' in the reason)");
                }
            }
        }
        assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
    }

    /** What tools/lesson.sh -q prints, each line a file or folder that differs, is on the step's list. */
    @Test
    void theScriptShowsOnlyTheLessonFiles() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: tools/lesson.sh needs bash");
        List<String> problems = new ArrayList<>();
        for (Lessons.Step step : stepsThatBuildOnAnother()) {
            Process script = new ProcessBuilder("/bin/bash", "tools/lesson.sh", "-q", step.buildsOn(), step.name())
                    .directory(ROOT.toFile()).redirectErrorStream(true).start();
            List<String> lines = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(script.waitFor()).as("tools/lesson.sh -q %s %s said:%n%s", step.buildsOn(), step.name(),
                    String.join("\n", lines)).isZero();
            assertThat(lines).as("tools/lesson.sh -q %s %s", step.buildsOn(), step.name()).isNotEmpty();
            for (String line : lines) {
                String path = pathIn(line, step);
                boolean listed = step.entries().stream() // a folder that diff shows whole: its files are listed
                        .anyMatch(entry -> entry.covers(path) || entry.path().startsWith(path + "/"));
                if (!listed) {
                    problems.add("tools/lesson.sh -q " + step.buildsOn() + " " + step.name() + " shows " + path
                            + ", which " + step.name() + "/LESSON.md does not list: " + line);
                }
            }
        }
        assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
    }

    /** "Files A/src/x and B/src/x differ" or "Only in B/src/dir: name" as a path under the step: src/x, src/dir/name. */
    private static String pathIn(String line, Lessons.Step step) {
        Matcher differ = Pattern.compile("^Files \\S+? and " + Pattern.quote(step.name()) + "/(\\S+) differ$").matcher(line);
        if (differ.matches()) {
            return differ.group(1);
        }
        Matcher only = Pattern.compile("^Only in (?:" + Pattern.quote(step.name()) + "|" + Pattern.quote(step.buildsOn())
                + ")/(\\S+): (\\S+)$").matcher(line);
        assertThat(only.matches()).as("a line of diff -rq: %s", line).isTrue();
        return only.group(1) + "/" + only.group(2);
    }

    @Test
    void theTutorialShowsEachStepsLessonWithTheScript() throws Exception {
        String tutorial = Files.readString(ROOT.resolve("tutorial.md"));
        List<String> missing = new ArrayList<>();
        for (Lessons.Step step : stepsThatBuildOnAnother()) {
            String command = "tools/lesson.sh " + step.buildsOn() + " " + step.name();
            if (!tutorial.contains(command)) {
                missing.add("tutorial.md does not show " + step.name() + "'s lesson with: " + command);
            }
            if (!tutorial.contains("(" + step.name() + "/LESSON.md)")) {
                missing.add("tutorial.md does not link " + step.name() + "'s list of lesson files: [...](" + step.name() + "/LESSON.md)");
            }
        }
        assertThat(missing).withFailMessage("%s", String.join("\n", missing)).isEmpty();
    }

    @Test
    void theCopiesOutsideTheStepsAreTheSameAsTheirStepsFile() {
        List<String> problems = new ArrayList<>();
        Lessons.COPIES.forEach((copy, original) -> {
            Path copied = ROOT.resolve(copy);
            Path source = ROOT.resolve(original);
            if (!Files.exists(copied) || !Files.exists(source)) {
                problems.add(copy + " is a copy of " + original + ", but " + (Files.exists(copied) ? original : copy)
                        + " does not exist: update Lessons.COPIES");
            } else if (!Arrays.equals(Lessons.bytes(copied), Lessons.bytes(source))) {
                problems.add(copy + " differs from " + original + ", of which it is a copy (- the step's, + the copy):\n"
                        + diff(source, copied));
            }
        });
        assertThat(problems).withFailMessage("%s", String.join("\n\n", problems)).isEmpty();
    }

    private static List<Lessons.Step> stepsThatBuildOnAnother() {
        return Lessons.stepNames(ROOT).stream().map(name -> Lessons.step(ROOT, name))
                .filter(step -> step.buildsOn() != null).toList();
    }

    private static String diff(Path earlier, Path later) {
        String diff = LineDiff.of(Lessons.lines(earlier), Lessons.lines(later));
        return diff.isEmpty() ? "(the lines are the same: they differ in their line endings or final newline)\n" : diff;
    }
}
