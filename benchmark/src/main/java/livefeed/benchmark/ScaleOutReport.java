package livefeed.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static livefeed.benchmark.Report.decimal;
import static livefeed.benchmark.Report.number;
import static livefeed.benchmark.Report.plain;

/**
 * Step 6's own figures, after the table, when step 6 was run: what each feed server held, Redis's own
 * connections, the latency nginx's and Redis's hops add to step 5's, and the table's CPU and memory
 * split between the feed servers, Redis and nginx. As a Markdown section, and as a CSV of its own
 * (the steps' CSV keeps its columns).
 */
final class ScaleOutReport {

    private record Row(String figure, Function<StepResult, String> value) {
    }

    private record Column(String name, Function<StepResult.ScaleOut, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("feed_servers", StepResult.ScaleOut::feedServers),
            new Column("streams_per_server_at_end", s -> joined(s.streamsAtEnd(), " ")),
            new Column("streams_per_server_most", s -> joined(s.streamsMost(), " ")),
            new Column("redis_clients_at_end", StepResult.ScaleOut::redisClientsAtEnd),
            new Column("redis_clients_most", StepResult.ScaleOut::redisClientsMost),
            new Column("redis_blocked_clients_at_end", StepResult.ScaleOut::redisBlockedAtEnd),
            new Column("feed_servers_cpu_us_per_item", s -> plain(s.feedServersMicrosPerItem(), 1)),
            new Column("redis_cpu_us_per_item", s -> plain(s.redisMicrosPerItem(), 1)),
            new Column("nginx_cpu_us_per_item", s -> plain(s.nginxMicrosPerItem(), 1)),
            new Column("feed_servers_peak_rss_mb", StepResult.ScaleOut::feedServersRssMb),
            new Column("redis_peak_rss_mb", StepResult.ScaleOut::redisRssMb),
            new Column("nginx_peak_rss_mb", StepResult.ScaleOut::nginxRssMb));

    private final List<StepResult> step6;
    private final StepResult step5;

    ScaleOutReport(List<StepResult> results) {
        step6 = results.stream().filter(r -> r.scaleOut() != null).toList();
        step5 = results.stream().filter(r -> r.step() == Step.STEP_5 && r.held()).findFirst().orElse(null);
    }

    boolean empty() {
        return step6.isEmpty();
    }

    String markdown() {
        List<Row> rows = new ArrayList<>(List.of(
                new Row("feed servers (a JVM each) over one Redis", r -> number(r.scaleOut().feedServers())
                        + (r.step().viaNginx() ? ", behind nginx" : ", no nginx")),
                new Row("connections each feed server holds: at the end", r -> numbers(r.scaleOut().streamsAtEnd())),
                new Row("connections each feed server holds: most of 3 samples",
                        r -> numbers(r.scaleOut().streamsMost())),
                new Row("Redis's clients: connected at the end / most of 3 samples / in a blocking read",
                        r -> Report.count(r.scaleOut().redisClientsAtEnd()) + " / " + Report.count(r.scaleOut().redisClientsMost())
                                + " / " + Report.count(r.scaleOut().redisBlockedAtEnd()))));
        if (step5 != null) {
            rows.add(new Row("spaced items: delivered p50 / p99, minus step 5's",
                    r -> difference(r.spaced().p50(), step5.spaced().p50()) + " / "
                            + difference(r.spaced().p99(), step5.spaced().p99()) + " ms"));
        }
        rows.addAll(List.of(
                new Row("CPU per delivered item: feed servers / Redis / nginx", r -> decimal(r.scaleOut().feedServersMicrosPerItem(), 0)
                        + " / " + decimal(r.scaleOut().redisMicrosPerItem(), 0) + " / "
                        + decimal(r.scaleOut().nginxMicrosPerItem(), 0) + " µs"),
                new Row("peak RSS: feed servers / Redis / nginx", r -> Report.count(r.scaleOut().feedServersRssMb()) + " / "
                        + Report.count(r.scaleOut().redisRssMb()) + " / " + Report.count(r.scaleOut().nginxRssMb()) + " MB")));
        StringBuilder text = new StringBuilder("\n### Step 6: where the load went\n\n")
                .append("The table's CPU, RSS and heap for step 6 are sums over its processes; here they are apart (CPU"
                        + " per item: in the measured phase, over the items delivered). The connections a feed server holds"
                        + " (established, on its port, in /proc/net/tcp) are its streams, and behind nginx one or two that"
                        + " nginx keeps for the POSTs. Redis's clients are INFO clients' connected_clients, the benchmark's own"
                        + " connection left out, and blocked_clients. The 3 samples: before the measured items, after them,"
                        + " after the idle window.")
                .append(step5 == null ? "" : " The differences with step 5 are with its figures in this run: for 6x1"
                        + " direct, the Redis hop; behind nginx, nginx's hop too.")
                .append("\n\n| figure |");
        step6.forEach(r -> text.append(' ').append(r.step().label).append(" |"));
        text.append("\n|---|");
        step6.forEach(r -> text.append("---|"));
        text.append('\n');
        for (Row row : rows) {
            text.append("| ").append(row.figure()).append(" |");
            step6.forEach(r -> text.append(' ').append(row.value().apply(r)).append(" |"));
            text.append('\n');
        }
        return text.toString();
    }

    /** One line per step 6 row: its key, then the columns. */
    String csv() {
        StringBuilder text = new StringBuilder("step,").append(COLUMNS.stream().map(Column::name)
                .collect(Collectors.joining(","))).append('\n');
        for (StepResult result : step6) {
            text.append(result.step().key);
            COLUMNS.forEach(column -> text.append(',').append(column.value().apply(result.scaleOut())));
            text.append('\n');
        }
        return text.toString();
    }

    static List<String> columnNames() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** "+3", "-1", "0"; n/a where either was not measured. */
    private static String difference(long value, long step5Value) {
        if (value < 0 || step5Value < 0) {
            return "n/a";
        }
        long difference = value - step5Value;
        return (difference > 0 ? "+" : "") + number(difference);
    }

    /** "1,000", "335 / 334 / 334": one count per feed server, for people. */
    private static String numbers(List<Integer> values) {
        return values.isEmpty() ? "n/a" : values.stream().map(value -> value < 0 ? "n/a" : number(value))
                .collect(Collectors.joining(" / "));
    }

    private static String joined(List<Integer> values, String separator) {
        return values.isEmpty() ? "n/a" : values.stream().map(String::valueOf).collect(Collectors.joining(separator));
    }
}
