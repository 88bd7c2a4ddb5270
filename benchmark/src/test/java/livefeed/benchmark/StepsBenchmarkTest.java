package livefeed.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark, end to end and small: 20 subscribers against every step's real server (step 4
 * when nginx is installed), with short timings. Its figures depend on the machine, so this checks
 * what does not: what each technique loses, how many requests it makes while idle, the files.
 */
class StepsBenchmarkTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static String table;
    private static String fileName;
    private static Map<Integer, List<String>> csvByStep;

    @BeforeAll
    static void runTheBenchmarkOnce() throws Exception {
        for (Step step : Step.values()) {
            assertThat(ROOT.resolve(step.module).resolve("target/classes/livefeed"))
                    .as("the steps are built before the benchmark: run mvn verify from the repository root").isDirectory();
        }
        List<String> args = new ArrayList<>(List.of("--clients", "20", "--items", "4", "--interval-ms", "200",
                "--warm-up-items", "2", "--poll-every-ms", "300", "--poll-timeout", "1"));
        if (!nginxInstalled()) {
            args.addAll(List.of("--steps", "1,2,3"));
        }
        BenchmarkOptions options = BenchmarkOptions.parse(args.toArray(String[]::new));
        table = StepsBenchmark.run(options, ROOT);
        fileName = StepsBenchmark.fileName(options);
        csvByStep = Files.readAllLines(ROOT.resolve("benchmark/target/" + fileName + ".csv")).stream().skip(1)
                .map(line -> List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))) // commas outside quotes
                .collect(Collectors.toMap(fields -> Integer.parseInt(fields.get(0)), Function.identity()));
    }

    @Test
    void everyStepHoldsTheSubscribersAndTheCursorStepsLoseNothing() {
        assertThat(column("held")).containsOnly("true");
        assertThat(column("problem")).containsOnly("");
        for (int step : List.of(1, 3, 4)) {
            if (csvByStep.containsKey(step)) {
                assertThat(value(step, "lost_spaced_per_subscriber") + value(step, "lost_burst_per_subscriber")
                        + value(step, "duplicates") + value(step, "out_of_order")).as("step " + step).isZero();
            }
        }
        assertThat(value(2, "duplicates") + value(2, "out_of_order")).isZero();
    }

    @Test
    void pollingAsksAboutOncePerIntervalAndLongPollingOncePerTimeoutWhileIdle() {
        assertThat(value(1, "idle_requests_per_minute_per_subscriber")).as("60 s / 0.3 s").isBetween(150.0, 200.0);
        for (int step : csvByStep.keySet()) {
            if (step != 1) {
                assertThat(value(step, "idle_requests_per_minute_per_subscriber")).as("step %d: 60 s / 1 s", step)
                        .isBetween(50.0, 61.0);
            }
        }
    }

    @Test
    void pollingWaitsAboutHalfTheIntervalAndLongPollingFarLess() {
        assertThat(value(1, "spaced_p50_ms")).isBetween(50.0, 400.0);
        assertThat(value(1, "spaced_max_ms")).isLessThan(1000.0);
        assertThat(value(3, "spaced_p50_ms")).isLessThan(value(1, "spaced_p50_ms"));
    }

    @Test
    void writesTheTableTheCsvAndTheChart() throws Exception {
        assertThat(table).startsWith("## Every step under load: 20 subscribers, 4 items one every 200 ms, then 10 back"
                + " to back (after 2 to warm up)\n\nMachine: ");
        assertThat(table).contains("\n| figure | step 1 | step 2 | step 3 |")
                .contains("| how the subscribers follow the feed | polling every 0.3 s, since=cursor | long polling, no cursor"
                        + " | long polling, since=cursor |");
        assertThat(Files.readString(ROOT.resolve("benchmark/target/" + fileName + ".md"))).isEqualTo(table);
        assertThat(csvByStep.keySet()).containsAll(List.of(1, 2, 3));
        assertThat(Files.readString(ROOT.resolve("benchmark/target/" + fileName + ".svg")))
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
    }

    @Test
    void runsStep4WhenNginxIsInstalled() {
        assumeTrue(nginxInstalled(), "skipped: nginx is not installed (sudo apt-get install -y nginx)");
        assertThat(csvByStep).containsKey(4);
        assertThat(table).contains("| step 4 |");
    }

    private static boolean nginxInstalled() {
        boolean installed = ServerProcess.onPath("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx"));
        if (!installed && System.getenv("CI") != null) {
            fail("CI is set, so the benchmark must run step 4 too, but nginx is not installed: sudo apt-get install -y nginx");
        }
        return installed;
    }

    private static List<String> column(String name) {
        return csvByStep.values().stream().map(fields -> fields.get(index(name))).toList();
    }

    private static double value(int step, String name) {
        return Double.parseDouble(csvByStep.get(step).get(index(name)));
    }

    private static int index(String name) {
        return List.of(new Report("", List.of(), List.of()).csv().trim().split(",")).indexOf(name);
    }
}
