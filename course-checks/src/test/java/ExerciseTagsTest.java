import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run by tag (-Dgroups=ex1.1) is refused in a module that has no test with that tag, and the refusal
 * lists the module's tags: the list in its pom ({@code <exercise.tags>}) must be the tags of its tests.
 */
class ExerciseTagsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern TAG = Pattern.compile("@Tag\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern TAGS_PROPERTY = Pattern.compile("<exercise\\.tags>([^<]*)</exercise\\.tags>");

    @Test
    void everyModulesPomListsTheTagsOfItsTests() throws IOException {
        List<String> wrong = new ArrayList<>();
        Matcher module = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            if (module.group(1).equals("course-checks")) {
                continue; // this module: its tests spell tags out in made-up sources
            }
            Path folder = ROOT.resolve(module.group(1));
            Set<String> tags = tags(folder.resolve("src/test/java"));
            Matcher listed = TAGS_PROPERTY.matcher(Files.readString(folder.resolve("pom.xml")));
            Set<String> inPom = listed.find() ? new TreeSet<>(Arrays.asList(listed.group(1).split("\\|"))) : Set.of();
            if (!inPom.equals(tags)) {
                wrong.add(module.group(1) + "/pom.xml: " + (tags.isEmpty() ? "no test has a tag: remove <exercise.tags>"
                        : "its tests' tags are " + tags + ": write <exercise.tags>" + String.join("|", tags) + "</exercise.tags>"
                        + (inPom.isEmpty() ? "" : " (it lists " + inPom + ")")));
            }
        }
        assertThat(wrong).withFailMessage("%s", String.join("\n", wrong)).isEmpty();
    }

    private static Set<String> tags(Path tests) throws IOException {
        Set<String> tags = new TreeSet<>();
        if (!Files.isDirectory(tests)) {
            return tags;
        }
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher tag = TAG.matcher(Files.readString(file));
                while (tag.find()) {
                    tags.add(tag.group(1));
                }
            }
        }
        return tags;
    }
}
