package livefeed.benchmark;

/**
 * What one step measured, as plain numbers (-1 where a figure could not be had). Immutable: the
 * run builds it once, the report and the chart only read it.
 *
 * @param problem why the step could not hold N subscribers, or null if it did
 */
record StepResult(
        Step step, String technique, int subscribers, String problem,
        int connected, long connectMillis,
        long spacedP50, long spacedP99, long spacedMax,
        long burstP50, long burstP99, long burstMax,
        double lostSpacedPerSubscriber, double lostBurstPerSubscriber, long duplicates, long outOfOrder,
        double requestsPerItem, double idleRequestsPerMinute, double idleSeconds,
        double serverCpuSeconds, double serverCpuPercent, double cpuMicrosPerItem, double idleCpuPercent,
        double postP50Millis, double postMaxMillis,
        long peakRssMb, long heapUsedMb,
        int failedConnects, int closedBetweenAnswers, int brokenAnswers, int errorAnswers,
        double selectorPercent, double generatorPercent, long otherCpu0Percent) {

    /** Above this, the subscribers' one thread may have been slower than the server: its figures are suspect. */
    static final double SATURATED_PERCENT = 90;

    /** A step whose run failed: its reason, and no figures (-1, shown as n/a or -). */
    static StepResult failed(Step step, String technique, int subscribers, String problem) {
        return new StepResult(step, technique, subscribers, problem, 0, -1,
                -1, -1, -1, -1, -1, -1, // latencies
                -1, -1, -1, -1, // losses
                -1, -1, -1, -1, -1, -1, -1, // requests and CPU
                -1, -1, -1, -1, // POST and memory
                -1, -1, -1, -1, // connection problems
                -1, -1, 0);
    }

    boolean held() {
        return problem == null;
    }

    boolean generatorSaturated() {
        return selectorPercent > SATURATED_PERCENT || generatorPercent > SATURATED_PERCENT;
    }
}
