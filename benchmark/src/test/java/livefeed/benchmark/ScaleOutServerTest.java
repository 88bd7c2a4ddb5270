package livefeed.benchmark;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 6's set-up in the benchmark: nginx in front of every feed server, unbuffered, with room for every
 * stream, as step 4 counts it. StepsBenchmarkTest runs it; ScaleOutProbeTest reads what it prints.
 */
class ScaleOutServerTest {

    @Test
    void spreadsTheStreamsAndThePostsOverEveryFeedServer() {
        String config = ScaleOutServer.config(Path.of("/w"), 8123, List.of(40001, 40002, 40003), 15,
                new ScaleOutServer.Limits(1, 4100, 4200));

        assertThat(config).contains("""
                    upstream feed_servers {          # round robin: each new stream to the next feed server
                        server 127.0.0.1:40001;
                        server 127.0.0.1:40002;
                        server 127.0.0.1:40003;
                """, "\n        listen 127.0.0.1:8123 backlog=4096;", "\n        proxy_buffering off;",
                "\n            proxy_read_timeout 25s;", "\nworker_processes 1;", "\n    worker_connections 4100;",
                "\npid /w/nginx.pid;");
        assertThat(config.split("proxy_pass http://feed_servers;", -1)).as("the stream's and the POST's locations")
                .hasSize(3);
    }

    @Test
    void takesSeveralWorkersOnlyWhenOneMayNotOpenAFileForEachConnection() {
        assertThat(ScaleOutServer.Limits.of(2_000, 20_000)).isEqualTo(new ScaleOutServer.Limits(1, 4_100, 4_200));
        assertThat(ScaleOutServer.Limits.of(20_000, 20_000)).isEqualTo(new ScaleOutServer.Limits(3, 19_900, 20_000));
        assertThat(ScaleOutServer.config(Path.of("/w"), 8123, List.of(1), 15, ScaleOutServer.Limits.of(20_000, 20_000)))
                .contains(" reuseport;");
    }
}
