package livefeed.benchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each feed server holds, read from the kernel's table of TCP sockets. */
class ScaleOutProbeTest {

    @Test
    void countsTheEstablishedConnectionsOnEachServersPort() {
        List<String> sockets = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:9C41 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1", // listening
                "   1: 0100007F:9C41 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 2 1",
                "   2: 0100007F:D431 0100007F:9C41 01 00000000:00000000 00:00000000 00000000     0        0 3 1", // nginx's end
                "   3: 0100007F:9C41 0100007F:D432 01 00000000:00000000 00:00000000 00000000     0        0 4 1",
                "   4: 0100007F:9C42 0100007F:D433 01 00000000:00000000 00:00000000 00000000     0        0 5 1",
                "   5: 0100007F:9C42 0100007F:D434 06 00000000:00000000 00:00000000 00000000     0        0 6 1", // TIME_WAIT
                "   0: 0000000000000000FFFF00000100007F:9C43 0000000000000000FFFF00000100007F:D435 01 0 0 0 0 0 7 1");

        assertThat(ScaleOutProbe.established(List.of(0x9C41, 0x9C42, 0x9C43, 0x9C44), sockets))
                .containsExactly(2, 1, 1, 0);
    }
}
