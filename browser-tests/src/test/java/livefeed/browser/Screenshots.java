package livefeed.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures of the pages, saved to target/screenshots/. The few that README.md and tutorial.md show
 * are also copied to docs/images/ when the build runs with -Dscreenshots.update=true.
 */
final class Screenshots {

    private static final Path TARGET = Path.of("target", "screenshots");
    private static final Path DOCS = Step.REPOSITORY.resolve("docs").resolve("images");
    /** The docs' pictures live in git: keep each one small. */
    private static final int MAX_DOCS_BYTES = 150 * 1024;

    private Screenshots() {
    }

    static void save(byte[] png, String name) {
        write(TARGET.resolve(name + ".png"), png);
    }

    static void saveForDocs(byte[] png, String name) {
        save(png, name);
        assertThat(png.length).as("the size of the docs picture %s.png", name).isLessThan(MAX_DOCS_BYTES);
        if (Boolean.getBoolean("screenshots.update")) {
            write(DOCS.resolve(name + ".png"), png);
        }
    }

    private static void write(Path file, byte[] png) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
