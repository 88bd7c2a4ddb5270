import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The figures chapter 7 shows are the figures of the reports kept in docs/benchmark: the
 * 100-subscriber table is the report's table, line for line, and each figure of the table for
 * 1,000 and 10,000 subscribers is its report's CSV value, as rounded in the tutorial, and so is
 * every figure of step 3's table at 100, 1,000 and 10,000 clients (appendix A), and of step 6's two
 * tables once its reports are kept.
 */
class BenchmarkReportsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String CROSS_TABLE_HEADER = "| figure | 1,000 subscribers | 10,000 subscribers |";
    private static final Map<String, String> CSV_COLUMN_OF_ROW = Map.of(
            "spaced items: delivered p50 (ms)", "spaced_p50_ms",
            "spaced items: delivered p99 (ms)", "spaced_p99_ms",
            "lost per subscriber: 20 spaced items", "lost_spaced_per_subscriber",
            "lost per subscriber: burst of 10", "lost_burst_per_subscriber",
            "idle: requests per minute per subscriber", "idle_requests_per_minute_per_subscriber",
            "idle: server CPU, % of one core", "idle_server_cpu_percent",
            "server CPU, measured phase, % of one core", "server_cpu_percent",
            "server CPU per delivered item (µs)", "server_cpu_us_per_item",
            "POST answered, p50 (ms)", "post_p50_ms",
            "server peak RSS (MB)", "peak_rss_mb");

    private static final String STEP_6_TABLE_HEADER =
            "| figure (step 5 / 6x1 direct / 6x1 / 6x3) | 1,000 subscribers | 10,000 subscribers |";
    private static final String STEP_6_SPLIT_TABLE_HEADER =
            "| figure (6x1 direct / 6x1 / 6x3) | 1,000 subscribers | 10,000 subscribers |";
    private static final Map<String, String> SCALE_OUT_COLUMN_OF_ROW = Map.of(
            "Redis's clients (the most seen)", "redis_clients_most",
            "CPU per delivered item: feed servers (µs)", "feed_servers_cpu_us_per_item",
            "CPU per delivered item: Redis (µs)", "redis_cpu_us_per_item",
            "CPU per delivered item: nginx (µs)", "nginx_cpu_us_per_item",
            "peak RSS: feed servers (MB)", "feed_servers_peak_rss_mb");

    private static final String STEP_3_TABLE_HEADER =
            "| figure | 100 clients | 1,000 clients | 10,000 clients |";
    private static final Map<String, List<String>> STEP_3_COLUMNS_OF_ROW = Map.of(
            "connect all clients", List.of("connect_ms"),
            "delivered p50 / p99, 20 spaced items", List.of("spaced_p50_ms", "spaced_p99_ms"),
            "burst of 10: p50 / p99 / max", List.of("burst_p50_ms", "burst_p99_ms", "burst_max_ms"),
            "lost per client (spaced, burst) / duplicated / out of order",
            List.of("lost_spaced_per_subscriber", "lost_burst_per_subscriber", "duplicates", "out_of_order"),
            "POST answered, p50 (spaced) / max", List.of("post_p50_ms", "post_max_ms"),
            "requests per delivered item", List.of("requests_per_item"),
            "server CPU per delivered item", List.of("server_cpu_us_per_item"),
            "server CPU, % of core 0", List.of("server_cpu_percent"),
            "server RSS (peak)", List.of("peak_rss_mb"));

    @Test
    void theTutorialShowsThe100SubscriberTableAsTheBenchmarkWroteIt() throws IOException {
        List<String> report = Files.readAllLines(ROOT.resolve("docs/benchmark/steps-100-clients.md"));
        List<String> table = report.subList(report.indexOf(report.stream().filter(line -> line.startsWith("| figure |"))
                .findFirst().orElseThrow()), report.size());

        assertThat(Files.readString(ROOT.resolve("tutorial.md"))).contains(String.join("\n", table) + "\n");
    }

    @Test
    void everyFigureOfTheTableFor1000And10000IsItsReportsFigure() throws IOException {
        checkCrossTable(CROSS_TABLE_HEADER, List.of("steps-1000-clients.csv", "steps-10000-clients.csv"),
                CSV_COLUMN_OF_ROW);
    }

    /**
     * Step 6's chapter shows the kept step 6 reports (rows 5, 6x1-direct, 6x1, 6x3) in a table of its
     * own, checked as chapter 7's is, and their split by process (-scale-out.csv) in another. Until the
     * step 6 reports are kept in docs/benchmark, there is nothing to check against.
     */
    @Test
    void everyFigureOfStep6sTablesIsItsReportsFigure() throws IOException {
        List<String> step6 = List.of("step6-1000-clients.csv", "step6-10000-clients.csv");
        assumeTrue(step6.stream().allMatch(name -> Files.exists(ROOT.resolve("docs/benchmark").resolve(name))),
                "skipped: the step 6 reports are not kept in docs/benchmark yet (see its README)");
        checkCrossTable(STEP_6_TABLE_HEADER, step6, CSV_COLUMN_OF_ROW);
        checkCrossTable(STEP_6_SPLIT_TABLE_HEADER,
                List.of("step6-1000-clients-scale-out.csv", "step6-10000-clients-scale-out.csv"), SCALE_OUT_COLUMN_OF_ROW);
    }

    /**
     * A table with a row per figure and a column per report: each cell holds one figure per step of
     * the report, in the CSV's order, separated by " / ", each its CSV value as rounded in the tutorial.
     */
    private static void checkCrossTable(String headerLine, List<String> csvNames, Map<String, String> columnOfRow)
            throws IOException {
        List<String> tutorial = Files.readAllLines(ROOT.resolve("tutorial.md"));
        int header = tutorial.indexOf(headerLine);
        assertThat(header).as("the table whose header is %s", headerLine).isPositive();
        List<List<String>> csvs = new ArrayList<>();
        for (String name : csvNames) {
            csvs.add(csv(name));
        }
        List<String> checked = new ArrayList<>();
        for (int i = header + 2; i < tutorial.size() && tutorial.get(i).startsWith("|"); i++) {
            String[] cells = tutorial.get(i).split("\\|");
            String row = cells[1].trim();
            assertThat(columnOfRow).as("a CSV column for the row '%s'", row).containsKey(row);
            for (int size = 0; size < csvs.size(); size++) {
                String[] shown = cells[2 + size].trim().split(" / ");
                List<String> steps = steps(csvs.get(size));
                assertThat(shown).as("one figure per step of the report (%s): %s", steps, cells[2 + size])
                        .hasSize(steps.size());
                for (int step = 0; step < steps.size(); step++) {
                    String inReport = value(csvs.get(size), steps.get(step), columnOfRow.get(row));
                    assertThat(matches(shown[step], inReport)).withFailMessage("tutorial.md:%d, %s, step %s, %s: shows %s,"
                            + " the report says %s", i + 1, row, steps.get(step), csvNames.get(size),
                            shown[step], inReport).isTrue();
                }
            }
            checked.add(row);
        }
        assertThat(checked).containsExactlyInAnyOrderElementsOf(columnOfRow.keySet());
    }

    @Test
    void everyFigureOfStep3sTableInAppendixAIsItsReportsFigure() throws IOException {
        List<String> tutorial = Files.readAllLines(ROOT.resolve("tutorial.md"));
        int header = tutorial.indexOf(STEP_3_TABLE_HEADER);
        assertThat(header).as("step 3's table, in appendix A").isPositive();
        List<List<String>> csvs = List.of(csv("steps-100-clients.csv"), csv("steps-1000-clients.csv"),
                csv("steps-10000-clients.csv"));
        List<String> checked = new ArrayList<>();
        for (int i = header + 2; tutorial.get(i).startsWith("|"); i++) {
            String[] cells = tutorial.get(i).split("\\|");
            String row = cells[1].trim();
            assertThat(STEP_3_COLUMNS_OF_ROW).as("CSV columns for the row '%s'", row).containsKey(row);
            List<String> columns = STEP_3_COLUMNS_OF_ROW.get(row);
            for (int size = 0; size < 3; size++) {
                String[] shown = cells[2 + size].replaceAll("ms|µs|MB|%", "").trim().split(" / ");
                assertThat(shown).as("one figure per column: %s", cells[2 + size]).hasSize(columns.size());
                for (int c = 0; c < columns.size(); c++) {
                    String inReport = value(csvs.get(size), "3", columns.get(c));
                    assertThat(matches(shown[c].trim(), inReport)).withFailMessage("tutorial.md:%d, %s, %s: shows %s,"
                            + " the report says %s", i + 1, row, columns.get(c), shown[c], inReport).isTrue();
                }
            }
            checked.add(row);
        }
        assertThat(checked).containsExactlyInAnyOrderElementsOf(STEP_3_COLUMNS_OF_ROW.keySet());
    }

    @Test
    void everyReportTheDocsLinkExists() throws IOException {
        Pattern link = Pattern.compile("\\]\\((docs/benchmark/[^)#]*)");
        for (String document : List.of("tutorial.md", "README.md", "docs/benchmark/README.md")) {
            Matcher matcher = link.matcher(Files.readString(ROOT.resolve(document)));
            while (matcher.find()) {
                assertThat(ROOT.resolve(matcher.group(1))).as("linked from %s", document).exists();
            }
        }
    }

    /** The figure as the tutorial rounds it: 7.28 for 7.280, 2.0 for 1.97, 1,004 for 1004, n/a for -1. */
    private static boolean matches(String shown, String inReport) {
        if (shown.equals("n/a")) { // the report's -1: nothing was measured
            return Double.parseDouble(inReport) < 0;
        }
        String plain = shown.replace(",", "");
        int decimals = plain.contains(".") ? plain.length() - plain.indexOf('.') - 1 : 0;
        return Math.abs(Double.parseDouble(plain) - Double.parseDouble(inReport)) <= 0.5 * Math.pow(10, -decimals) + 1e-9;
    }

    private static List<String> csv(String name) throws IOException {
        return Files.readAllLines(ROOT.resolve("docs/benchmark").resolve(name));
    }

    /** The steps of a report, as its CSV lists them: 1, 2, 3, 4, 5, nchan (or 5, 6x1-direct, 6x1, 6x3). */
    private static List<String> steps(List<String> csv) {
        return csv.stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
    }

    private static String value(List<String> csv, String step, String column) {
        int index = List.of(csv.get(0).split(",")).indexOf(column);
        assertThat(index).as("column %s", column).isNotNegative();
        String line = csv.stream().skip(1).filter(l -> l.startsWith(step + ",")).findFirst().orElseThrow();
        return line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)[index]; // commas outside quotes
    }
}
