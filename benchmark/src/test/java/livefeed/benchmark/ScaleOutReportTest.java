package livefeed.benchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Step 6's own section and CSV: written only when step 6 ran, its figures split by process, its hops against step 5's. */
class ScaleOutReportTest {

    private static final StepResult STEP_5 = Results.result(Step.STEP_5, null, 11, 22, 0, 0);
    private static final StepResult STEP_6X1 = Results.scaleOut(Step.STEP_6X1, 14, 30, new StepResult.ScaleOut(1,
            List.of(1001), List.of(1001), 2, 3, 1, 21.44, 3.5, 9.04, 120, 11, 14));
    private static final StepResult STEP_6X3 = Results.scaleOut(Step.STEP_6X3, 16, 41, new StepResult.ScaleOut(3,
            List.of(334, 334, 335), List.of(334, 334, 335), 6, 9, 3, 40.0, 3.9, 9.6, 330, 12, 15));

    @Test
    void splitsStep6sFiguresByProcessAndSubtractsStep5sLatencyOfTheSameRun() {
        String markdown = new Report("## title", List.of(), List.of(STEP_5, STEP_6X1, STEP_6X3)).markdown();

        assertThat(markdown).contains("\n\n### Step 6: where the load went\n\n");
        assertThat(markdown.lines()).contains(
                "| figure | step 6x1 | step 6x3 |",
                "| feed servers (a JVM each) over one Redis | 1, behind nginx | 3, behind nginx |",
                "| connections each feed server holds: at the end | 1,001 | 334 / 334 / 335 |",
                "| Redis's clients: connected at the end / most of 3 samples / in a blocking read | 2 / 3 / 1 | 6 / 9 / 3 |",
                "| spaced items: delivered p50 / p99, minus step 5's | +3 / +8 ms | +5 / +19 ms |",
                "| CPU per delivered item: feed servers / Redis / nginx | 21 / 4 / 9 µs | 40 / 4 / 10 µs |",
                "| peak RSS: feed servers / Redis / nginx | 120 / 11 / 14 MB | 330 / 12 / 15 MB |");
    }

    @Test
    void saysNaForNginxInTheRowWithoutIt() {
        StepResult direct = Results.scaleOut(Step.STEP_6X1_DIRECT, 13, 25, new StepResult.ScaleOut(1, List.of(1000),
                List.of(1000), 2, 2, 1, 20, 3.4, StepResult.NOT_MEASURED, 118, 11, StepResult.NOT_MEASURED));

        String markdown = new Report("## title", List.of(), List.of(STEP_5, direct)).markdown();

        assertThat(markdown.lines()).contains("| figure | 6x1 direct |",
                "| feed servers (a JVM each) over one Redis | 1, no nginx |",
                "| spaced items: delivered p50 / p99, minus step 5's | +2 / +3 ms |",
                "| CPU per delivered item: feed servers / Redis / nginx | 20 / 3 / n/a µs |",
                "| peak RSS: feed servers / Redis / nginx | 118 / 11 / n/a MB |");
    }

    @Test
    void writesItsOwnCsvOneLinePerStep6Row() {
        String csv = new Report("## title", List.of(), List.of(STEP_5, STEP_6X1, STEP_6X3)).scaleOutCsv();

        assertThat(csv).isEqualTo("""
                step,feed_servers,streams_per_server_at_end,streams_per_server_most,redis_clients_at_end,\
                redis_clients_most,redis_blocked_clients_at_end,feed_servers_cpu_us_per_item,redis_cpu_us_per_item,\
                nginx_cpu_us_per_item,feed_servers_peak_rss_mb,redis_peak_rss_mb,nginx_peak_rss_mb
                6x1,1,1001,1001,2,3,1,21.4,3.5,9.0,120,11,14
                6x3,3,334 334 335,334 334 335,6,9,3,40.0,3.9,9.6,330,12,15
                """);
    }

    @Test
    void leavesOutTheDifferenceWithoutStep5AndTheSectionWithoutStep6() {
        String alone = new Report("## title", List.of(), List.of(STEP_6X1)).markdown();
        assertThat(alone).contains("### Step 6").doesNotContain("minus step 5's");

        Report withoutStep6 = new Report("## title", List.of(), List.of(STEP_5));
        assertThat(withoutStep6.markdown()).doesNotContain("### Step 6");
        assertThat(withoutStep6.scaleOutCsv()).isNull();
    }
}
