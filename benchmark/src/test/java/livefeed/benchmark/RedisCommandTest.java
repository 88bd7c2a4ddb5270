package livefeed.benchmark;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Redis's protocol, the little of it the benchmark speaks. StepsBenchmarkTest asks a real Redis. */
class RedisCommandTest {

    @Test
    void sendsACommandAsAnArrayOfBulkStrings() {
        assertThat(new String(RedisCommand.request("INFO", "clients"), StandardCharsets.UTF_8))
                .isEqualTo("*2\r\n$4\r\nINFO\r\n$7\r\nclients\r\n");
    }

    @Test
    void readsASimpleStringABulkStringAndAnError() throws IOException {
        assertThat(RedisCommand.answer(in("+PONG\r\n"))).isEqualTo("PONG");
        assertThat(RedisCommand.answer(in("$30\r\n# Clients\r\nconnected_clients:5\r\n")))
                .isEqualTo("# Clients\r\nconnected_clients:5");
        assertThatThrownBy(() -> RedisCommand.answer(in("-ERR unknown command\r\n")))
                .hasMessage("Redis answered: ERR unknown command");
        assertThatThrownBy(() -> RedisCommand.answer(in("$10\r\nshort"))).isInstanceOf(IOException.class);
    }

    @Test
    void readsTheFieldsOfAnInfoSection() {
        assertThat(RedisCommand.fields("# Clients\r\nconnected_clients:7\r\nblocked_clients:3\r\n"))
                .containsExactly(entry("connected_clients", "7"), entry("blocked_clients", "3"));
    }

    private static DataInputStream in(String text) {
        return new DataInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
