package livefeed.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The steps side by side: a Markdown table with step 3's targets in a column of their own (✓ or ✗
 * for step 3's figure, so a regression shows), and step 5's in the last column when step 5 was run
 * (issue 14's, one of them relative to nginx+nchan's figure); and the CSV of the same results.
 */
final class Report {

    /** One line of the table: a figure of every step, and step 3's and step 5's targets for it, if they have one. */
    private record Row(String figure, Function<StepResult, String> value, String target, Predicate<StepResult> met,
                       String step5Target, Predicate<StepResult> step5Met) {
    }

    /** Step 5's targets: issue 14's, for 10,000 streams with the server on one core. */
    static final double STEP_5_P99_OF_NCHAN = 0.8;
    static final double STEP_5_MICROS_PER_ITEM = 12;
    static final long STEP_5_PEAK_RSS_MB = 450;

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
        long nchanP99 = results.stream().filter(r -> r.step() == Step.NCHAN).mapToLong(r -> r.spaced().p99())
                .findFirst().orElse(StepResult.NOT_MEASURED);
        long step5P99Target = Math.round(STEP_5_P99_OF_NCHAN * nchanP99);
        row("how the subscribers follow the feed", StepResult::technique, "", null);
        row("holds " + number(n) + " subscribers", r -> r.held() ? "yes" : "no: " + r.problem(), "yes", StepResult::held,
                "yes", StepResult::held);
        row("all connected after", r -> r.connecting().allConnectedMillis() < 0 ? "n/a"
                        : number(r.connecting().allConnectedMillis()) + " ms", "≤ 1,500 ms",
                r -> r.connecting().allConnectedMillis() >= 0 && r.connecting().allConnectedMillis() <= 1500);
        row("spaced items: delivered p50", r -> millis(r.spaced().p50()), "< 90 ms", r -> r.spaced().p50() < 90);
        row("spaced items: delivered p99", r -> millis(r.spaced().p99()), "< " + p99Target + " ms",
                r -> r.spaced().p99() < p99Target,
                nchanP99 < 0 ? "≤ 0.8 × nginx+nchan's" : "≤ " + millis(step5P99Target) + " (0.8 × nginx+nchan's)",
                nchanP99 < 0 ? null : r -> r.spaced().p99() >= 0 && r.spaced().p99() <= step5P99Target);
        row("spaced items: delivered max", r -> millis(r.spaced().max()), "", null);
        row("burst of " + StepRun.BURST_ITEMS + ": delivered p50 / p99 / max",
                r -> millis(r.burst().p50()) + " / " + millis(r.burst().p99()) + " / " + millis(r.burst().max()), "", null);
        row("lost per subscriber: spaced items", r -> decimal(r.losses().spacedPerSubscriber(), 2), "0",
                r -> r.losses().spacedPerSubscriber() == 0, "0", r -> r.losses().spacedPerSubscriber() == 0);
        row("lost per subscriber: burst of " + StepRun.BURST_ITEMS, r -> decimal(r.losses().burstPerSubscriber(), 2), "0",
                r -> r.losses().burstPerSubscriber() == 0, "0", r -> r.losses().burstPerSubscriber() == 0);
        row("duplicated / out of order (all subscribers)", r -> count(r.losses().duplicates()) + " / " + count(r.losses().outOfOrder()),
                "0 / 0", r -> r.losses().duplicates() + r.losses().outOfOrder() == 0,
                "0 / 0", r -> r.losses().duplicates() + r.losses().outOfOrder() == 0);
        row("HTTP requests per delivered item", r -> decimal(r.requests().perItem(), 2), "≤ 1",
                r -> r.requests().perItem() <= 1, "≈ 0 (< 0.01)", r -> r.requests().perItem() >= 0 && r.requests().perItem() < 0.01);
        row("idle: requests per minute per subscriber", r -> r.requests().idlePerMinute() < 0 ? "n/a"
                : decimal(r.requests().idlePerMinute(), 1), "", null,
                "≈ 0 (< 0.1)", r -> r.requests().idlePerMinute() >= 0 && r.requests().idlePerMinute() < 0.1);
        row("idle: server CPU, % of one core", r -> decimal(r.serverCpu().idlePercent(), 1) + " %", "", null);
        row("server CPU, measured phase: seconds / % of one core", r -> decimal(r.serverCpu().seconds(), 2) + " s / "
                + decimal(r.serverCpu().percent(), 0) + " %", "", null);
        row("server CPU per delivered item", r -> decimal(r.serverCpu().microsPerItem(), 0) + " µs", "≤ 30 µs",
                r -> r.serverCpu().microsPerItem() <= 30, "≤ " + decimal(STEP_5_MICROS_PER_ITEM, 0) + " µs",
                r -> r.serverCpu().microsPerItem() >= 0 && r.serverCpu().microsPerItem() <= STEP_5_MICROS_PER_ITEM);
        row("POST answered: p50 (spaced items) / max (all)", r -> decimal(r.posts().p50Millis(), 1) + " / "
                        + decimal(r.posts().maxMillis(), 1) + " ms", "p50 < 10 ms, max < 50 ms",
                r -> r.posts().p50Millis() < 10 && r.posts().maxMillis() < 50);
        row("server peak RSS (step 4: with nginx)", r -> r.memory().peakRssMb() < 0 ? "n/a"
                : r.memory().peakRssMb() + " MB", "< 150 MB",
                r -> r.memory().peakRssMb() < 150, "< " + STEP_5_PEAK_RSS_MB + " MB",
                r -> r.memory().peakRssMb() >= 0 && r.memory().peakRssMb() < STEP_5_PEAK_RSS_MB);
        row("server heap used, most of 3 samples", r -> r.memory().heapUsedMb() < 0 ? "n/a"
                : r.memory().heapUsedMb() + " MB", "", null);
        row("failed connects / closed between answers / broken / not 200", r -> count(r.troubles().failedConnects()) + " / "
                        + count(r.troubles().closedBetweenAnswers()) + " / " + count(r.troubles().brokenAnswers())
                        + " / " + count(r.troubles().errorAnswers()), "0 / 0 / 0 / 0", r -> r.troubles().total() == 0,
                "0 / 0 / 0 / 0", r -> r.troubles().total() == 0);
        row("subscribers' busiest: selector thread / process (% of a core)", r -> decimal(r.generator().selectorPercent(), 0)
                        + " / " + decimal(r.generator().processPercent(), 0) + " %"
                        + (r.generator().saturated() ? " saturated" : ""),
                "< " + (int) StepResult.Generator.SATURATED_PERCENT + " %", r -> !r.generator().saturated(),
                "< " + (int) StepResult.Generator.SATURATED_PERCENT + " %", r -> !r.generator().saturated());
        row("CPU 0 used by others (kernel work included), % of wall", r -> r.generator().otherCpu0Percent() + " %",
                "≈ 0 %", r -> r.generator().otherCpu0Percent() < 5, "≈ 0 %", r -> r.generator().otherCpu0Percent() < 5);
    }

    private void row(String figure, Function<StepResult, String> value, String target, Predicate<StepResult> met) {
        row(figure, value, target, met, "", null);
    }

    private void row(String figure, Function<StepResult, String> value, String target, Predicate<StepResult> met,
                     String step5Target, Predicate<StepResult> step5Met) {
        rows.add(new Row(figure, value, target, met, step5Target, step5Met));
    }

    String markdown() {
        StepResult step3 = result(Step.STEP_3);
        StepResult step5 = result(Step.STEP_5);
        StringBuilder text = new StringBuilder(title).append("\n\n");
        notes.forEach(note -> text.append(note).append("\n"));
        text.append("\n| figure |");
        results.forEach(r -> text.append(' ').append(r.step().label).append(" |"));
        text.append(" step 3's target |").append(step5 == null ? "" : " step 5's target |").append("\n|---|");
        results.forEach(r -> text.append("---|"));
        text.append(step5 == null ? "---|\n" : "---|---|\n");
        for (Row row : rows) {
            text.append("| ").append(row.figure()).append(" |");
            results.forEach(r -> text.append(' ').append(row.value().apply(r)).append(" |"));
            text.append(' ').append(target(row.target(), row.met(), step3)).append(" |");
            if (step5 != null) {
                text.append(' ').append(target(row.step5Target(), row.step5Met(), step5)).append(" |");
            }
            text.append('\n');
        }
        ScaleOutReport scaleOut = new ScaleOutReport(results);
        if (!scaleOut.empty()) {
            text.append(scaleOut.markdown());
        }
        return text.toString();
    }

    /** The target, marked ✓ or ✗ for the step's figure where it has a test and the step was run. */
    private static String target(String target, Predicate<StepResult> met, StepResult step) {
        String mark = met == null || step == null ? "" : met.test(step) ? " ✓" : " ✗";
        return target + (target.isEmpty() ? "" : mark);
    }

    private StepResult result(Step step) {
        return results.stream().filter(r -> r.step() == step).findFirst().orElse(null);
    }

    String csv() {
        return Csv.of(results);
    }

    /** Step 6's own figures, one line per step 6 row; null when step 6 was not run. */
    String scaleOutCsv() {
        ScaleOutReport scaleOut = new ScaleOutReport(results);
        return scaleOut.empty() ? null : scaleOut.csv();
    }

    /** n/a for -1, which stands for a figure that could not be measured. */
    static String millis(long value) {
        return value < 0 ? "n/a" : number(value) + " ms";
    }

    /** A count as it is, or n/a where nothing was measured (a run that failed). */
    static String count(long value) {
        return value < 0 ? "n/a" : String.valueOf(value);
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
}
