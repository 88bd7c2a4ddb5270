package livefeed.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux tells in /proc about a process, and about the machine's TCP listen queues. */
final class Proc {

    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private Proc() {
    }

    /** User plus system CPU time of the process, all its threads together. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // The name (field 2) may hold spaces, so count from its closing parenthesis: field 3 comes next.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3])) * 1000 / TICKS_PER_SECOND;
    }

    /** Time a CPU spent busy, whoever used it: other programs on the server's core skew every figure. */
    static long cpuBusyMillis(String cpu) throws IOException {
        String[] ticks = lineAfter(Path.of("/proc/stat"), cpu + " ").split(" "); // user nice system idle iowait irq softirq steal
        long busy = 0;
        for (int field : new int[] {0, 1, 2, 5, 6, 7}) {
            busy += Long.parseLong(ticks[field]);
        }
        return busy * 1000 / TICKS_PER_SECOND;
    }

    /** A field of /proc/PID/status, such as VmRSS ("51234 kB") or Cpus_allowed_list ("0"); "n/a" if absent. */
    static String status(long pid, String field) throws IOException {
        return lineAfter(Path.of("/proc", String.valueOf(pid), "status"), field + ":");
    }

    /** The soft limit on open files of this process: the generator needs one per connection. */
    static String openFileLimit() throws IOException {
        return lineAfter(Path.of("/proc/self/limits"), "Max open files").split("\\s+")[0];
    }

    /** A size field of /proc/PID/status, such as VmRSS, in kB; -1 if absent. */
    static long kilobytes(long pid, String field) throws IOException {
        String value = status(pid, field);
        return value.endsWith(" kB") ? Long.parseLong(value.replace(" kB", "")) : -1;
    }

    private static String lineAfter(Path file, String start) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith(start))
                .map(line -> line.substring(start.length()).trim()).findFirst().orElse("n/a");
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
        } catch (IOException | NumberFormatException e) {
            return 100; // the value on nearly every Linux
        }
    }
}
