package livefeed.benchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import static livefeed.benchmark.Results.result;
import static org.assertj.core.api.Assertions.assertThat;

/** The side-by-side table and the CSV: a column per step, and step 3's figure checked against its target. */
class ReportTest {

    private final List<StepResult> results = Results.stepsOneToThree();

    @Test
    void putsTheStepsSideBySideWithStep3sTargetsMarked() {
        String markdown = new Report("## title", List.of("a note"), results).markdown();

        assertThat(markdown).startsWith("## title\n\na note\n\n| figure | step 1 | step 2 | step 3 | step 3's target |\n"
                + "|---|---|---|---|---|\n| how the subscribers follow the feed | technique 1 | technique 2 | technique 3 |  |\n");
        assertThat(markdown.lines()).contains(
                "| holds 100 subscribers | yes | yes | yes | yes ✓ |",
                "| spaced items: delivered p50 | 1,012 ms | 5 ms | 8 ms | < 90 ms ✓ |",
                "| spaced items: delivered p99 | 1,990 ms | 20 ms | 23 ms | < 40 ms ✓ |",
                "| lost per subscriber: burst of 10 | 0.00 | 3.80 | 0.00 | 0 ✓ |",
                "| idle: requests per minute per subscriber | 30.0 | 2.0 | 2.0 |  |",
                "| server CPU per delivered item | 430 µs | 430 µs | 430 µs | ≤ 30 µs ✗ |",
                "| server peak RSS (step 4: with nginx) | 155 MB | 155 MB | 155 MB | < 150 MB ✗ |");
    }

    @Test
    void setsTheStricterP99TargetUpTo1000SubscribersAndSaysWhyAStepDidNotHold() {
        StepResult notHeld = result(Step.STEP_3, "12 of 100 subscribers got no item at all", 95, 45, 0, 2);

        String markdown = new Report("## title", List.of(), List.of(notHeld)).markdown();

        assertThat(markdown.lines()).contains(
                "| holds 100 subscribers | no: 12 of 100 subscribers got no item at all | yes ✗ |",
                "| spaced items: delivered p50 | 95 ms | < 90 ms ✗ |",
                "| spaced items: delivered p99 | 45 ms | < 40 ms ✗ |");
    }

    @Test
    void saysNaWhereNothingWasMeasured() {
        StepResult failed = StepResult.failed(Step.STEP_4, "technique 4", 100, "the run failed: no URL");

        String markdown = new Report("## title", List.of(), List.of(failed)).markdown();

        assertThat(markdown.lines()).contains(
                "| holds 100 subscribers | no: the run failed: no URL | yes |",
                "| spaced items: delivered p50 | n/a | < 90 ms |",
                "| lost per subscriber: burst of 10 | n/a | 0 |",
                "| HTTP requests per delivered item | n/a | ≤ 1 |",
                "| duplicated / out of order (all subscribers) | n/a / n/a | 0 / 0 |",
                "| server peak RSS (step 4: with nginx) | n/a | < 150 MB |",
                "| failed connects / closed between answers / broken / not 200 | n/a / n/a / n/a / n/a | 0 / 0 / 0 / 0 |",
                "| POST answered: p50 (spaced items) / max (all) | n/a / n/a ms | p50 < 10 ms, max < 50 ms |");
    }

    @Test
    void putsStep5sTargetsInAColumnOfTheirOwnWithItsP99AgainstNchans() {
        List<StepResult> withStreams = List.of(results.get(2), result(Step.STEP_5, null, 4, 160, 0, 0),
                result(Step.NCHAN, null, 5, 205, 0, 0));

        String markdown = new Report("## title", List.of(), withStreams).markdown();

        assertThat(markdown).contains("\n| figure | step 3 | step 5 | nginx+nchan | step 3's target | step 5's target |\n"
                + "|---|---|---|---|---|---|\n");
        assertThat(markdown.lines()).contains(
                "| holds 100 subscribers | yes | yes | yes | yes ✓ | yes ✓ |",
                "| spaced items: delivered p50 | 8 ms | 4 ms | 5 ms | < 90 ms ✓ |  |",
                "| spaced items: delivered p99 | 23 ms | 160 ms | 205 ms | < 40 ms ✓ | ≤ 164 ms (0.8 × nginx+nchan's) ✓ |",
                "| idle: requests per minute per subscriber | 2.0 | 0.0 | 0.0 |  | ≈ 0 (< 0.1) ✓ |",
                "| server CPU per delivered item | 430 µs | 430 µs | 430 µs | ≤ 30 µs ✗ | ≤ 12 µs ✗ |",
                "| server peak RSS (step 4: with nginx) | 155 MB | 155 MB | 155 MB | < 150 MB ✗ | < 450 MB ✓ |");
    }

    @Test
    void leavesStep5sP99UnmarkedWithoutNchanAndMarksAFigureNotMeasuredAsMissed() {
        StepResult failed = StepResult.failed(Step.STEP_5, "technique 5", 100, "the run failed: no URL");

        String markdown = new Report("## title", List.of(), List.of(failed)).markdown();

        assertThat(markdown.lines()).contains(
                "| spaced items: delivered p99 | n/a | < 40 ms | ≤ 0.8 × nginx+nchan's |",
                "| server CPU per delivered item | n/a µs | ≤ 30 µs | ≤ 12 µs ✗ |",
                "| server peak RSS (step 4: with nginx) | n/a | < 150 MB | < 450 MB ✗ |",
                "| HTTP requests per delivered item | n/a | ≤ 1 | ≈ 0 (< 0.01) ✗ |");
    }

    @Test
    void namesNchansRowNchanInTheCsv() {
        String csv = new Report("## title", List.of(), List.of(result(Step.NCHAN, null, 5, 205, 0, 0))).csv();

        assertThat(csv.lines().toList().get(1)).startsWith("nchan,technique nchan,100,true,");
    }

    @Test
    void marksNothingWithoutStep3() {
        String markdown = new Report("## title", List.of(), List.of(results.get(0))).markdown();

        assertThat(markdown.lines()).contains("| spaced items: delivered p50 | 1,012 ms | < 90 ms |");
    }

    @Test
    void writesOneCsvLinePerStepWithPlainNumbers() {
        String csv = new Report("## title", List.of(), results).csv();

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("step,technique,subscribers,held,problem,connected,connect_ms,spaced_p50_ms,");
        assertThat(lines.get(0).split(",")).hasSize(36);
        assertThat(lines.get(1)).startsWith("1,technique 1,100,true,,100,84,1012,1990,1995,11,38,45,0.000,0.000,0,0,0.940,30.00,");
        assertThat(lines.get(2)).startsWith("2,technique 2,100,true,,100,84,5,20,25,11,38,45,0.000,3.800,");
        assertThat(lines.get(1).split(",")).hasSize(36);
    }

    @Test
    void quotesACsvFieldOnlyWhenItMust() {
        StepResult notHeld = result(Step.STEP_4, "only 2,000 of 10,000 connected, \"nginx\"", 1, 1, 0, 2);

        String line = new Report("## title", List.of(), List.of(notHeld)).csv().lines().toList().get(1);

        assertThat(line).startsWith("4,technique 4,100,false,\"only 2,000 of 10,000 connected, \"\"nginx\"\"\",100,");
    }
}
