package livefeed.benchmark;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nginx+nchan is set up as step 5 is, so that the two rows compare: one worker, the steps' backlog
 * of 20, a stream from now on without Last-Event-ID, step 5's heartbeat. StepsBenchmarkTest runs it.
 */
class NchanServerTest {

    private final String config = NchanServer.config(Path.of("/usr/lib/nginx/modules/ngx_nchan_module.so"),
            Path.of("/work/benchmark/target/nchan"), 8123, 15, 10_000);

    @Test
    void loadsTheModuleAndRunsOneWorkerWithRoomForEveryStream() {
        assertThat(config).startsWith("load_module /usr/lib/nginx/modules/ngx_nchan_module.so;\n")
                .contains("\nworker_processes 1;", "\n    worker_connections 11024;", "\npid /work/benchmark/target/nchan/nginx.pid;",
                        "\n        listen 127.0.0.1:8123 backlog=4096;");
    }

    @Test
    void publishesAtPubAndStreamsAtSubAsStep5Does() {
        assertThat(config).contains("""
                        location = /pub {
                            nchan_publisher;
                            nchan_channel_id feed;
                            nchan_message_buffer_length 20;""".indent(8).stripTrailing(), """
                        location = /sub {
                            nchan_subscriber eventsource;
                            nchan_channel_id feed;
                            nchan_subscriber_first_message newest;""".indent(8).stripTrailing(),
                "nchan_eventsource_ping_interval 15;");
        assertThat(NchanServer.PUBLISH_PATH).isEqualTo("/pub");
        assertThat(NchanServer.SUBSCRIBE_PATH).isEqualTo("/sub");
    }
}
