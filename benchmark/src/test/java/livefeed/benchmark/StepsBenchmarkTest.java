package livefeed.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import livefeed.NginxBinary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark, end to end and small: 20 subscribers against every step's real server (step 4
 * when nginx is installed, nginx+nchan when its module is too, step 6 with one and three feed
 * servers when Redis is too), with short timings. Its timings
 * depend on the machine and on what else runs on it, so this checks only what does not: every
 * subscriber connects, what each technique loses, that a stream asks nothing more, that every
 * figure was measured, and the files.
 */
class StepsBenchmarkTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static String table;
    private static String fileName;
    private static Map<String, List<String>> csvByStep;
    private static Map<String, List<String>> scaleOutCsvByStep;

    @BeforeAll
    static void runTheBenchmarkOnce() throws Exception {
        for (Step step : Step.values()) {
            assertThat(step.classes(ROOT).resolve("livefeed"))
                    .as("the benchmark's build compiles every step's server (benchmark/pom.xml)").isDirectory();
        }
        List<String> args = new ArrayList<>(List.of("--clients", "20", "--items", "4", "--interval-ms", "200",
                "--warm-up-items", "2", "--poll-every-ms", "300", "--poll-timeout", "1", "--heartbeat", "1"));
        if (!nginxInstalled()) {
            args.addAll(List.of("--steps", "1,2,3,5"));
        } else {
            args.addAll(List.of("--steps", "1,2,3,4,5" + (nchanInstalled() ? ",nchan" : "")
                    + (redisInstalled() ? ",6x1-direct,6x1,6x3" : "")));
        }
        BenchmarkOptions options = BenchmarkOptions.parse(args.toArray(String[]::new));
        table = StepsBenchmark.run(options, ROOT);
        fileName = StepsBenchmark.fileName(options);
        csvByStep = csv(fileName + ".csv");
        Path scaleOut = ROOT.resolve("benchmark/target/" + fileName + "-scale-out.csv");
        scaleOutCsvByStep = Files.exists(scaleOut) ? csv(fileName + "-scale-out.csv") : Map.of();
    }

    private static Map<String, List<String>> csv(String name) throws Exception {
        return Files.readAllLines(ROOT.resolve("benchmark/target/" + name)).stream().skip(1)
                .map(line -> List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))) // commas outside quotes
                .collect(Collectors.toMap(fields -> fields.get(0), Function.identity()));
    }

    @Test
    void everyStepHoldsTheSubscribersWithoutATroubleOnTheirConnections() {
        assertThat(column("held")).containsOnly("true");
        assertThat(column("problem")).containsOnly("");
        assertThat(column("connected")).containsOnly("20");
        for (String trouble : List.of("failed_connects", "closed_between_answers", "broken_answers", "not_200")) {
            assertThat(column(trouble)).as(trouble).containsOnly("0");
        }
    }

    @Test
    void theCursorStepsLoseNothingAndNoStepDuplicatesOrReorders() {
        for (String step : csvByStep.keySet()) {
            if (!step.equals("2")) { // step 2 has no cursor: an item published between two polls is lost, as chapter 2 shows
                assertThat(value(step, "lost_spaced_per_subscriber") + value(step, "lost_burst_per_subscriber"))
                        .as("step %d", step).isZero();
            }
            assertThat(value(step, "duplicates") + value(step, "out_of_order")).as("step %d", step).isZero();
        }
    }

    @Test
    void everyFigureWasMeasured() {
        for (String figure : List.of("connect_ms", "spaced_p50_ms", "burst_max_ms", "requests_per_item",
                "idle_requests_per_minute_per_subscriber", "server_cpu_us_per_item", "post_p50_ms", "post_max_ms",
                "peak_rss_mb")) {
            for (String step : csvByStep.keySet()) {
                assertThat(value(step, figure)).as("step %s, %s: -1 is not measured", step, figure).isNotNegative();
            }
        }
    }

    @Test
    void writesTheTableTheCsvAndTheChart() throws Exception {
        assertThat(table).startsWith("## Every step under load: 20 subscribers, 4 items one every 200 ms, then 10 back"
                + " to back (after 2 to warm up)\n\nMachine: ");
        assertThat(table).contains("\n| figure | step 1 | step 2 | step 3 |")
                .contains("| how the subscribers follow the feed | polling every 0.3 s, since=cursor | long polling, no cursor"
                        + " | long polling, since=cursor |");
        assertThat(Files.readString(ROOT.resolve("benchmark/target/" + fileName + ".md"))).isEqualTo(table);
        assertThat(csvByStep.keySet()).containsAll(List.of("1", "2", "3", "5"));
        assertThat(table).contains(" step 3's target | step 5's target |\n");
        assertThat(Files.readString(ROOT.resolve("benchmark/target/" + fileName + ".svg")))
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
    }

    @Test
    void aStreamSendsOneRequestPerSubscriberAndNoneWhileItemsArriveOrWhileIdle() {
        for (String step : List.of("5", "nchan", "6x1-direct", "6x1", "6x3")) {
            if (csvByStep.containsKey(step)) {
                assertThat(value(step, "requests_per_item")).as("step %s", step).isZero();
                assertThat(value(step, "idle_requests_per_minute_per_subscriber")).as("step %s", step).isZero();
            }
        }
        assertThat(value("3", "requests_per_item")).as("a long poll asks once per item").isPositive();
    }

    @Test
    void runsStep4WhenNginxIsInstalled() {
        assumeTrue(nginxInstalled(), "skipped: " + NginxBinary.INSTALL_HINT);
        assertThat(csvByStep).containsKey("4");
        assertThat(table).contains("| step 4 |");
    }

    @Test
    void runsNginxWithNchanAsAReferenceWhenTheModuleIsInstalled() {
        assumeTrue(nginxInstalled() && nchanInstalled(), "skipped: " + NchanServer.INSTALL_HINT);
        assertThat(csvByStep).containsKey("nchan");
        assertThat(table).contains("| step 5 | nginx+nchan |").contains("| server heap used, most of 3 samples |");
        assertThat(value("nchan", "heap_used_mb")).as("nginx has no Java heap").isEqualTo(-1);
    }

    @Test
    void runsStep6WithOneAndThreeFeedServersWhenRedisIsInstalled() {
        assumeTrue(nginxInstalled() && redisInstalled(), "skipped: " + ScaleOutServer.REDIS_INSTALL_HINT);
        assertThat(csvByStep).containsKeys("6x1-direct", "6x1", "6x3");
        assertThat(table).contains(" 6x1 direct | step 6x1 | step 6x3 | step 3's target |",
                "\n### Step 6: where the load went\n");
        assertThat(scaleOutCsvByStep).containsOnlyKeys("6x1-direct", "6x1", "6x3");
        assertThat(scaleOutValue("6x1-direct", "nginx_peak_rss_mb")).as("no nginx").isEqualTo(-1);
    }

    @Test
    void eachFeedServerHoldsItsShareOfTheStreamsAndRedisAFewConnectionsPerServerNotOnePerSubscriber() {
        assumeTrue(nginxInstalled() && redisInstalled(), "skipped: " + ScaleOutServer.REDIS_INSTALL_HINT);
        for (String step : List.of("6x1-direct", "6x1", "6x3")) {
            int servers = (int) scaleOutValue(step, "feed_servers");
            List<Integer> streams = List.of(scaleOutCsvByStep.get(step).get(scaleOutIndex("streams_per_server_at_end"))
                    .split(" ")).stream().map(Integer::valueOf).toList();
            assertThat(streams).as("step %s: one count per feed server", step).hasSize(servers);
            // the streams, and behind nginx one or two connections per server that it keeps for the POSTs
            assertThat(streams.stream().mapToInt(Integer::intValue).sum()).as("step %s", step).isBetween(20, 20 + 2 * servers);
            assertThat(streams).as("step %s: round robin", step).allSatisfy(held -> assertThat(held).isGreaterThanOrEqualTo(20 / servers));
            assertThat(scaleOutValue(step, "redis_blocked_clients_at_end")).as("step %s: one follower per server", step)
                    .isEqualTo(servers);
            assertThat(scaleOutValue(step, "redis_clients_most")).as("step %s: a few per server", step)
                    .isBetween((double) servers, 5.0 * servers);
            boolean nginx = !step.equals("6x1-direct");
            for (String figure : nginx ? List.of("feed_servers_cpu_us_per_item", "redis_cpu_us_per_item", "nginx_cpu_us_per_item")
                    : List.of("feed_servers_cpu_us_per_item", "redis_cpu_us_per_item")) {
                assertThat(scaleOutValue(step, figure)).as("step %s, %s", step, figure).isNotNegative();
            }
            for (String figure : nginx ? List.of("feed_servers_peak_rss_mb", "redis_peak_rss_mb", "nginx_peak_rss_mb")
                    : List.of("feed_servers_peak_rss_mb", "redis_peak_rss_mb")) {
                assertThat(scaleOutValue(step, figure)).as("step %s, %s", step, figure).isPositive();
            }
            assertThat(value(step, "heap_used_mb")).as("step %s: the feed servers' heaps", step).isPositive();
        }
    }

    /** Step 6 needs Redis; CI installs it (.ci/run) and requires it. */
    private static boolean redisInstalled() {
        boolean installed = ScaleOutServer.redisServer().isPresent();
        if (!installed && System.getenv("CI") != null) {
            fail("CI is set, so the benchmark must run step 6 too, but " + ScaleOutServer.REDIS_INSTALL_HINT);
        }
        return installed;
    }

    private static double scaleOutValue(String step, String name) {
        return Double.parseDouble(scaleOutCsvByStep.get(step).get(scaleOutIndex(name)));
    }

    private static int scaleOutIndex(String name) {
        return 1 + ScaleOutReport.columnNames().indexOf(name); // after the step's key
    }

    private static boolean nginxInstalled() {
        boolean installed = NginxBinary.find().isPresent();
        if (!installed && System.getenv("CI") != null) {
            fail("CI is set, so the benchmark must run step 4 too, but " + NginxBinary.INSTALL_HINT);
        }
        return installed;
    }

    /** nginx+nchan is a reference, not a step; CI installs it (.ci/run) and requires it. */
    private static boolean nchanInstalled() {
        boolean installed = NchanServer.module().isPresent();
        if (!installed && System.getenv("CI") != null) {
            fail("CI is set, so the benchmark must run nginx+nchan too, but " + NchanServer.INSTALL_HINT);
        }
        return installed;
    }

    private static List<String> column(String name) {
        return csvByStep.values().stream().map(fields -> fields.get(index(name))).toList();
    }

    private static double value(String step, String name) {
        return Double.parseDouble(csvByStep.get(step).get(index(name)));
    }

    private static int index(String name) {
        return Csv.columnNames().indexOf(name);
    }
}
