package livefeed;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flags win over FEED_* environment variables, which win over the defaults. */
class SettingsTest {

    @Test
    void defaultsToLoopbackPort8001AndTheRepositorysStaticFolder() {
        Settings settings = Settings.parse(new String[0], Map.of());

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8001);
        assertThat(settings.staticDir()).isEqualTo(Path.of("..", "static"));
        assertThat(settings.pollTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backlog()).isEqualTo(20);
        assertThat(settings.maxWaiting()).isEqualTo(10_000);
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.maxSubscribers()).isEqualTo(10_000);
    }

    @Test
    void takesTheEnvironmentOverTheDefaults() {
        Settings settings = Settings.parse(new String[0], Map.of("FEED_PORT", "9000", "FEED_HOST", "0.0.0.0"));

        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(9000);
    }

    @Test
    void takesFlagsOverTheEnvironment() {
        Settings settings = Settings.parse(new String[] {"--port", "0", "--host", "localhost"},
                Map.of("FEED_PORT", "9000", "FEED_HOST", "0.0.0.0"));

        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.port()).isZero();
    }

    @Test
    void refusesAnUnknownFlag() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--prot", "1"}, Map.of()))
                .hasMessage("unknown option '--prot'");
    }

    @Test
    void refusesAFlagWithoutItsValue() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--port"}, Map.of()))
                .hasMessage("--port needs a value");
    }

    @Test
    void refusesAPortThatIsNotANumberOrTooLarge() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--port", "http"}, Map.of()))
                .hasMessage("--port must be a whole number, not 'http'");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--port", "65536"}, Map.of()))
                .hasMessage("--port must be 0 to 65535, not 65536");
    }

    @Test
    void takesThePollTimeoutInSecondsWithDecimals() {
        assertThat(Settings.parse(new String[] {"--poll-timeout", "45"}, Map.of()).pollTimeout())
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(Settings.parse(new String[] {"--poll-timeout", "0.25"}, Map.of()).pollTimeout())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refusesAPollTimeoutThatIsNotAPositiveNumberOfSeconds() {
        for (String bad : new String[] {"0", "0.0", "-1", "1s", "", "0.0001"}) {
            assertThatThrownBy(() -> Settings.parse(new String[] {"--poll-timeout", bad}, Map.of()))
                    .hasMessage("--poll-timeout must be a number of seconds above 0, such as 30 or 0.5, not '" + bad + "'");
        }
    }

    @Test
    void takesTheBacklogAndTheWaitingLimit() {
        Settings settings = Settings.parse(new String[] {"--backlog", "5", "--max-waiting", "2"}, Map.of());

        assertThat(settings.backlog()).isEqualTo(5);
        assertThat(settings.maxWaiting()).isEqualTo(2);
    }

    @Test
    void refusesABacklogOrWaitingLimitBelowOne() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--backlog", "0"}, Map.of()))
                .hasMessage("--backlog must be at least 1");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--max-waiting", "0"}, Map.of()))
                .hasMessage("--max-waiting must be at least 1");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--backlog", "-3"}, Map.of()))
                .hasMessage("--backlog must be a whole number, not '-3'");
    }

    @Test
    void takesTheHeartbeatInSecondsAndTheStreamLimit() {
        Settings settings = Settings.parse(new String[] {"--heartbeat", "0.2", "--max-subscribers", "3"}, Map.of());

        assertThat(settings.heartbeat()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.maxSubscribers()).isEqualTo(3);
    }

    @Test
    void refusesAHeartbeatOfZeroOrAStreamLimitBelowOne() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--heartbeat", "0"}, Map.of()))
                .hasMessage("--heartbeat must be a number of seconds above 0, such as 30 or 0.5, not '0'");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--max-subscribers", "0"}, Map.of()))
                .hasMessage("--max-subscribers must be at least 1");
    }

    @Test
    void saysWhereItLookedWhenThereIsNoStaticFolder() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--static", "no-such-folder"}, Map.of()))
                .hasMessageStartingWith("no static/ folder at ")
                .hasMessageEndingWith("no-such-folder: run from the repository root, or pass --static DIR");
    }
}
