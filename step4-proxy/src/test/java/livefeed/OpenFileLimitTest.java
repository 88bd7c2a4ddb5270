package livefeed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-file limit against --max-waiting: the polls it holds, and what the demo says when it is too low. */
class OpenFileLimitTest {

    @Test
    void keepsMaxWaitingWhenTheLimitHoldsItsPolls() {
        assertThat(OpenFileLimit.fit(10_000, 20_000)).isEqualTo(10_000);
        assertThat(OpenFileLimit.fit(10_000, 10_100)).as("just enough: 100 files for the JVM's own").isEqualTo(10_000);
        assertThat(OpenFileLimit.fit(10_000, Long.MAX_VALUE)).as("no limit known").isEqualTo(10_000);
    }

    @Test
    void waitsForFewerPollsWhenTheLimitCannotHoldThemAll() {
        assertThat(OpenFileLimit.fit(10_000, 10_099)).isEqualTo(9_999);
        assertThat(OpenFileLimit.fit(20_000, 20_000)).isEqualTo(19_900);
        assertThat(OpenFileLimit.fit(10_000, 1_024)).isEqualTo(924);
        assertThat(OpenFileLimit.fit(10_000, 50)).as("never none").isEqualTo(1);
    }

    @Test
    void asksForTheLimitAtWhichOneNginxWorkerHoldsEveryPoll() {
        assertThat(OpenFileLimit.neededFor(10_000)).isEqualTo(20_200);
        assertThat(OpenFileLimit.neededFor(20_000)).isEqualTo(40_200);
    }

    @Test
    void saysInOneLineWhatThisRunDoesAndHowToHoldEveryPoll() {
        assertThat(OpenFileLimit.note(20_000, 20_000)).isEqualTo("note: the open-file limit (ulimit -n) is 20000,"
                + " enough for 19900 waiting polls, not 20000: this run waits for 19900 (--max-waiting 19900)"
                + " and answers 503 past it. To hold 20000, run: ulimit -n 40200"
                + " (if refused: sudo prlimit --pid $$ --nofile=40200) and start again");
    }

    @Test
    void readsTheLimitThatNginxAChildProcessInherits() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "ulimit -n").redirectErrorStream(true).start();
        String childLimit = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(shell.waitFor()).isZero();
        assertThat(String.valueOf(OpenFileLimit.ofThisProcess())).isEqualTo(childLimit);
    }
}
