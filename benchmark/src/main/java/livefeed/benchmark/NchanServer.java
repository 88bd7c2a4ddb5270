package livefeed.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import livefeed.NginxBinary;

/**
 * The benchmark's reference row: nginx with the nchan module, the engine people deploy for exactly
 * this job, set up as step 5 is (an EventSource stream per page, 20 messages kept, a heartbeat).
 * Writes an nginx config to benchmark/target/nchan/, starts nginx (one worker) as its child, prints
 * its URL as the steps' servers do, and stops it when it is stopped. The benchmark counts nginx's
 * CPU and memory, not this launcher's.
 * <p>
 * Options: --port N (required: nginx cannot pick a free port), --heartbeat SECONDS (15),
 * --max-subscribers N (10000: nginx gets room for that many connections).
 */
public final class NchanServer {

    /** Where nchan's publisher location is: a POST's body is the message. */
    static final String PUBLISH_PATH = "/pub";
    /** Where its EventSource subscribers connect. */
    static final String SUBSCRIBE_PATH = "/sub";
    static final String INSTALL_HINT = "the nchan module is not installed: sudo apt-get install -y libnginx-mod-nchan"
            + " (Debian, Ubuntu)";
    /** Where packages put the module (Debian's libnginx-mod-nchan: the first). */
    private static final List<String> MODULE_PLACES = List.of("/usr/lib/nginx/modules/ngx_nchan_module.so",
            "/usr/lib64/nginx/modules/ngx_nchan_module.so", "/usr/local/nginx/modules/ngx_nchan_module.so");
    private static final Path WORK_DIR = Path.of("benchmark", "target", "nchan");

    private NchanServer() {
    }

    /** The nchan module, if it is installed. */
    static Optional<Path> module() {
        return MODULE_PLACES.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = flags(args);
        Optional<Path> nginx = NginxBinary.find();
        Optional<Path> module = module();
        if (nginx.isEmpty() || module.isEmpty() || !flags.containsKey("--port")) {
            System.err.println("error: " + (nginx.isEmpty() ? NginxBinary.INSTALL_HINT
                    : module.isEmpty() ? INSTALL_HINT : "--port N is required"));
            System.exit(1);
        }
        int port = Integer.parseInt(flags.get("--port"));
        String config = config(module.get(), WORK_DIR.toAbsolutePath(), port,
                Integer.parseInt(flags.getOrDefault("--heartbeat", "15")),
                Integer.parseInt(flags.getOrDefault("--max-subscribers", "10000")));
        Process process = NginxChild.start(nginx.get(), WORK_DIR.toAbsolutePath(), config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> NginxChild.stop(process)));
        System.out.println("Live feed at http://127.0.0.1:" + port + "/ (nginx+nchan: POST " + PUBLISH_PATH
                + ", EventSource " + SUBSCRIBE_PATH + ")");
        System.exit(process.waitFor() == 0 ? 0 : 1);
    }

    /** The config: one worker, the publisher location and the EventSource subscriber location on one channel. */
    static String config(Path module, Path workDir, int port, int heartbeatSeconds, int maxSubscribers) {
        String work = workDir.toString();
        List<String> lines = new ArrayList<>(List.of(
                "load_module " + module + ";",
                "daemon off;                       # a child of NchanServer, which stops it",
                "worker_processes 1;               # the server on one core, as the steps' servers",
                "pid " + work + "/nginx.pid;",
                "error_log " + work + "/error.log warn;",
                "events {",
                "    worker_connections " + (maxSubscribers + 1024) + ";  # a connection per stream, and the POSTs;"
                        + " the open-file limit is the benchmark's (run.sh raises it)",
                "}",
                "http {",
                "    access_log off;"));
        lines.addAll(NginxChild.tempPaths(workDir));
        lines.addAll(List.of(
                "    server {",
                "        listen 127.0.0.1:" + port + " backlog=4096;  # as the JDK servers' accept backlog",
                "        location = " + PUBLISH_PATH + " {",
                "            nchan_publisher;",
                "            nchan_channel_id feed;",
                "            nchan_message_buffer_length 20;  # the steps' backlog",
                "        }",
                "        location = " + SUBSCRIBE_PATH + " {",
                "            nchan_subscriber eventsource;",
                "            nchan_channel_id feed;",
                "            nchan_subscriber_first_message newest;  # without Last-Event-ID: from now on, as step 5",
                "            nchan_eventsource_ping_interval " + heartbeatSeconds + ";  # step 5's heartbeat",
                "        }",
                "    }",
                "}",
                ""));
        return String.join("\n", lines);
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i], args[i + 1]);
        }
        return flags;
    }
}
