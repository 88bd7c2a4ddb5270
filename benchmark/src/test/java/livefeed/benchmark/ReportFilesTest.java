package livefeed.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report files keep their format: for the same results, the table, the CSV and the chart are
 * byte for byte the files under src/test/resources/reports/, which the benchmark's code wrote before
 * its results were split into small records (commit "ReportFilesTest: the report files as the
 * benchmark writes them today"). docs/benchmark and the tutorial quote files in this format.
 */
class ReportFilesTest {

    /** Steps 1 to 3 as chapter 7 shows them, and a step 4 that did not hold: no item delivered, no POST answered. */
    private static final List<StepResult> HELD_AND_NOT = withNotHeld();

    /** A step whose run failed (nothing measured), and a step 3 whose generator was saturated. */
    private static final List<StepResult> FAILED_AND_SATURATED = List.of(
            StepResult.failed(Step.STEP_4, "step 3 behind nginx", 100, "the run failed: no URL"),
            Results.saturated());

    @Test
    void writesTheTableAsBefore() throws IOException {
        assertThat(report(HELD_AND_NOT).markdown()).isEqualTo(resource("held-and-not.md"));
        assertThat(report(FAILED_AND_SATURATED).markdown()).isEqualTo(resource("failed-and-saturated.md"));
    }

    @Test
    void writesTheCsvAsBefore() throws IOException {
        assertThat(report(HELD_AND_NOT).csv()).isEqualTo(resource("held-and-not.csv"));
        assertThat(report(FAILED_AND_SATURATED).csv()).isEqualTo(resource("failed-and-saturated.csv"));
    }

    @Test
    void drawsTheChartAsBefore() throws IOException {
        assertThat(new Chart("100 subscribers, 20 + 10 items; 2 cores, Java 17", HELD_AND_NOT).svg())
                .isEqualTo(resource("held-and-not.svg"));
        assertThat(new Chart("c", FAILED_AND_SATURATED).svg()).isEqualTo(resource("failed-and-saturated.svg"));
    }

    private static List<StepResult> withNotHeld() {
        List<StepResult> results = new ArrayList<>(Results.stepsOneToThree());
        results.add(Results.notHeld());
        return List.copyOf(results);
    }

    private static Report report(List<StepResult> results) {
        return new Report("## Every step under load: 100 subscribers", List.of("Machine: a note.", "Another note."),
                results);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportFilesTest.class.getResourceAsStream("/reports/" + name)) {
            assertThat(in).as("src/test/resources/reports/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
