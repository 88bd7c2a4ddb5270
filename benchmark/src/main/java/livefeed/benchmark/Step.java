package livefeed.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The steps of the course, and nginx+nchan as a reference: where each one's server is, how to start
 * it, and how its page follows the feed. A new step is a new line here, with the Subscriber that
 * follows the feed as its page does.
 */
enum Step {
    STEP_1("1", "step 1", "step1-polling", "livefeed.FeedServer", "polling every %s s, since=cursor", Kind.POLLING,
            () -> new PollingSubscriber(true)),
    STEP_2("2", "step 2", "step2-long-polling", "livefeed.FeedServer", "long polling, no cursor", Kind.LONG_POLLING,
            () -> new PollingSubscriber(false)),
    STEP_3("3", "step 3", "step3-backlog", "livefeed.FeedServer", "long polling, since=cursor", Kind.LONG_POLLING,
            () -> new PollingSubscriber(true)),
    STEP_4("4", "step 4", "step4-proxy", "livefeed.ProxyDemo", "step 3 behind nginx", Kind.LONG_POLLING,
            () -> new PollingSubscriber(true)),
    STEP_5("5", "step 5", "step5-server-sent-events", "livefeed.FeedServer", "server-sent events, Last-Event-ID",
            Kind.STREAM, () -> new EventStreamSubscriber("/feed_events", true)),
    /** Not a step: the engine people deploy for this job, under the same load. Its launcher is the benchmark's. */
    NCHAN("nchan", "nginx+nchan", null, "livefeed.benchmark.NchanServer", "nginx+nchan, EventSource", Kind.STREAM,
            () -> new EventStreamSubscriber(NchanServer.SUBSCRIBE_PATH, false)),
    /**
     * Step 6 with one feed server, and with three: nginx in front, one Redis behind, all started by ScaleOutServer.
     * And one feed server without nginx: beside step 5, the cost of the Redis hop alone.
     */
    STEP_6X1_DIRECT("6x1-direct", "6x1 direct", "step6-scale-out", "livefeed.benchmark.ScaleOutServer",
            "step 5 on Redis, 1 server, no nginx", Kind.STREAM, () -> new EventStreamSubscriber("/feed_events", true)),
    STEP_6X1("6x1", "step 6x1", "step6-scale-out", "livefeed.benchmark.ScaleOutServer",
            "step 5 on Redis, nginx, 1 server", Kind.STREAM, () -> new EventStreamSubscriber("/feed_events", true)),
    STEP_6X3("6x3", "step 6x3", "step6-scale-out", "livefeed.benchmark.ScaleOutServer",
            "step 5 on Redis, nginx, 3 servers", Kind.STREAM, () -> new EventStreamSubscriber("/feed_events", true));

    /** How a page follows the feed: it sets the subscribers' pace and the idle window. */
    enum Kind {
        /** Asks every few seconds. */
        POLLING,
        /** Asks again as soon as it has an answer. */
        LONG_POLLING,
        /** One request whose answer never ends: an event per item. */
        STREAM
    }

    /** What --steps calls it, and the CSV's step column. */
    final String key;
    /** Its name in the table's header and under its bars. */
    final String label;
    final String module; // null for nginx+nchan, whose launcher is the benchmark's own class
    final String mainClass;
    private final String technique;
    final Kind kind;
    /** A new subscriber that follows the feed as this step's page does. */
    final Supplier<Subscriber> newSubscriber;

    Step(String key, String label, String module, String mainClass, String technique, Kind kind,
         Supplier<Subscriber> newSubscriber) {
        this.key = key;
        this.label = label;
        this.module = module;
        this.mainClass = mainClass;
        this.technique = technique;
        this.kind = kind;
        this.newSubscriber = newSubscriber;
    }

    /** The step --steps names: 1 to 5, nchan, 6x1-direct, 6x1 or 6x3. */
    static Step named(String key) {
        for (Step step : values()) {
            if (step.key.equals(key)) {
                return step;
            }
        }
        throw new IllegalArgumentException("there is no step " + key + ": the steps are "
                + String.join(", ", Arrays.stream(values()).map(s -> s.key).toList()));
    }

