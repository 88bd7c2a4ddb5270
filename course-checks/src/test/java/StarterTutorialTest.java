import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner in the starter never meets an answer before its exercise: the starter's tutorial.md holds
 * no line of any answer, nor of a test-first exercise's fix (a line the starter's own code holds elsewhere, such as a lone brace, does not
 * count), and each of its quotes is exactly the starter's tagged region, signpost and all.
 */
class StarterTutorialTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path temp;
    private static Path starter;
    private static List<Starter.Answer> answers;
    private static List<Starter.Fix> fixes;

    @BeforeAll
    static void writeTheStarter() throws Exception {
        starter = temp.resolve("starter");
        answers = Starter.write(ROOT, starter);
        fixes = Starter.scan(ROOT).fixes();
    }

    @Test
    void theStartersTutorialHoldsNoLineOfAnyAnswer() throws IOException {
        Set<String> startersOwnCode = startersCode();
        List<String> tutorial = Files.readAllLines(starter.resolve("tutorial.md"));
        List<String> found = new ArrayList<>();
        for (Starter.Answer answer : answers) {
            found.addAll(shown(tutorial, startersOwnCode, answer.file(), answer.begin(), answer.end(), "the answer to " + answer.id()));
        }
        for (Starter.Fix fix : fixes) {
            found.addAll(shown(tutorial, startersOwnCode, fix.file(), fix.begin(), fix.end(), "the fix of " + fix.id()));
        }
        assertThat(answers).as("exercises in the course").isNotEmpty();
        assertThat(found).withFailMessage("%s", String.join("\n", found)).isEmpty();
    }

    @Test
    void everyQuoteOfTheStartersTutorialIsTheStartersRegion() {
        Snippets snippets = Snippets.read(starter);
        List<String> drifts = new ArrayList<>(snippets.problems);
        for (Snippets.Quote quote : snippets.quotes) {
            List<String> region = snippets.regions.stream()
                    .filter(r -> r.file().equals(quote.file()) && r.name().equals(quote.tag()))
                    .map(Snippets.Region::lines).findFirst().orElse(null);
            if (!quote.lines().equals(region)) {
                drifts.add("the starter's tutorial.md:" + quote.line() + " does not quote the starter's " + quote.file()
                        + "#" + quote.tag() + " as it is");
            }
        }
        assertThat(drifts).withFailMessage("%s", String.join("\n", drifts)).isEmpty();
    }

    /** Where the tutorial shows a line of code between the markers at begin and end (1-based) of the file. */
    private static List<String> shown(List<String> tutorial, Set<String> startersOwnCode, String file, int begin, int end,
                                      String what) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> source = Files.readAllLines(ROOT.resolve(file));
        for (int number = begin + 1; number < end; number++) {
            String code = code(source.get(number - 1));
            if (code.isEmpty() || startersOwnCode.contains(code)) {
                continue;
            }
            for (int line = 0; line < tutorial.size(); line++) {
                if (tutorial.get(line).contains(code)) {
                    found.add("the starter's tutorial.md:" + (line + 1) + " shows line " + number + " of " + what
                            + " (" + file + "): " + code);
                }
            }
        }
        return found;
    }

    /** A line as code: without its indent and its trailing comment. */
    private static String code(String line) {
        String code = line.strip();
        for (String comment : List.of(" // ", " # ")) {
            int at = code.indexOf(comment);
            if (at >= 0) {
                code = code.substring(0, at).strip();
            }
        }
        return code.startsWith("//") || code.startsWith("#") ? "" : code;
    }

    /** Every line of code in the starter's sources, which the tutorial may show: the answers are gone from them. */
    private static Set<String> startersCode() throws IOException {
        try (Stream<Path> files = Files.walk(starter)) {
            List<Path> sources = files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().matches(".*\\.(java|js|template)$")).toList();
            Set<String> lines = new java.util.HashSet<>();
            for (Path source : sources) {
                Files.readAllLines(source).stream().map(StarterTutorialTest::code).forEach(lines::add);
            }
            return lines.stream().filter(line -> !line.isEmpty()).collect(Collectors.toSet());
        }
    }
}
