package livefeed.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * What step 6's rows measure besides the steps' figures, read from outside the processes: the
 * connections nginx holds to each feed server (its streams), Redis's own clients (INFO clients), and
 * the CPU time and memory of each kind of process (feed servers, Redis, nginx). Where Redis and each
 * feed server are, ScaleOutServer prints.
 */
final class ScaleOutProbe {

    private static final String FEED_SERVER = "java";
    private static final String REDIS = "redis-server";
    private static final String NGINX = "nginx";

    private final ServerProcess server;
    private final int redisPort;
    private final List<Integer> feedPorts;
    private final List<List<Integer>> connections = new ArrayList<>(); // per sample, per feed server
    private final List<Integer> redisClients = new ArrayList<>();
    private int redisBlockedClients = StepResult.NOT_MEASURED;
    private Map<String, Long> cpuAtStart = Map.of();
    private Map<String, Long> cpuAtEnd = Map.of();

    private ScaleOutProbe(ServerProcess server, int redisPort, List<Integer> feedPorts) {
        this.server = server;
        this.redisPort = redisPort;
        this.feedPorts = List.copyOf(feedPorts);
    }

    /** From the lines ScaleOutServer printed: "Redis at 127.0.0.1:P", "Feed server 1 at 127.0.0.1:P"... */
    static ScaleOutProbe of(ServerProcess server) {
        int redisPort = -1;
        List<Integer> feedPorts = new ArrayList<>();
        for (String line : server.printed()) {
            Matcher redis = ScaleOutServer.REDIS_LINE.matcher(line);
            Matcher feedServer = ScaleOutServer.FEED_SERVER_LINE.matcher(line);
            if (redis.matches()) {
                redisPort = Integer.parseInt(redis.group(1));
            } else if (feedServer.matches()) {
                feedPorts.add(Integer.parseInt(feedServer.group(1)));
            }
        }
        if (redisPort < 0 || feedPorts.isEmpty()) {
            throw new IllegalStateException("step 6's launcher did not say where Redis and the feed servers are: "
                    + server.printed());
        }
        return new ScaleOutProbe(server, redisPort, feedPorts);
    }

    /**
     * How many connections each feed server holds (from /proc/net/tcp: established, on its port), and
     * Redis's clients, this probe's own connection left out. Outside the measured phase: reading the
     * kernel's socket tables for 10,000 streams takes the generator's core a moment.
     */
    void sampleConnections() throws IOException {
        List<String> sockets = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
        Path tcp6 = Path.of("/proc/net/tcp6");
        if (Files.exists(tcp6)) {
            sockets.addAll(Files.readAllLines(tcp6));
        }
        connections.add(established(feedPorts, sockets));
        Map<String, String> clients = RedisCommand.info(redisPort, "clients");
        redisClients.add(Integer.parseInt(clients.get("connected_clients")) - 1);
        redisBlockedClients = Integer.parseInt(clients.getOrDefault("blocked_clients", "-1"));
    }

    /** The CPU of each kind of process, where the measured phase starts. */
    void measuredPhaseStarts() throws IOException {
        cpuAtStart = server.cpuMillisByProgram();
    }

    void measuredPhaseEnds() throws IOException {
        cpuAtEnd = server.cpuMillisByProgram();
    }

    /** What was measured: at the end is the last sample, most is the largest of all. */
    StepResult.ScaleOut result(long deliveredInMeasuredPhase) throws IOException {
        List<Integer> atEnd = connections.isEmpty() ? List.of() : connections.get(connections.size() - 1);
        List<Integer> most = new ArrayList<>();
        for (int i = 0; i < feedPorts.size(); i++) {
            int feedServer = i;
            most.add(connections.stream().mapToInt(sample -> sample.get(feedServer)).max().orElse(StepResult.NOT_MEASURED));
        }
        Map<String, Long> rssKb = server.peakRssKbByProgram();
        return new StepResult.ScaleOut(feedPorts.size(), atEnd, most,
                redisClients.isEmpty() ? StepResult.NOT_MEASURED : redisClients.get(redisClients.size() - 1),
                redisClients.stream().mapToInt(Integer::intValue).max().orElse(StepResult.NOT_MEASURED),
                redisBlockedClients,
                microsPerItem(FEED_SERVER, deliveredInMeasuredPhase), microsPerItem(REDIS, deliveredInMeasuredPhase),
                microsPerItem(NGINX, deliveredInMeasuredPhase),
                megabytes(rssKb, FEED_SERVER), megabytes(rssKb, REDIS), megabytes(rssKb, NGINX));
    }

    /** Not measured where there is no such process (no nginx in front of the direct row). */
    private static long megabytes(Map<String, Long> kilobytes, String program) {
        return kilobytes.containsKey(program) ? kilobytes.get(program) / 1024 : StepResult.NOT_MEASURED;
    }

    private double microsPerItem(String program, long delivered) {
        if (delivered == 0 || !cpuAtEnd.containsKey(program)) {
            return StepResult.NOT_MEASURED;
        }
        return (cpuAtEnd.get(program) - cpuAtStart.getOrDefault(program, 0L)) * 1000.0 / delivered;
    }

    /**
     * Established connections whose local port is each of the ports, from the lines of /proc/net/tcp
     * (and tcp6): "sl local_address rem_address st ...", addresses as hex "0100007F:1F90", state 01 for
     * established. Each connection to a server shows twice on loopback: the server's end counts, whose
     * local port is the server's.
     */
    static List<Integer> established(List<Integer> ports, List<String> sockets) {
        int[] counts = new int[ports.size()];
        for (String line : sockets) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[3].equals("01") || !fields[1].contains(":")) {
                continue; // the header, or not established
            }
            int localPort = Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1), 16);
            int index = ports.indexOf(localPort);
            if (index >= 0) {
                counts[index]++;
            }
        }
        List<Integer> result = new ArrayList<>();
        for (int count : counts) {
            result.add(count);
        }
        return result;
    }
}
