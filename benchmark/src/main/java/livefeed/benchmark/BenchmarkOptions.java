package livefeed.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's command line: every option has a default, so the command alone runs the course's comparison. */
record BenchmarkOptions(int clients, int items, int intervalMillis, int warmUpItems, List<Step> steps,
                        int pollEveryMillis, double pollTimeoutSeconds, int heartbeatSeconds, List<String> serverJvmArgs) {

    static final String USAGE = "options: --clients N (100) --items M (20) --interval-ms MS (500) --warm-up-items W (5)"
            + " --steps 1,2,3,4,5,nchan (these; nchan: the nginx+nchan reference; step 6 when named: 6x1-direct, 6x1, 6x3)"
            + " --poll-every-ms MS (2000, step 1)"
            + " --poll-timeout SECONDS (30, steps 2 to 4) --heartbeat SECONDS (15, steps 5 and 6, nchan)"
            + " --server-jvm-args \"-Xmx64m ...\" (none)";

    static BenchmarkOptions parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--clients", "100", "--items", "20",
                "--interval-ms", "500", "--warm-up-items", "5", "--steps", "1,2,3,4,5,nchan", "--poll-every-ms", "2000",
                "--poll-timeout", "30", "--heartbeat", "15", "--server-jvm-args", ""));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("unknown option, or no value after it: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        List<Step> steps = new ArrayList<>();
        for (String key : options.get("--steps").split(",")) {
            steps.add(Step.named(key.trim()));
        }
        double pollTimeout = seconds(options.get("--poll-timeout"));
        String jvmArgs = options.get("--server-jvm-args").trim();
        return new BenchmarkOptions(positive("--clients", options.get("--clients")),
                positive("--items", options.get("--items")), positive("--interval-ms", options.get("--interval-ms")),
                positive("--warm-up-items", options.get("--warm-up-items")), List.copyOf(steps),
                positive("--poll-every-ms", options.get("--poll-every-ms")), pollTimeout,
                positive("--heartbeat", options.get("--heartbeat")), jvmArgs.isEmpty() ? List.of() : List.of(jvmArgs.split("\\s+")));
    }

    /** The poll timeout as the servers' --poll-timeout flag takes it: 30, or 0.5. */
    String pollTimeoutFlag() {
        return pollTimeoutSeconds == Math.rint(pollTimeoutSeconds)
                ? String.valueOf((long) pollTimeoutSeconds) : String.valueOf(pollTimeoutSeconds);
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes whole numbers of at least 1, not '" + value + "'");
    }

    private static double seconds(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds > 0 && seconds < 35) { // step 4 refuses 35 s or more: nginx waits 5 s longer
                return seconds;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--poll-timeout takes seconds above 0 and below 35, not '" + value + "'");
    }
}
