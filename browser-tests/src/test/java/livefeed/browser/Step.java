package livefeed.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The steps of the tutorial, each a module whose server the tests start from its target/classes. */
enum Step {
    POLLING("step1-polling", "livefeed.FeedServer", Duration.ofSeconds(4)),     // the 2 s sleep, with room to spare
    LONG_POLLING("step2-long-polling", "livefeed.FeedServer", Duration.ofSeconds(1)),
    BACKLOG("step3-backlog", "livefeed.FeedServer", Duration.ofSeconds(1)),
    NGINX("step4-proxy", "livefeed.ProxyDemo", Duration.ofSeconds(1)),
    SERVER_SENT_EVENTS("step5-server-sent-events", "livefeed.FeedServer", Duration.ofSeconds(1));

    /** The repository: Maven runs the tests in browser-tests/, one level down. */
    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    final String module;
    final String mainClass;
    /** How soon an item published from the admin page must be on the live feed. */
    final Duration newItemDeadline;

    Step(String module, String mainClass, Duration newItemDeadline) {
        this.module = module;
        this.mainClass = mainClass;
        this.newItemDeadline = newItemDeadline;
    }

    Path classes() {
        Path classes = REPOSITORY.resolve(module).resolve("target").resolve("classes");
        if (!Files.exists(classes.resolve(mainClass.replace('.', '/') + ".class"))) {
            throw new IllegalStateException("no compiled " + mainClass + " in " + classes
                    + ": compile the steps first, such as with mvn -q compile (a run by tag, -Dgroups=..., builds this module alone)");
        }
        return classes;
    }

    @Override
    public String toString() {
        return module;
    }
}
