import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quoted code never drifts: every block of tutorial.md that quotes a source is exactly a tagged
 * region of that source (after the region's common indent is removed), and every tagged region
 * is quoted. Change a tagged line without the tutorial, or the tutorial without the code, and
 * this fails with the place of both.
 */
class SnippetsTest {

    private static Snippets snippets;

    @BeforeAll
    static void read() {
        snippets = Snippets.read(Path.of("..").toAbsolutePath().normalize());
    }

    @Test
    void everyMarkerAndEveryTagIsWellFormed() {
        assertThat(snippets.problems).withFailMessage("%s", String.join("\n", snippets.problems)).isEmpty();
    }

    @Test
    void everyQuotedBlockIsItsTaggedRegion() {
        List<String> drifts = new ArrayList<>();
        for (Snippets.Quote quote : snippets.quotes) {
            Snippets.Region region = snippets.regions.stream()
                    .filter(r -> r.file().equals(quote.file()) && r.name().equals(quote.tag()))
                    .findFirst().orElse(null);
            if (region == null) {
                boolean fileExists = snippets.root().resolve(quote.file()).toFile().isFile();
                drifts.add("tutorial.md:" + quote.line() + ": " + quote.file()
                        + (fileExists ? " has no tag::" + quote.tag() + "[]" : " does not exist"));
                continue;
            }
            String difference = firstDifference(quote, region);
            if (difference != null) {
                drifts.add(difference);
            }
        }
        assertThat(drifts).withFailMessage("%s", String.join("\n\n", drifts)).isEmpty();
    }

    @Test
    void everyTaggedRegionIsQuotedByTheTutorial() {
        Set<String> quoted = snippets.quotes.stream().map(Snippets.Quote::tag).collect(Collectors.toSet());

        List<String> unused = snippets.regions.stream()
                .filter(region -> !quoted.contains(region.name()))
                .map(region -> region.file() + ":" + region.line() + ": tag::" + region.name()
                        + "[] is quoted nowhere in tutorial.md: quote it, or remove the tag")
                .toList();

        assertThat(unused).withFailMessage("%s", String.join("\n", unused)).isEmpty();
    }

    /**
     * A tag name may mark the same code in several steps (identical code stays identical, markers
     * included), and the tutorial quotes one of them: then the regions must not differ.
     */
    @Test
    void aTagNameMarksTheSameCodeWhereverItIs() {
        Map<String, List<Snippets.Region>> byName = snippets.regions.stream()
                .collect(Collectors.groupingBy(Snippets.Region::name));
        List<String> conflicts = new ArrayList<>();
        byName.forEach((name, regions) -> {
            Snippets.Region first = regions.get(0);
            for (Snippets.Region other : regions.subList(1, regions.size())) {
                if (!other.lines().equals(first.lines())) {
                    conflicts.add("tag::" + name + "[] marks different code in " + first.file() + ":" + first.line()
                            + " and " + other.file() + ":" + other.line()
                            + ": name each for what it does, or make them the same");
                }
            }
        });
        assertThat(conflicts).withFailMessage("%s", String.join("\n", conflicts)).isEmpty();
    }

    @Test
    void theTutorialQuotesCode() {
        assertThat(snippets.quotes).as("quotes found in tutorial.md").hasSizeGreaterThan(20);
    }

    /** A ```mermaid block is a diagram drawn in the tutorial: it needs no marker and is compared with nothing. */
    @Test
    void aMermaidDiagramIsDrawnNotQuoted(@TempDir Path folder) throws IOException {
        Path tutorial = Files.writeString(folder.resolve("tutorial.md"), String.join("\n",
                "```mermaid", "sequenceDiagram", "    page->>server: GET /real_time_feed", "```", ""));

        Snippets read = Snippets.read(folder, tutorial);

        assertThat(read.problems).isEmpty();
        assertThat(read.quotes).isEmpty();
    }

    @Test
    void aSnippetMarkerAboveADiagramIsAMistake(@TempDir Path folder) throws IOException {
        Path tutorial = Files.writeString(folder.resolve("tutorial.md"), String.join("\n",
                "<!-- snippet: static/index.html#page -->", "", "```mermaid", "sequenceDiagram", "```", ""));

        Snippets read = Snippets.read(folder, tutorial);

        assertThat(read.problems).singleElement().asString()
                .contains("tutorial.md:1").contains("a diagram drawn here, not a quote");
        assertThat(read.quotes).isEmpty();
    }

    private static String firstDifference(Snippets.Quote quote, Snippets.Region region) {
        List<String> shown = quote.lines();
        List<String> real = region.lines();
        for (int i = 0; i < Math.max(shown.size(), real.size()); i++) {
            String inTutorial = i < shown.size() ? shown.get(i) : null;
            String inSource = i < real.size() ? real.get(i) : null;
            if (inTutorial == null || !inTutorial.equals(inSource)) {
                return "tutorial.md:" + (quote.blockLine() + i) + " differs from " + quote.file() + "#" + quote.tag()
                        + " (tag at line " + region.line() + "), line " + (i + 1) + " of the block:\n"
                        + "  tutorial: " + (inTutorial == null ? "(the block ends here)" : inTutorial) + "\n"
                        + "  source:   " + (inSource == null ? "(the region ends here)" : inSource) + "\n"
                        + "If the source is right, copy its region into the block again.";
            }
        }
        return null;
    }
}
