package livefeed.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The steps of the course: where each one's server is, how to start it, and how its page follows the
 * feed. A new step is a new line here, with the Subscriber that follows the feed as its page does.
 */
enum Step {
    STEP_1(1, "step1-polling", "livefeed.FeedServer", "polling every %s s, since=cursor", false,
            () -> new PollingSubscriber(true)),
    STEP_2(2, "step2-long-polling", "livefeed.FeedServer", "long polling, no cursor", true,
            () -> new PollingSubscriber(false)),
    STEP_3(3, "step3-backlog", "livefeed.FeedServer", "long polling, since=cursor", true,
            () -> new PollingSubscriber(true)),
    STEP_4(4, "step4-proxy", "livefeed.ProxyDemo", "step 3 behind nginx", true,
            () -> new PollingSubscriber(true));

    final int number;
    final String module;
    final String mainClass;
    private final String technique;
    /** False for a page that polls every few seconds; true for one that asks again as soon as it has an answer. */
    final boolean longPolling;
    /** A new subscriber that follows the feed as this step's page does. */
    final Supplier<Subscriber> newSubscriber;

    Step(int number, String module, String mainClass, String technique, boolean longPolling,
         Supplier<Subscriber> newSubscriber) {
        this.number = number;
        this.module = module;
        this.mainClass = mainClass;
        this.technique = technique;
        this.longPolling = longPolling;
        this.newSubscriber = newSubscriber;
    }

    static Step number(int number) {
        for (Step step : values()) {
            if (step.number == number) {
                return step;
            }
        }
        throw new IllegalArgumentException("there is no step " + number + ": the steps are 1 to " + values().length);
    }

    /** Its name in the table's header and under its bars. */
    String label() {
        return "step " + number;
    }

    String technique(long pollEveryMillis) {
        return String.format(technique, pollEveryMillis / 1000.0).replace(".0 s", " s");
    }

    /** Where the benchmark's build compiled this step's server (benchmark/pom.xml: one execution per step). */
    Path classes(Path root) {
        return root.resolve("benchmark/target/steps").resolve(module);
    }

    /** Whether its server runs behind nginx: it needs nginx installed, and publishing needs the admin password. */
    boolean behindNginx() {
        return this == STEP_4;
    }

    /** The server's own flags: a free port, and room for every subscriber to wait twice over. */
    List<String> serverArgs(int subscribers, String pollTimeoutSeconds) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        if (behindNginx()) {
            args.addAll(List.of("--nginx-port", String.valueOf(freePort()))); // nginx cannot be told to pick one
        } else {
            args.addAll(List.of("--static", "static"));
        }
        if (longPolling) {
            args.addAll(List.of("--poll-timeout", pollTimeoutSeconds));
        }
        if (this == STEP_3 || this == STEP_4) { // the steps with a limit on waiting polls
            args.addAll(List.of("--max-waiting", String.valueOf(2 * subscribers)));
        }
        return args;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
