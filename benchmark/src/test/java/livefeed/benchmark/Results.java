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
