package livefeed.benchmark;

import java.util.List;

/** Made-up results for the report's and the chart's tests: only the figures a test names differ. */
final class Results {

    private Results() {
    }

    /** Steps 1 to 3 as chapter 5 shows them: polling slow and busy while idle, step 2 losing in the burst. */
    static List<StepResult> stepsOneToThree() {
        return List.of(
                result(Step.STEP_1, null, 1012, 1990, 0, 30),
                result(Step.STEP_2, null, 5, 20, 3.8, 2),
                result(Step.STEP_3, null, 8, 23, 0, 2));
    }

    /**
     * Step 4 at 10,000 subscribers as docs/benchmark/steps-10000-clients.csv has it: every subscriber
     * connected, but every POST failed, so nothing was delivered and most figures are not measured.
     */
    static StepResult notHeld() {
        return new StepResult(Step.STEP_4, "step 3 behind nginx", 10_000,
                "35 of 35 POSTs failed (Connection reset); 10000 of 10000 subscribers got no item at all", 10_000, 492,
                -1, -1, -1, -1, -1, -1,
                -1, -1, 0, 0,
                -1, 4.24, 32.5,
                0.67, 6.7, -1, 9.2,
                -1, -0.001,
                247, 135,
                0, 52003, 0, 0,
                17.0, 17.7, 1);
    }

    /** Step 3 with the subscribers' selector thread past 90 % of its core, and no heap figure from jstat. */
    static StepResult saturated() {
        return new StepResult(Step.STEP_3, "long polling, since=cursor", 1000, null, 1000, 1_234,
                263, 1024, 1139, 254, 800, 855,
                0.0004, 0.1236, 3, 1,
                1.0049, 1.96, 32.45,
                29.08, 99.7, 96.94, 4.705,
                865.375, 1772.19,
                738, -1,
                2, 5, 1, 7,
                95.3, 96.05, 0);
    }

    static StepResult result(Step step, String problem, long spacedP50, long spacedP99, double lostBurst,
                             double idleRequestsPerMinute) {
        return new StepResult(step, "technique " + step.number, 100, problem, 100, 84,
                spacedP50, spacedP99, spacedP99 + 5, 11, 38, 45,
                0, lostBurst, 0, 0,
                0.94, idleRequestsPerMinute, 30,
                1.25, 11, 430, 0.5,
                3.9, 8.8,
                155, 40,
                0, 0, 0, 0,
                12, 20, 0);
    }
}
