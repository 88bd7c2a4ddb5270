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

    boolean held() {
        return problem == null;
    }

    boolean generatorSaturated() {
        return selectorPercent > SATURATED_PERCENT || generatorPercent > SATURATED_PERCENT;
    }
}
