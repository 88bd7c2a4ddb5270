import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every exercise is checked both ways. One way is the steps' own build: an answer is the real
 * code, so its tests pass there. The other way is here: the starter, with every answer replaced
 * by its signpost, compiles, and for every exercise at least one of its tests fails in it. So no
 * exercise is secretly solved in the starter, and none is left without a test. A test-first
 * exercise (its answer is a test, and the starter lacks the fix the test proves) is also checked
 * in a copy that lacks only the fixes: there its reference test must fail by an assertion.
 */
class ExercisesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration NESTED_BUILD_LIMIT = Duration.ofMinutes(5);

    @Test
    void everyExerciseHasTaggedTestsAndEveryExerciseTagHasAnAnswer() throws IOException {
        Starter.Scan scan = Starter.scan(ROOT);
        ExerciseTests tagged = ExerciseTests.read(ROOT);

        assertThat(scan.problems()).withFailMessage("%s", String.join("\n", scan.problems())).isEmpty();
        assertThat(tagged.problems).withFailMessage("%s", String.join("\n", tagged.problems)).isEmpty();
        assertThat(ids(scan)).as("exercises answered in the sources")
                .isEqualTo(tagged.tests.stream().map(ExerciseTests.TaggedTest::id).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(scan.answers()).as("exercises in the course").hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void everyExerciseTestSpeaksToTheLearner() {
        List<String> mute = ExerciseTests.read(ROOT).tests.stream()
                .filter(test -> test.displayName() == null
                        || !test.displayName().startsWith("Exercise " + test.id().substring(2) + ": "))
                .map(test -> test.where() + ": " + test.method() + " needs @DisplayName(\"Exercise "
                        + test.id().substring(2) + ": <what it checks, in the learner's words>\")")
                .toList();

        assertThat(mute).withFailMessage("%s", String.join("\n", mute)).isEmpty();
    }

    @Test
    void theTutorialHasASectionForEveryExerciseWithTheCommandThatRunsItsTests() throws IOException {
        String tutorial = Files.readString(ROOT.resolve("tutorial.md"));
        List<String> missing = new ArrayList<>();
        for (Starter.Answer answer : Starter.scan(ROOT).answers()) {
            if (!tutorial.contains("\n#### " + answer.title() + ": ")) {
                missing.add("tutorial.md has no section '#### " + answer.title() + ": ...'");
            }
            String command = Starter.command(answer);
            if (!tutorial.contains(command)) {
                missing.add("tutorial.md does not give the command for " + answer.title() + ": " + command);
            }
        }
        assertThat(missing).withFailMessage("%s", String.join("\n", missing)).isEmpty();
    }

    /**
     * Writes the starter with the learner's own command, builds it once (offline, its exercise
     * tests only), and reads the reports: the starter compiles, and each exercise has a failing test.
     */
    @Test
    void theStarterCompilesAndEachExerciseHasAFailingTestThere() throws Exception {
        Path starter = Path.of("target", "starter").toAbsolutePath();
        deleteRecursively(starter);
        Path logs = Files.createDirectories(Path.of("target", "starter-logs").toAbsolutePath());

        long started = System.nanoTime();
        int written = run(List.of(javaLauncher(), "tools/Starter.java", starter.toString()), ROOT, logs.resolve("starter.log"));
        assertThat(written).withFailMessage("java tools/Starter.java wrote no starter (exit status %d):%n%s",
                written, tail(logs.resolve("starter.log"), 40)).isZero();
        if (Starter.Git.onPath().isPresent()) {
            assertThat(starter.resolve(".git")).as("the starter is a git repository (see starter.log)").isDirectory();
        }
        Starter.Scan scan = Starter.scan(ROOT);
        Set<String> ids = ids(scan);
        Set<String> modules = scan.answers().stream().map(Starter.Answer::module).collect(Collectors.toCollection(TreeSet::new));
        List<String> maven = new ArrayList<>(List.of(mvn(), "-B", "-q", "-o", "test",
                "-T", "2", // the steps are independent: two at a time, one per core (the failures are expected anyway)
                "-pl", String.join(",", modules), // a run by tag refuses a module without one of its tags
                "-Dmaven.test.failure.ignore=true", // failures are expected: the reports say which
                "-Dgroups=" + String.join(",", ids)));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            maven.add("-Dmaven.repo.local=" + repository);
        }
        int status = run(maven, starter, logs.resolve("starter-build.log"));
        System.out.printf("starter written and built in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());

        assertThat(status).withFailMessage("the starter does not build (exit status %d); the end of %s:%n%s",
                status, logs.resolve("starter-build.log"), tail(logs.resolve("starter-build.log"), 60)).isZero();

        Map<String, List<String>> outcomes = new TreeMap<>(); // exercise -> "Class.test: failed/passed/skipped"
        List<Report> reports = reports(starter);
        for (ExerciseTests.TaggedTest test : ExerciseTests.read(ROOT).tests) {
            for (Report report : reports) {
                if (report.module.equals(test.module()) && test.isRunBy(report.className, report.name)) {
                    outcomes.computeIfAbsent(test.id(), id -> new ArrayList<>()).add(report.outcome);
                }
            }
        }
        List<String> unproven = new ArrayList<>();
        for (String id : ids) {
            List<String> seen = outcomes.getOrDefault(id, List.of());
            if (seen.contains("failed") || seen.contains("error")) {
                continue;
            }
            unproven.add(id + ": " + (seen.isEmpty() ? "none of its tests ran in the starter"
                    : "none of its " + seen.size() + " test runs failed in the starter (" + String.join(", ", new TreeSet<>(seen))
                    + "): the answer is not where its tests look, or the starter already holds it"));
        }
        assertThat(unproven).withFailMessage("%s", String.join("\n", unproven)).isEmpty();
    }

    /**
     * A test-first exercise's test is the learner's to write, and its stub in the starter fails by throwing,
     * which proves nothing about the fix. So the project is copied with every answer in place and only the
     * fixes left out, as the learner's tree is once every other exercise is done: there, each test-first
     * exercise's reference test must fail by an assertion, which proves that the fix is what it tests.
     */
    @Test
    void eachTestFirstExercisesTestFailsWithoutItsFix() throws Exception {
        Starter.Scan scan = Starter.scan(ROOT);
        List<Starter.Answer> testFirst = scan.answers().stream().filter(Starter.Answer::testFirst).toList();
        assertThat(testFirst).as("test-first exercises in the course").isNotEmpty();
        Path copy = Path.of("target", "without-fixes").toAbsolutePath();
        deleteRecursively(copy);
        Starter.writeWithoutFixes(ROOT, copy);
        Path logs = Files.createDirectories(Path.of("target", "starter-logs").toAbsolutePath());

        List<String> maven = new ArrayList<>(List.of(mvn(), "-B", "-q", "-o", "test",
                "-pl", testFirst.stream().map(Starter.Answer::module).distinct().collect(Collectors.joining(",")),
                "-Dmaven.test.failure.ignore=true",
                "-Dgroups=" + testFirst.stream().map(Starter.Answer::id).collect(Collectors.joining(","))));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            maven.add("-Dmaven.repo.local=" + repository);
        }
        int status = run(maven, copy, logs.resolve("without-fixes-build.log"));
        assertThat(status).withFailMessage("the copy without fixes does not build (exit status %d):%n%s",
                status, tail(logs.resolve("without-fixes-build.log"), 60)).isZero();

        List<Report> reports = reports(copy);
        List<String> unproven = new ArrayList<>();
        for (Starter.Answer answer : testFirst) {
            List<String> seen = new ArrayList<>();
            for (ExerciseTests.TaggedTest test : ExerciseTests.read(ROOT).tests) {
                reports.stream().filter(report -> test.id().equals(answer.id()) && report.module.equals(test.module())
                        && test.isRunBy(report.className, report.name)).forEach(report -> seen.add(report.outcome));
            }
            if (!seen.contains("failed")) {
                unproven.add(answer.id() + ": without its fix, its test does not fail by an assertion ("
                        + String.join(", ", new TreeSet<>(seen)) + "): the fix is not what the test tests");
            }
        }
        assertThat(unproven).withFailMessage("%s", String.join("\n", unproven)).isEmpty();
    }

    /** One testcase of a surefire report in the starter. */
    private record Report(String module, String className, String name, String outcome) {
    }

    private static List<Report> reports(Path starter) throws Exception {
        List<Report> reports = new ArrayList<>();
        try (Stream<Path> modules = Files.list(starter)) {
            for (Path module : modules.sorted().toList()) {
                Path folder = module.resolve("target/surefire-reports");
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path xml : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                                .getElementsByTagName("testcase");
                        for (int i = 0; i < cases.getLength(); i++) {
                            Element testcase = (Element) cases.item(i);
                            String outcome = has(testcase, "failure") ? "failed" : has(testcase, "error") ? "error"
                                    : has(testcase, "skipped") ? "skipped" : "passed";
                            reports.add(new Report(module.getFileName().toString(), testcase.getAttribute("classname"),
                                    testcase.getAttribute("name"), outcome));
                        }
                    }
                }
            }
        }
        return reports;
    }

    private static boolean has(Element testcase, String child) {
        return testcase.getElementsByTagName(child).getLength() > 0;
    }

    private static Set<String> ids(Starter.Scan scan) {
        return scan.answers().stream().map(Starter.Answer::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static int run(List<String> command, Path directory, Path log) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(NESTED_BUILD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail("%s took longer than %s; the end of %s:%n%s", String.join(" ", command), NESTED_BUILD_LIMIT, log, tail(log, 40));
        }
        return process.exitValue();
    }

    private static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The Maven that runs this build (surefire passes maven.home), else the first mvn on the PATH. */
    private static String mvn() {
        String home = System.getProperty("maven.home", "");
        Stream<Path> candidates = Stream.concat(
                home.isBlank() ? Stream.empty() : Stream.of(Path.of(home, "bin", "mvn")),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "mvn")));
        return candidates.filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseGet(() -> fail("cannot build the starter: no mvn in maven.home (" + home + ") or on the PATH;"
                        + " install Maven 3.8 or newer, or put its bin folder on the PATH"));
    }

    private static String tail(Path log, int lines) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
