package livefeed.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The figures of one run, each beside its target: printed as a Markdown table and saved as CSV. */
final class Report {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    Report(String title) {
        this.title = title;
    }

    /** A figure with a target; met is null for a figure shown for information only. */
    void row(String figure, Object value, String target, Boolean met) {
        String mark = met == null ? "" : met ? "✓" : "✗";
        rows.add(new String[] {figure, String.valueOf(value), target, mark});
    }

    void info(String figure, Object value) {
        row(figure, value, "", null);
    }

    String markdown() {
        StringBuilder text = new StringBuilder(title).append("\n\n| figure | value | target | met |\n|---|---|---|---|\n");
        rows.forEach(row -> text.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return text.toString();
    }

    String csv() {
        StringBuilder text = new StringBuilder("figure,value,target,met\n");
        rows.forEach(row -> text.append(String.join(",", List.of(row).stream().map(Report::quoted).toList())).append('\n'));
        return text.toString();
    }

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
