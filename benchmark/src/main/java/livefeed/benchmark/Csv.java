package livefeed.benchmark;

import java.util.List;
import java.util.function.Function;

import static livefeed.benchmark.Report.plain;

/**
 * The results as CSV, one line per step, for programs to read: each column is defined once, by its
 * name and how its value is read from a result. Numbers are plain (no thousands separator, a point
 * whatever the locale); a figure that was not measured is -1.
 */
final class Csv {

    private record Column(String name, Function<StepResult, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("step", r -> r.step().key),
            new Column("technique", StepResult::technique),
            new Column("subscribers", StepResult::subscribers),
            new Column("held", StepResult::held),
            new Column("problem", r -> r.problem() == null ? "" : r.problem()),
            new Column("connected", r -> r.connecting().connected()),
            new Column("connect_ms", r -> r.connecting().allConnectedMillis()),
            new Column("spaced_p50_ms", r -> r.spaced().p50()),
            new Column("spaced_p99_ms", r -> r.spaced().p99()),
            new Column("spaced_max_ms", r -> r.spaced().max()),
            new Column("burst_p50_ms", r -> r.burst().p50()),
            new Column("burst_p99_ms", r -> r.burst().p99()),
            new Column("burst_max_ms", r -> r.burst().max()),
            new Column("lost_spaced_per_subscriber", r -> plain(r.losses().spacedPerSubscriber(), 3)),
            new Column("lost_burst_per_subscriber", r -> plain(r.losses().burstPerSubscriber(), 3)),
            new Column("duplicates", r -> r.losses().duplicates()),
            new Column("out_of_order", r -> r.losses().outOfOrder()),
            new Column("requests_per_item", r -> plain(r.requests().perItem(), 3)),
            new Column("idle_requests_per_minute_per_subscriber", r -> plain(r.requests().idlePerMinute(), 2)),
            new Column("idle_seconds", r -> plain(r.requests().idleSeconds(), 1)),
            new Column("server_cpu_s", r -> plain(r.serverCpu().seconds(), 2)),
            new Column("server_cpu_percent", r -> plain(r.serverCpu().percent(), 1)),
            new Column("server_cpu_us_per_item", r -> plain(r.serverCpu().microsPerItem(), 1)),
            new Column("idle_server_cpu_percent", r -> plain(r.serverCpu().idlePercent(), 2)),
            new Column("post_p50_ms", r -> plain(r.posts().p50Millis(), 2)),
            new Column("post_max_ms", r -> plain(r.posts().maxMillis(), 2)),
            new Column("peak_rss_mb", r -> r.memory().peakRssMb()),
            new Column("heap_used_mb", r -> r.memory().heapUsedMb()),
            new Column("failed_connects", r -> r.troubles().failedConnects()),
            new Column("closed_between_answers", r -> r.troubles().closedBetweenAnswers()),
            new Column("broken_answers", r -> r.troubles().brokenAnswers()),
            new Column("not_200", r -> r.troubles().errorAnswers()),
            new Column("selector_percent", r -> plain(r.generator().selectorPercent(), 1)),
            new Column("generator_percent", r -> plain(r.generator().processPercent(), 1)),
            new Column("generator_saturated", r -> r.generator().saturated()),
            new Column("other_cpu0_percent", r -> r.generator().otherCpu0Percent()));

    private Csv() {
    }

    /** The header line, then one line per result. */
    static String of(List<StepResult> results) {
        StringBuilder text = new StringBuilder(String.join(",", columnNames())).append('\n');
        for (StepResult result : results) {
            text.append(String.join(",", COLUMNS.stream().map(c -> quoted(String.valueOf(c.value().apply(result))))
                    .toList())).append('\n');
        }
        return text.toString();
    }

    static List<String> columnNames() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** Quoted only when it must be: a comma, a quote or a line break inside. */
    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
