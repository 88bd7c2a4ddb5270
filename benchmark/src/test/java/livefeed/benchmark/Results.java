package livefeed.benchmark;

import java.util.List;

import livefeed.benchmark.StepResult.Connecting;
import livefeed.benchmark.StepResult.Generator;
import livefeed.benchmark.StepResult.Latency;
import livefeed.benchmark.StepResult.Losses;
import livefeed.benchmark.StepResult.Memory;
import livefeed.benchmark.StepResult.Posts;
import livefeed.benchmark.StepResult.Requests;
import livefeed.benchmark.StepResult.ServerCpu;
import livefeed.benchmark.StepResult.Troubles;

import static livefeed.benchmark.StepResult.NOT_MEASURED;

/** Made-up results for the report's and the chart's tests: only the figures a test names differ. */
final class Results {

    private Results() {
    }

    /** Steps 1 to 3 as chapter 7 shows them: polling slow and busy while idle, step 2 losing in the burst. */
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
                "35 of 35 POSTs failed (Connection reset); 10000 of 10000 subscribers got no item at all",
                new Connecting(10_000, 492), Latency.NOTHING, Latency.NOTHING,
                new Losses(NOT_MEASURED, NOT_MEASURED, 0, 0), new Requests(NOT_MEASURED, 4.24, 32.5),
                new ServerCpu(0.67, 6.7, NOT_MEASURED, 9.2), Posts.NOTHING, new Memory(247, 135),
                new Troubles(0, 52003, 0, 0), new Generator(17.0, 17.7, 1));
    }

    /** Step 3 with the subscribers' selector thread past 90 % of its core, and no heap figure from jstat. */
    static StepResult saturated() {
        return new StepResult(Step.STEP_3, "long polling, since=cursor", 1000, null, new Connecting(1000, 1_234),
                new Latency(263, 1024, 1139), new Latency(254, 800, 855), new Losses(0.0004, 0.1236, 3, 1),
                new Requests(1.0049, 1.96, 32.45), new ServerCpu(29.08, 99.7, 96.94, 4.705), new Posts(865.375, 1772.19),
                new Memory(738, NOT_MEASURED), new Troubles(2, 5, 1, 7), new Generator(95.3, 96.05, 0));
    }

    /** A step 6 row, with its own figures. */
    static StepResult scaleOut(Step step, long spacedP50, long spacedP99, StepResult.ScaleOut scaleOut) {
        StepResult plain = result(step, null, spacedP50, spacedP99, 0, 0);
        return new StepResult(step, plain.technique(), plain.subscribers(), null, plain.connecting(), plain.spaced(),
                plain.burst(), plain.losses(), plain.requests(), plain.serverCpu(), plain.posts(), plain.memory(),
                plain.troubles(), plain.generator(), scaleOut);
    }

    static StepResult result(Step step, String problem, long spacedP50, long spacedP99, double lostBurst,
                             double idleRequestsPerMinute) {
        return new StepResult(step, "technique " + step.key, 100, problem, new Connecting(100, 84),
                new Latency(spacedP50, spacedP99, spacedP99 + 5), new Latency(11, 38, 45), new Losses(0, lostBurst, 0, 0),
                new Requests(0.94, idleRequestsPerMinute, 30), new ServerCpu(1.25, 11, 430, 0.5), new Posts(3.9, 8.8),
                new Memory(155, 40), new Troubles(0, 0, 0, 0), new Generator(12, 20, 0));
    }
}
