import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The starter generator, tools/Starter.java, on small projects made up for each test. */
class StarterTest {

    private static final String TAGGED_TEST = """
            package demo;

            class CounterTest {
                @Test
                @Tag("ex1.1")
                @DisplayName("Exercise 1.1: counts up")
                void countsUp() {
                }
            }
            """;

    private static final String COUNTER = """
            class Counter {
                private int count;

                int next() {
                    // BEGIN SOLUTION ex1.1: add one to the count and return it
                    count++;
                    return count;
                    // END SOLUTION
                }
            }
            """;

    @TempDir
    Path temp;

    private Path project() throws IOException {
        Path project = Files.createDirectories(temp.resolve("project"));
        write(project, "pom.xml", """
                <project>
                  <modules>
                    <module>step1-demo</module>
                    <module>course-checks</module> <!-- last -->
                  </modules>
                </project>
                """);
        write(project, "step1-demo/src/test/java/demo/CounterTest.java", TAGGED_TEST);
        return project;
    }

    @Test
    void replacesEachAnswerBySignpostAndThrowAtTheMarkersIndent() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", COUNTER);

        List<Starter.Answer> answers = Starter.write(project, temp.resolve("starter"));

        assertThat(answers).extracting(Starter.Answer::id).containsExactly("ex1.1");
        assertThat(Files.readString(temp.resolve("starter/step1-demo/src/main/java/demo/Counter.java"))).isEqualTo("""
                class Counter {
                    private int count;

                    int next() {
                        // TODO Exercise 1.1: add one to the count and return it
                        throw new UnsupportedOperationException("Exercise 1.1: add one to the count and return it");
                    }
                }
                """);
        assertThat(Files.readString(temp.resolve("starter/step1-demo/src/test/java/demo/CounterTest.java")))
                .as("tests are copied as they are").isEqualTo(TAGGED_TEST);
    }

    @Test
    void stripsEveryAnswerOfAFileWhateverTheOrderOfTheirIds() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/test/java/demo/MoreTest.java", """
                class MoreTest {
                    @Tag("ex1.2")
                    void two() {
                    }
                }
                """);
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    int two() {
                        // BEGIN SOLUTION ex1.2: two
                        return 2;
                        // END SOLUTION
                    }

                    int one() {
                        // BEGIN SOLUTION ex1.1: one
                        return 1;
                        // END SOLUTION
                    }
                }
                """);

        Starter.write(project, temp.resolve("starter"));

        assertThat(Files.readString(temp.resolve("starter/step1-demo/src/main/java/demo/Counter.java")))
                .doesNotContain("SOLUTION", "return")
                .contains("// TODO Exercise 1.1: one", "// TODO Exercise 1.2: two");
    }

    @Test
    void replacesAnNginxAnswerByAComment() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/resources/nginx.conf.template", """
                server {
                    # BEGIN SOLUTION ex1.1: the two lines a long poll needs
                    proxy_buffering off;
                    proxy_read_timeout 35s;
                    # END SOLUTION
                }
                """);

        Starter.write(project, temp.resolve("starter"));

        assertThat(Files.readString(temp.resolve("starter/step1-demo/src/main/resources/nginx.conf.template")))
                .isEqualTo("""
                        server {
                            # TODO Exercise 1.1: the two lines a long poll needs
                        }
                        """);
    }

    @Test
    void escapesTheHintInTheThrownMessage() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    String name() {
                        // BEGIN SOLUTION ex1.1: return "counter" \\o/
                        return "counter";
                        // END SOLUTION
                    }
                }
                """);

        Starter.write(project, temp.resolve("starter"));

        assertThat(Files.readString(temp.resolve("starter/step1-demo/src/main/java/demo/Counter.java")))
                .contains("throw new UnsupportedOperationException(\"Exercise 1.1: return \\\"counter\\\" \\\\o/\");");
    }

    @Test
    void copiesEverythingButBuildOutputVersionControlAndTheCourseChecks() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", COUNTER);
        write(project, "README.md", "read me\n");
        write(project, ".gitignore", "target/\n");
        write(project, ".git", "gitdir: /somewhere/else\n"); // a worktree's .git is a file
        write(project, ".ci/run", "#!/bin/sh\nmvn -B verify\n");
        write(project, "step1-demo/target/classes/demo/Counter.class", "compiled");
        write(project, "course-checks/src/test/java/SomeCheck.java", "class SomeCheck {}\n");
        write(project, "build.log", "noise\n");
        Files.setPosixFilePermissions(project.resolve(".ci/run"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        Starter.write(project, temp.resolve("starter"));

        Path starter = temp.resolve("starter");
        assertThat(Files.readString(starter.resolve("README.md"))).as("the starter's own README, not the project's")
                .doesNotContain("read me")
                .contains("# Live feed workshop: your starter", "mvn -q -pl step1-demo test -Dgroups=ex1.1",
                        "diff -r " + project.resolve("step1-demo/src") + " step1-demo/src");
        assertThat(starter.resolve(".gitignore")).exists();
        assertThat(starter.resolve(".ci/run")).isExecutable();
        assertThat(starter.resolve(".git")).doesNotExist();
        assertThat(starter.resolve("step1-demo/target")).doesNotExist();
        assertThat(starter.resolve("course-checks")).doesNotExist();
        assertThat(starter.resolve("build.log")).doesNotExist();
        assertThat(Files.readString(starter.resolve("pom.xml")))
                .contains("<module>step1-demo</module>")
                .doesNotContain("course-checks");
    }

    @Test
    void quotesTheStartersCodeInTheTutorialWhereARegionHoldsAnAnswer() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    private int count;

                    // tag::count-up[]
                    int next() {
                        // BEGIN SOLUTION ex1.1: add one to the count and return it
                        count++;
                        return count;
                        // END SOLUTION
                    }
                    // end::count-up[]

                    // tag::the-count[]
                    int count() {
                        return count;
                    }
                    // end::the-count[]
                }
                """);
        String afterTheQuotes = """

                [Counter.java](step1-demo/src/main/java/demo/Counter.java)

                #### Exercise 1.1: count up
                """;
        write(project, "tutorial.md", """
                # The course

                <!-- snippet: step1-demo/src/main/java/demo/Counter.java#the-count -->
                ```java
                int count() {
                    return count;
                }
                ```

                Before the exercise, the answer:

                <!-- snippet: step1-demo/src/main/java/demo/Counter.java#count-up -->
                ```java
                int next() {
                    count++;
                    return count;
                }
                ```
                """ + afterTheQuotes);

        Starter.write(project, temp.resolve("starter"));

        assertThat(Files.readString(temp.resolve("starter/tutorial.md"))).isEqualTo("""
                # The course

                <!-- snippet: step1-demo/src/main/java/demo/Counter.java#the-count -->
                ```java
                int count() {
                    return count;
                }
                ```

                Before the exercise, the answer:

                <!-- snippet: step1-demo/src/main/java/demo/Counter.java#count-up -->
                ```java
                int next() {
                    // TODO Exercise 1.1: add one to the count and return it
                    throw new UnsupportedOperationException("Exercise 1.1: add one to the count and return it");
                }
                ```
                """ + afterTheQuotes);
        assertThat(project.resolve("tutorial.md")).as("the project's own tutorial is left as it is")
                .content().contains("    count++;");
    }

    @Test
    void replacesAnAnswerInAPageScriptByAThrowingSignpost() throws Exception {
        Path project = project();
        write(project, "static/page.js", """
                function missed(cursor, firstId) {
                  // BEGIN SOLUTION ex1.1: how many ids lie between the cursor and the first id
                  return Math.max(firstId - cursor - 1, 0);
                  // END SOLUTION
                }
                """);

        List<Starter.Answer> answers = Starter.write(project, temp.resolve("starter"));

        assertThat(answers).singleElement().extracting(Starter.Answer::module).isEqualTo("browser-tests");
        assertThat(Files.readString(temp.resolve("starter/static/page.js"))).isEqualTo("""
                function missed(cursor, firstId) {
                  // TODO Exercise 1.1: how many ids lie between the cursor and the first id
                  throw new Error("Exercise 1.1: how many ids lie between the cursor and the first id");
                }
                """);
    }

    @Test
    void makesTheStarterAGitRepositoryWithOneCommitOfEverything() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", COUNTER);
        Path starter = temp.resolve("starter");
        Starter.write(project, starter);

        assertThat(Starter.Git.onPath()).as("git on the PATH, which this check needs").isPresent();
        assertThat(Starter.Git.firstCommit(starter)).startsWith("The starter is a git repository with one commit");

        assertThat(git(starter, "rev-list", "--count", "HEAD")).isEqualTo("1");
        assertThat(git(starter, "status", "--porcelain")).as("everything committed").isEmpty();
        Files.writeString(starter.resolve("step1-demo/src/main/java/demo/Counter.java"), "class Counter {}\n");
        assertThat(git(starter, "diff", "--stat")).as("git diff shows the learner's work")
                .contains("step1-demo/src/main/java/demo/Counter.java");
    }

    @Test
    void refusesAnAnswerInAScriptOutsideThePages() throws Exception {
        Path project = project();
        write(project, "tools/tool.js", """
                function one() {
                  // BEGIN SOLUTION ex1.1: one
                  return 1;
                  // END SOLUTION
                }
                """);

        assertRefused(project, "tools/tool.js:2: answers can be marked in .java files, in nginx config templates"
                + " and in the pages' scripts");
    }

    @Test
    void refusesAnAnswerInsideALambdaOrAStatementBlock() throws Exception {
        for (String opening : List.of("Runnable task = () -> {", "} else if (count > 0) {", "try (var in = open()) {",
                "synchronized (this) {", "} catch (IllegalStateException e) {")) {
            Path project = project();
            write(project, "step1-demo/src/main/java/demo/Counter.java", """
                    class Counter {
                        void next() {
                            %s
                                // BEGIN SOLUTION ex1.1: one
                                count++;
                                // END SOLUTION
                            }
                        }
                    }
                    """.formatted(opening));

            assertRefused(project, "step1-demo/src/main/java/demo/Counter.java:4: the answer to ex1.1 must be the whole"
                    + " body of one method");
            deleteRecursively(project);
        }
    }

    @Test
    void leavesOutTheFixOfATestFirstExerciseAndStubsItsTest() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/test/java/demo/CounterTest.java", """
                class CounterTest {
                    @Test
                    @Tag("ex1.1")
                    void neverCountsBelowZero() {
                        // BEGIN SOLUTION ex1.1: write the test first: a count never goes below zero
                        assertThat(new Counter().down()).isZero();
                        // END SOLUTION
                    }
                }
                """);
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    private int count;

                    int down() {
                        count--;
                        // BEGIN FIX ex1.1
                        if (count < 0) {
                            count = 0;
                        }
                        // END FIX
                        return count;
                    }
                }
                """);

        List<Starter.Answer> answers = Starter.write(project, temp.resolve("starter"));

        assertThat(answers).singleElement().satisfies(answer -> assertThat(answer.testFirst()).isTrue());
        assertThat(Files.readString(temp.resolve("starter/step1-demo/src/main/java/demo/Counter.java"))).isEqualTo("""
                class Counter {
                    private int count;

                    int down() {
                        count--;
                        return count;
                    }
                }
                """);
        assertThat(Files.readString(temp.resolve("starter/step1-demo/src/test/java/demo/CounterTest.java")))
                .contains("// TODO Exercise 1.1: write the test first: a count never goes below zero")
                .doesNotContain("assertThat");
    }

    @Test
    void refusesATestAnswerWithoutItsFixAndAFixWithoutATestAnswer() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/test/java/demo/CounterTest.java", """
                class CounterTest {
                    @Tag("ex1.1")
                    void countsUp() {
                        // BEGIN SOLUTION ex1.1: a test
                        assertThat(1).isOne();
                        // END SOLUTION
                    }
                }
                """);
        assertRefused(project, "step1-demo/src/test/java/demo/CounterTest.java:4: the answer to ex1.1 is a test");

        Path other = temp.resolve("other");
        Files.createDirectories(other);
        write(other, "pom.xml", "<project/>\n");
        write(other, "step1-demo/src/test/java/demo/CounterTest.java", TAGGED_TEST);
        write(other, "step1-demo/src/main/java/demo/Counter.java", COUNTER.replace("        return count;\n",
                "        // BEGIN FIX ex1.1\n        return count;\n        // END FIX\n").replace("count++;", "count += 1;"));
        assertThatThrownBy(() -> Starter.write(other, temp.resolve("starter-other")))
                .isInstanceOfSatisfying(Starter.Refused.class, refused -> assertThat(refused.problems)
                        .anySatisfy(p -> assertThat(p).contains("a fix inside the answer to ex1.1")));
    }

    @Test
    void refusesANestedMarker() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    int next() {
                        // BEGIN SOLUTION ex1.1: one
                        // BEGIN SOLUTION ex1.2: two
                        return 1;
                        // END SOLUTION
                    }
                }
                """);

        assertRefused(project, "step1-demo/src/main/java/demo/Counter.java:4: nested: BEGIN SOLUTION inside the answer"
                + " to ex1.1 (opened at line 3)");
    }

    @Test
    void refusesAnUnclosedMarker() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    int next() {
                        // BEGIN SOLUTION ex1.1: one
                        return 1;
                    }
                }
                """);

        assertRefused(project, "step1-demo/src/main/java/demo/Counter.java:3: unclosed: BEGIN SOLUTION ex1.1 has no"
                + " END SOLUTION below it");
    }

    @Test
    void refusesAnEndThatWasNeverOpened() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    int next() {
                        return 1;
                        // END SOLUTION
                    }
                }
                """);

        assertRefused(project, "step1-demo/src/main/java/demo/Counter.java:4: END SOLUTION without a BEGIN SOLUTION above it");
    }

    @Test
    void refusesAnIdThatIsNotAnExerciseNumber() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    int next() {
                        // BEGIN SOLUTION exercise-one: one
                        return 1;
                        // END SOLUTION
                    }
                }
                """);

        assertRefused(project, "step1-demo/src/main/java/demo/Counter.java:3: unknown exercise id 'exercise-one':"
                + " an id reads exN.M, such as ex3.2");
    }

    @Test
    void refusesAnExerciseThatNoTestIsTaggedWith() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    int next() {
                        // BEGIN SOLUTION ex1.2: one
                        return 1;
                        // END SOLUTION
                    }
                }
                """);

        assertRefused(project, "step1-demo/src/main/java/demo/Counter.java:3: unknown exercise ex1.2: no test is"
                + " tagged @Tag(\"ex1.2\")");
        assertRefused(project, "step1-demo/src/test/java/demo/CounterTest.java:5: @Tag(\"ex1.1\") names no exercise");
    }

    @Test
    void refusesAMisspeltMarker() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    int next() {
                        // Begin Solution ex1.1: one
                        return 1;
                        // END SOLUTION
                    }
                }
                """);

        assertRefused(project, "step1-demo/src/main/java/demo/Counter.java:3: not a marker this tool knows");
    }

    @Test
    void refusesAnAnswerThatIsNotTheWholeBodyOfAMethod() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    int next(int count) {
                        if (count > 0) {
                            // BEGIN SOLUTION ex1.1: one
                            return 1;
                            // END SOLUTION
                        }
                        return 0;
                    }
                }
                """);

        assertRefused(project, "step1-demo/src/main/java/demo/Counter.java:4: the answer to ex1.1 must be the whole"
                + " body of one method");
    }

    @Test
    void refusesToWriteIntoAFolderThatHoldsAnything() throws Exception {
        Path project = project();
        write(temp, "starter/my-answers.txt", "a learner's work\n");

        assertThatThrownBy(() -> Starter.write(project, temp.resolve("starter")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not empty");
        assertThat(temp.resolve("starter/my-answers.txt")).hasContent("a learner's work");
    }

    @Test
    void refusesASnippetTagInsideAnAnswer() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", """
                class Counter {
                    int next() {
                        // BEGIN SOLUTION ex1.1: one
                        // tag::the-answer[]
                        return 1;
                        // end::the-answer[]
                        // END SOLUTION
                    }
                }
                """);

        assertRefused(project, "step1-demo/src/main/java/demo/Counter.java:4: a snippet tag inside the answer to ex1.1");
    }

    @Test
    void refusesATargetInsideTheProjectUnlessInBuildOutput() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", COUNTER);

        assertThatThrownBy(() -> Starter.write(project, project.resolve("my-workshop")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is inside the project");
        Starter.write(project, project.resolve("target/starter"));
        assertThat(project.resolve("target/starter/step1-demo/src/main/java/demo/Counter.java")).exists();
    }

    @Test
    void writesNothingWhenAMarkerIsRefused() throws Exception {
        Path project = project();
        write(project, "step1-demo/src/main/java/demo/Counter.java", "class Counter {\n    // END SOLUTION\n}\n");

        assertThatThrownBy(() -> Starter.write(project, temp.resolve("starter"))).isInstanceOf(Starter.Refused.class);
        assertThat(temp.resolve("starter")).doesNotExist();
    }

    private void assertRefused(Path project, String problem) {
        assertThatThrownBy(() -> Starter.write(project, temp.resolve("starter-" + System.nanoTime())))
                .isInstanceOfSatisfying(Starter.Refused.class,
                        refused -> assertThat(refused.problems).anySatisfy(p -> assertThat(p).startsWith(problem)));
    }

    private static String git(Path folder, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as("git " + String.join(" ", arguments) + ": " + output).isZero();
        return output;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
