import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course holds a room: every chapter of tutorial.md can be read in one sitting, and every
 * step's chapter opens with its picture.
 *
 * <p>A chapter, for these checks, is what a {@code ## } heading starts, up to the next one: the
 * numbered chapters, each part of a split chapter, the recap and each appendix; the text above the
 * first such heading counts as one more. Its prose is every line outside fenced code blocks
 * (diagrams included), without the {@code <!-- snippet: ... -->} markers; tables count as prose.
 * At about 190 words a minute plus the code, 3,500 words of prose are about 25 minutes.
 */
class ChaptersTest {

    static final int MOST_WORDS_OF_PROSE = 3_500;

    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern RUN_A_STEP = Pattern.compile("^Run it: `mvn -q -pl (step\\d+-[a-z-]+) ");

    /** One chapter: its heading (or "(before the first chapter)"), the line it starts on, its lines. */
    record Chapter(String heading, int line, List<String> lines) {
    }

    private static List<Chapter> chapters;

    @BeforeAll
    static void read() throws IOException {
        chapters = chapters(Files.readAllLines(Path.of("..").toAbsolutePath().normalize().resolve("tutorial.md")));
    }

    @Test
    void everyChapterFitsASitting() {
        List<String> tooLong = new ArrayList<>();
        for (Chapter chapter : chapters) {
            int words = wordsOfProse(chapter.lines());
            if (words > MOST_WORDS_OF_PROSE) {
                tooLong.add("tutorial.md:" + chapter.line() + ": '" + chapter.heading() + "' has " + words
                        + " words of prose, more than " + MOST_WORDS_OF_PROSE + " (about 25 minutes): split it,"
                        + " or move what a first reading can skip to an appendix");
            }
        }
        assertThat(chapters).as("chapters found in tutorial.md").hasSizeGreaterThan(5);
        assertThat(tooLong).withFailMessage("%s", String.join("\n", tooLong)).isEmpty();
    }

    /** A step's chapter is one whose "Run it:" line runs a step's module; its first block is a sequence diagram. */
    @Test
    void everyStepsChapterOpensWithASequenceDiagram() {
        List<String> steps = new ArrayList<>();
        List<String> withoutPicture = new ArrayList<>();
        for (Chapter chapter : chapters) {
            String step = chapter.lines().stream().map(RUN_A_STEP::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst().orElse(null);
            if (step == null) {
                continue;
            }
            steps.add(step);
            if (!opensWithASequenceDiagram(chapter.lines())) {
                withoutPicture.add("tutorial.md:" + chapter.line() + ": '" + chapter.heading() + "' runs " + step
                        + " but does not open with its picture: a ```mermaid block starting with sequenceDiagram,"
                        + " before the chapter's first ### heading and its first other block");
            }
        }
        assertThat(steps).as("chapters that run a step").contains("step1-polling", "step2-long-polling",
                "step3-backlog", "step4-proxy");
        assertThat(withoutPicture).withFailMessage("%s", String.join("\n", withoutPicture)).isEmpty();
    }

    @Test
    void theProseCountLeavesOutCodeAndDiagrams() {
        List<String> lines = List.of("## A chapter", "", "Four words of prose.", "<!-- snippet: a/B.java#c -->",
                "```java", "int not = counted;", "```", "```mermaid", "sequenceDiagram", "```", "| a | table |");

        assertThat(wordsOfProse(lines)).isEqualTo(3 + 4 + 5);
    }

    static List<Chapter> chapters(List<String> lines) {
        List<Chapter> found = new ArrayList<>();
        String heading = "(before the first chapter)";
        int start = 0;
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
            } else if (!inCode && line.startsWith("## ")) {
                found.add(new Chapter(heading, start + 1, lines.subList(start, i)));
                heading = line.substring(3).strip();
                start = i;
            }
        }
        found.add(new Chapter(heading, start + 1, lines.subList(start, lines.size())));
        return found;
    }

    static int wordsOfProse(List<String> lines) {
        int words = 0;
        boolean inCode = false;
        for (String line : lines) {
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
            } else if (!inCode && !line.startsWith("<!-- snippet:") && !line.isBlank()) {
                words += line.strip().split("\\s+").length;
            }
        }
        return words;
    }

    private static boolean opensWithASequenceDiagram(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("### ")) {
                return false;
            }
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                return fence.group(1).equals("mermaid") && i + 1 < lines.size()
                        && lines.get(i + 1).strip().equals("sequenceDiagram");
            }
        }
        return false;
    }
}
