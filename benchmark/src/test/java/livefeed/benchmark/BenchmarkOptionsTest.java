package livefeed.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's command line: the defaults are the course's comparison, and a mistake is named. */
class BenchmarkOptionsTest {

    @Test
    void defaultsToEveryStepAndNchanWith100SubscribersAndThePagesOwnTimings() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options).isEqualTo(new BenchmarkOptions(100, 20, 500, 5,
                List.of(Step.STEP_1, Step.STEP_2, Step.STEP_3, Step.STEP_4, Step.STEP_5, Step.NCHAN), 2000, 30, 15,
                List.of()));
        assertThat(options.pollTimeoutFlag()).isEqualTo("30");
    }

    @Test
    void takesStepsInTheOrderGivenAndDecimalPollTimeouts() {
        BenchmarkOptions options = BenchmarkOptions.parse("--steps", "3, 1,nchan", "--poll-timeout", "0.5",
                "--clients", "10000", "--server-jvm-args", " -Xmx64m  -XX:+UseSerialGC ", "--heartbeat", "2");

        assertThat(options.steps()).containsExactly(Step.STEP_3, Step.STEP_1, Step.NCHAN);
        assertThat(options.heartbeatSeconds()).isEqualTo(2);
        assertThat(options.clients()).isEqualTo(10_000);
        assertThat(options.pollTimeoutFlag()).isEqualTo("0.5");
        assertThat(options.serverJvmArgs()).containsExactly("-Xmx64m", "-XX:+UseSerialGC");
    }

    @Test
    void namesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--client", "10"))
                .hasMessage("unknown option, or no value after it: --client");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--clients"))
                .hasMessage("unknown option, or no value after it: --clients");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--clients", "0"))
                .hasMessage("--clients takes whole numbers of at least 1, not '0'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--steps", "2,6"))
                .hasMessage("there is no step 6: the steps are 1, 2, 3, 4, 5, nchan, 6x1-direct, 6x1, 6x3");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--heartbeat", "0.5"))
                .hasMessage("--heartbeat takes whole numbers of at least 1, not '0.5'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--poll-timeout", "35"))
                .hasMessage("--poll-timeout takes seconds above 0 and below 35, not '35'");
    }

    @Test
    void givesEachStepTheFlagsItsServerTakes() throws Exception {
        assertThat(Step.STEP_1.serverArgs(100, "30", 15)).containsExactly("--port", "0", "--static", "static");
        assertThat(Step.STEP_2.serverArgs(100, "30", 15))
                .containsExactly("--port", "0", "--static", "static", "--poll-timeout", "30");
        assertThat(Step.STEP_3.serverArgs(100, "30", 15)).containsExactly("--port", "0", "--static", "static",
                "--poll-timeout", "30", "--max-waiting", "200");
        List<String> proxy = Step.STEP_4.serverArgs(100, "30", 15);
        assertThat(proxy).hasSize(8).startsWith("--port", "0", "--nginx-port")
                .endsWith("--poll-timeout", "30", "--max-waiting", "200");
        assertThat(Integer.parseInt(proxy.get(3))).isPositive();
        assertThat(Step.STEP_5.serverArgs(100, "30", 15)).containsExactly("--port", "0", "--static", "static",
                "--heartbeat", "15", "--max-subscribers", "200");
        List<String> nchan = Step.NCHAN.serverArgs(100, "30", 15);
        assertThat(nchan).hasSize(6).startsWith("--port").endsWith("--heartbeat", "15", "--max-subscribers", "200");
        assertThat(Integer.parseInt(nchan.get(1))).as("nginx cannot pick a port itself").isPositive();
        List<String> scaleOut = Step.STEP_6X3.serverArgs(100, "30", 15);
        assertThat(scaleOut).hasSize(8).startsWith("--port").endsWith("--servers", "3", "--heartbeat", "15",
                "--max-subscribers", "200");
        assertThat(Integer.parseInt(scaleOut.get(1))).as("nginx's port").isPositive();
        assertThat(Step.STEP_6X1.serverArgs(100, "30", 15)).contains("--servers", "1").doesNotContain("--nginx");
        assertThat(Step.STEP_6X1_DIRECT.serverArgs(100, "30", 15)).hasSize(10).containsSequence("--servers", "1",
                "--nginx", "no", "--heartbeat", "15", "--max-subscribers", "200");
    }

    @Test
    void givesStep6sLauncherTheFeedServersClassesJarsAndJvmOptions(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("benchmark/target/steps"));
        Files.writeString(root.resolve("benchmark/target/steps/step6-scale-out.classpath"), "/m2/jedis.jar:/m2/pool.jar\n");

        assertThat(Step.STEP_6X3.launcherArgs(root, List.of("-Xmx64m", "-XX:+UseSerialGC"))).containsExactly(
                "--classpath", root.resolve("benchmark/target/steps/step6-scale-out") + ":/m2/jedis.jar:/m2/pool.jar",
                "--jvm-args", "-Xmx64m -XX:+UseSerialGC");
        assertThat(Step.STEP_5.launcherArgs(root, List.of("-Xmx64m"))).isEmpty();
        assertThat(Step.STEP_6X1.classes(root)).as("the launcher is the benchmark's").isEqualTo(
                root.resolve("benchmark/target/classes"));
    }

    @Test
    void namesTheReportFilesAfterWhatDiffersFromTheDefaults() {
        assertThat(StepsBenchmark.fileName(BenchmarkOptions.parse())).isEqualTo("steps-100-clients");
        assertThat(StepsBenchmark.fileName(BenchmarkOptions.parse("--clients", "10000", "--steps", "1",
                "--poll-every-ms", "100"))).isEqualTo("steps-10000-clients-steps-1-poll-every-100-ms");
        assertThat(StepsBenchmark.fileName(BenchmarkOptions.parse("--poll-timeout", "0.5", "--items", "4")))
                .isEqualTo("steps-100-clients-poll-timeout-0.5-s-items-4-every-500-ms");
        assertThat(StepsBenchmark.fileName(BenchmarkOptions.parse("--clients", "1000", "--steps", "3,5,nchan",
                "--heartbeat", "1"))).isEqualTo("steps-1000-clients-steps-3-5-nchan-heartbeat-1-s");
    }

    @Test
    void namesEachStepsTechnique() {
        assertThat(Step.STEP_1.technique(2000)).isEqualTo("polling every 2 s, since=cursor");
        assertThat(Step.STEP_1.technique(100)).isEqualTo("polling every 0.1 s, since=cursor");
        assertThat(Step.STEP_2.technique(2000)).isEqualTo("long polling, no cursor");
        assertThat(Step.STEP_5.technique(2000)).isEqualTo("server-sent events, Last-Event-ID");
        assertThat(Step.NCHAN.label).isEqualTo("nginx+nchan");
        assertThat(Step.STEP_6X3.technique(2000)).isEqualTo("step 5 on Redis, nginx, 3 servers");
    }
}
