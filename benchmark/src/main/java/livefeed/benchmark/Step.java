package livefeed.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** The four steps of the course: where each one's server is, how to start it, and how its page follows the feed. */
enum Step {
    STEP_1(1, "step1-polling", "livefeed.FeedServer", "polling every %s s, since=cursor", true, false),
    STEP_2(2, "step2-long-polling", "livefeed.FeedServer", "long polling, no cursor", false, true),
    STEP_3(3, "step3-backlog", "livefeed.FeedServer", "long polling, since=cursor", true, true),
    STEP_4(4, "step4-proxy", "livefeed.ProxyDemo", "step 3 behind nginx", true, true);

    final int number;
    final String module;
    final String mainClass;
    private final String technique;
    final boolean cursor;
    final boolean longPolling;

    Step(int number, String module, String mainClass, String technique, boolean cursor, boolean longPolling) {
        this.number = number;
        this.module = module;
        this.mainClass = mainClass;
        this.technique = technique;
        this.cursor = cursor;
        this.longPolling = longPolling;
    }

    static Step number(int number) {
        for (Step step : values()) {
            if (step.number == number) {
                return step;
            }
        }
        throw new IllegalArgumentException("there is no step " + number + ": the steps are 1 to 4");
    }

    String technique(long pollEveryMillis) {
        return String.format(technique, pollEveryMillis / 1000.0).replace(".0 s", " s");
    }

    /** The server's own flags: a free port, and room for every subscriber to wait twice over. */
    List<String> serverArgs(int subscribers, String pollTimeoutSeconds) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        if (this == STEP_4) {
            args.addAll(List.of("--nginx-port", String.valueOf(freePort()))); // nginx cannot be told to pick one
        } else {
            args.addAll(List.of("--static", "static"));
        }
        if (longPolling) {
            args.addAll(List.of("--poll-timeout", pollTimeoutSeconds));
        }
        if (this == STEP_3 || this == STEP_4) {
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
