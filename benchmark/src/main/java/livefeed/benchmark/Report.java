package livefeed.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The steps side by side: a Markdown table with step 3's targets in the last column (✓ or ✗ for
 * step 3's figure, so a regression shows), and a CSV with one line per step.
 */
final class Report {

    /** One line of the table: a figure of every step, and step 3's target for it, if it has one. */
    private record Row(String figure, Function<StepResult, String> value, String target, Predicate<StepResult> met) {
    }

    private final String title;
    private final List<String> notes;
    private final List<StepResult> results;
    private final List<Row> rows = new ArrayList<>();

    Report(String title, List<String> notes, List<StepResult> results) {
        this.title = title;
        this.notes = List.copyOf(notes);
        this.results = List.copyOf(results);
        int n = results.isEmpty() ? 0 : results.get(0).subscribers();
        long p99Target = n > 1000 ? 250 : 40; // the step 3 issue's targets: at 10,000 subscribers, and at 1,000
        row("how the subscribers follow the feed", StepResult::technique, "", null);
        row("holds " + number(n) + " subscribers", r -> r.held() ? "yes" : "no: " + r.problem(), "yes", StepResult::held);
        row("all connected after", r -> r.connectMillis() < 0 ? "n/a" : number(r.connectMillis()) + " ms",
                "≤ 1,500 ms", r -> r.connectMillis() >= 0 && r.connectMillis() <= 1500);
        row("spaced items: delivered p50", r -> millis(r.spacedP50()), "< 90 ms", r -> r.spacedP50() < 90);
        row("spaced items: delivered p99", r -> millis(r.spacedP99()), "< " + p99Target + " ms",
                r -> r.spacedP99() < p99Target);
        row("spaced items: delivered max", r -> millis(r.spacedMax()), "", null);
        row("burst of " + StepRun.BURST_ITEMS + ": delivered p50 / p99 / max",
                r -> millis(r.burstP50()) + " / " + millis(r.burstP99()) + " / " + millis(r.burstMax()), "", null);
        row("lost per subscriber: spaced items", r -> decimal(r.lostSpacedPerSubscriber(), 2), "0",
                r -> r.lostSpacedPerSubscriber() == 0);
        row("lost per subscriber: burst of " + StepRun.BURST_ITEMS, r -> decimal(r.lostBurstPerSubscriber(), 2), "0",
                r -> r.lostBurstPerSubscriber() == 0);
        row("duplicated / out of order (all subscribers)", r -> r.duplicates() + " / " + r.outOfOrder(), "0 / 0",
                r -> r.duplicates() + r.outOfOrder() == 0);
        row("HTTP requests per delivered item", r -> decimal(r.requestsPerItem(), 2), "≤ 1", r -> r.requestsPerItem() <= 1);
        row("idle: requests per minute per subscriber", r -> r.idleRequestsPerMinute() < 0 ? "n/a"
                : decimal(r.idleRequestsPerMinute(), 1), "", null);
        row("idle: server CPU, % of one core", r -> decimal(r.idleCpuPercent(), 1) + " %", "", null);
        row("server CPU, measured phase: seconds / % of one core", r -> decimal(r.serverCpuSeconds(), 2) + " s / "
                + decimal(r.serverCpuPercent(), 0) + " %", "", null);
        row("server CPU per delivered item", r -> decimal(r.cpuMicrosPerItem(), 0) + " µs", "≤ 30 µs",
                r -> r.cpuMicrosPerItem() <= 30);
        row("POST answered: p50 (spaced items) / max (all)", r -> decimal(r.postP50Millis(), 1) + " / " + decimal(r.postMaxMillis(), 1) + " ms",
                "p50 < 10 ms, max < 50 ms", r -> r.postP50Millis() < 10 && r.postMaxMillis() < 50);
        row("server peak RSS (step 4: with nginx)", r -> r.peakRssMb() + " MB", "< 150 MB", r -> r.peakRssMb() < 150);
        row("server heap used, most of 3 samples", r -> r.heapUsedMb() < 0 ? "n/a" : r.heapUsedMb() + " MB", "", null);
        row("failed connects / closed between answers / broken / not 200", r -> r.failedConnects() + " / "
                + r.closedBetweenAnswers() + " / " + r.brokenAnswers() + " / " + r.errorAnswers(), "0 / 0 / 0 / 0",
                r -> r.failedConnects() + r.closedBetweenAnswers() + r.brokenAnswers() + r.errorAnswers() == 0);
        row("subscribers' busiest: selector thread / process (% of a core)", r -> decimal(r.selectorPercent(), 0)
                + " / " + decimal(r.generatorPercent(), 0) + " %" + (r.generatorSaturated() ? " saturated" : ""),
                "< " + (int) StepResult.SATURATED_PERCENT + " %", r -> !r.generatorSaturated());
        row("CPU 0 used by others (kernel work included), % of wall", r -> r.otherCpu0Percent() + " %", "≈ 0 %",
                r -> r.otherCpu0Percent() < 5);
    }