    String technique(long pollEveryMillis) {
        return String.format(technique, pollEveryMillis / 1000.0).replace(".0 s", " s");
    }

    /** Where the main class the benchmark starts is: the step's server, or the benchmark's own launcher. */
    Path classes(Path root) {
        if (module == null || launcherOnly()) {
            return root.resolve("benchmark/target/classes");
        }
        return stepClasses(root);
    }

    /** Where the benchmark's build compiled this step's server (benchmark/pom.xml: one execution per step). */
    Path stepClasses(Path root) {
        return root.resolve("benchmark/target/steps").resolve(module);
    }

    /** How many feed servers step 6 runs behind nginx; 0 for the other steps. */
    int feedServers() {
        return switch (this) {
            case STEP_6X1, STEP_6X1_DIRECT -> 1;
            case STEP_6X3 -> 3;
            default -> 0;
        };
    }

    /** Step 6: several processes (feed servers, Redis, nginx), started by the benchmark's ScaleOutServer. */
    boolean scaleOut() {
        return feedServers() > 0;
    }

    /** Whether its server runs behind nginx: it needs nginx installed, and publishing needs the admin password. */
    boolean behindNginx() {
        return this == STEP_4;
    }

    /** Step 6's rows but the direct one: the subscribers and the publisher go through nginx. */
    boolean viaNginx() {
        return scaleOut() && this != STEP_6X1_DIRECT;
    }

    /** Whether it needs nginx at all. */
    boolean needsNginx() {
        return this == STEP_4 || this == NCHAN || viaNginx();
    }

    /**
     * Whether the process the benchmark starts only starts the server (nginx+nchan; step 6's feed servers,
     * Redis and nginx): its CPU and memory are not the server's, its children's are.
     */
    boolean launcherOnly() {
        return this == NCHAN || scaleOut();
    }

    /** Publishes items to this step's server as its admin page does, or to nchan's publisher location. */
    Publisher publisher(InetSocketAddress server, String adminPassword) {
        if (this == NCHAN) {
            return new NchanPublisher(server);
        }
        return new FeedPublisher(server, behindNginx() ? adminPassword : null);
    }

    /**
     * The server's own flags: a free port, and room for every subscriber to wait twice over; a
     * stream's heartbeat.
     */
    List<String> serverArgs(int subscribers, String pollTimeoutSeconds, int heartbeatSeconds) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", launcherOnly() ? String.valueOf(freePort()) : "0"));
        if (behindNginx()) {
            args.addAll(List.of("--nginx-port", String.valueOf(freePort()))); // nginx cannot be told to pick one
        } else if (!launcherOnly()) {
            args.addAll(List.of("--static", "static"));
        }
        if (scaleOut()) {
            args.addAll(List.of("--servers", String.valueOf(feedServers())));
        }
        if (this == STEP_6X1_DIRECT) {
            args.addAll(List.of("--nginx", "no"));
        }
        if (kind == Kind.LONG_POLLING) {
            args.addAll(List.of("--poll-timeout", pollTimeoutSeconds));
        }
        if (this == STEP_3 || this == STEP_4) { // the steps with a limit on waiting polls
            args.addAll(List.of("--max-waiting", String.valueOf(2 * subscribers)));
        }
        if (kind == Kind.STREAM) { // a limit on open streams, and heartbeats
            args.addAll(List.of("--heartbeat", String.valueOf(heartbeatSeconds),
                    "--max-subscribers", String.valueOf(2 * subscribers)));
        }
        return args;
    }

    /**
     * What step 6's launcher needs besides: where the feed servers' classes and jars are (benchmark/pom.xml
     * writes the jars' paths), and the --server-jvm-args, which are the feed servers', not the launcher's.
     */
    List<String> launcherArgs(Path root, List<String> serverJvmArgs) throws IOException {
        if (!scaleOut()) {
            return List.of();
        }
        String jars = Files.readString(root.resolve("benchmark/target/steps/" + module + ".classpath")).strip();
        return List.of("--classpath", stepClasses(root) + File.pathSeparator + jars,
                "--jvm-args", String.join(" ", serverJvmArgs));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