    private void row(String figure, Function<StepResult, String> value, String target, Predicate<StepResult> met) {
        rows.add(new Row(figure, value, target, met));
    }

    String markdown() {
        StringBuilder text = new StringBuilder(title).append("\n\n");
        notes.forEach(note -> text.append(note).append("\n"));
        text.append("\n| figure |");
        results.forEach(r -> text.append(" step ").append(r.step().number).append(" |"));
        text.append(" step 3's target |\n|---|");
        results.forEach(r -> text.append("---|"));
        text.append("---|\n");
        StepResult step3 = results.stream().filter(r -> r.step() == Step.STEP_3).findFirst().orElse(null);
        for (Row row : rows) {
            text.append("| ").append(row.figure()).append(" |");
            results.forEach(r -> text.append(' ').append(row.value().apply(r)).append(" |"));
            String mark = row.met() == null || step3 == null ? "" : row.met().test(step3) ? " ✓" : " ✗";
            text.append(' ').append(row.target()).append(row.target().isEmpty() ? "" : mark).append(" |\n");
        }
        return text.toString();
    }

    String csv() {
        StringBuilder text = new StringBuilder("step,technique,subscribers,held,problem,connected,connect_ms,"
                + "spaced_p50_ms,spaced_p99_ms,spaced_max_ms,burst_p50_ms,burst_p99_ms,burst_max_ms,"
                + "lost_spaced_per_subscriber,lost_burst_per_subscriber,duplicates,out_of_order,requests_per_item,"
                + "idle_requests_per_minute_per_subscriber,idle_seconds,server_cpu_s,server_cpu_percent,server_cpu_us_per_item,"
                + "idle_server_cpu_percent,post_p50_ms,post_max_ms,peak_rss_mb,heap_used_mb,failed_connects,"
                + "closed_between_answers,broken_answers,not_200,selector_percent,generator_percent,"
                + "generator_saturated,other_cpu0_percent\n");
        for (StepResult r : results) {
            List<Object> fields = List.of(r.step().number, r.technique(), r.subscribers(), r.held(),
                    r.problem() == null ? "" : r.problem(), r.connected(), r.connectMillis(),
                    r.spacedP50(), r.spacedP99(), r.spacedMax(), r.burstP50(), r.burstP99(), r.burstMax(),
                    plain(r.lostSpacedPerSubscriber(), 3), plain(r.lostBurstPerSubscriber(), 3), r.duplicates(),
                    r.outOfOrder(), plain(r.requestsPerItem(), 3), plain(r.idleRequestsPerMinute(), 2),
                    plain(r.idleSeconds(), 1), plain(r.serverCpuSeconds(), 2), plain(r.serverCpuPercent(), 1),
                    plain(r.cpuMicrosPerItem(), 1),
                    plain(r.idleCpuPercent(), 2), plain(r.postP50Millis(), 2), plain(r.postMaxMillis(), 2),
                    r.peakRssMb(), r.heapUsedMb(), r.failedConnects(), r.closedBetweenAnswers(), r.brokenAnswers(),
                    r.errorAnswers(), plain(r.selectorPercent(), 1), plain(r.generatorPercent(), 1),
                    r.generatorSaturated(), r.otherCpu0Percent());
            text.append(String.join(",", fields.stream().map(field -> quoted(String.valueOf(field))).toList()))
                    .append('\n');
        }
        return text.toString();
    }

    /** n/a for -1, which stands for a figure that could not be measured. */
    static String millis(long value) {
        return value < 0 ? "n/a" : number(value) + " ms";
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** For people: 1,234.5, the same on every machine. */
    static String decimal(double value, int places) {
        if (value < 0) {
            return "n/a"; // nothing was measured: no item delivered, no POST answered
        }
        return String.format(Locale.ROOT, "%,." + places + "f", value);
    }

    /** For the CSV: no thousands separator, and a point whatever the machine's locale, since programs read it. */
    static String plain(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /** Quoted only when it must be: a comma, a quote or a line break inside. */
    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
