package livefeed.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * The lesson as a picture: three bar charts side by side, one bar group per step. Delivery latency
 * (p50 and p99, on a log scale: polling is a thousand times slower), requests per minute while
 * nothing happens, and items lost in a burst. A step that could not hold its subscribers says so
 * under its bars. Plain SVG text, so it shows on GitHub and in any browser.
 */
final class Chart {

    private static final int MIN_PANEL_WIDTH = 300; // 4 steps at 60 px each, and the scale
    private static final int GROUP_WIDTH = 60; // room for a label such as "nginx+nchan" under a step's bars
    private static final int PLOT_TOP = 60;
    private static final int PLOT_HEIGHT = 200;
    private static final int HEIGHT = 330;
    private static final String[] COLOURS = {"#1f6fb4", "#9cc3e6"};

    /**
     * One panel: a title, the names of its series (p50, p99), each step's value in each series, and
     * the top of its scale (0: from the values).
     */
    private record Panel(String title, List<String> seriesNames, double[][] values, boolean logScale, double top) {
    }

    private final String caption;
    private final List<StepResult> results;
    private final int panelWidth;

    Chart(String caption, List<StepResult> results) {
        this.caption = caption;
        this.results = List.copyOf(results);
        this.panelWidth = Math.max(MIN_PANEL_WIDTH, 60 + GROUP_WIDTH * results.size());
    }

    String svg() {
        List<Panel> panels = List.of(
                new Panel("Delivery latency, spaced items (ms, log scale)", List.of("p50", "p99"),
                        values(r -> r.spaced().p50(), r -> r.spaced().p99()), true, 0),
                new Panel("Requests per minute per subscriber, idle", List.of(),
                        values(r -> r.requests().idlePerMinute()), false, 0),
                new Panel("Items lost per subscriber, burst of " + StepRun.BURST_ITEMS, List.of(),
                        values(r -> r.losses().burstPerSubscriber()), false, StepRun.BURST_ITEMS));
        int width = panelWidth * panels.size();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, HEIGHT, width, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, HEIGHT));
        svg.append(text(width / 2.0, 20, "middle", 14, caption));
        for (int i = 0; i < panels.size(); i++) {
            panel(svg, i * panelWidth, panels.get(i));
        }
        return svg.append("</svg>\n").toString();
    }

    private interface Figure {
        double of(StepResult result);
    }

    /** values[series][step] */
    private double[][] values(Figure... figures) {
        double[][] values = new double[figures.length][results.size()];
        for (int s = 0; s < figures.length; s++) {
            for (int step = 0; step < results.size(); step++) {
                values[s][step] = figures[s].of(results.get(step));
            }
        }
        return values;
    }

    private void panel(StringBuilder svg, int left, Panel panel) {
        double plotLeft = left + 45;
        double plotWidth = panelWidth - 60;
        double bottom = PLOT_TOP + PLOT_HEIGHT;
        svg.append(text(left + panelWidth / 2.0, 45, "middle", 12, panel.title()));
        double top = top(panel);
        svg.append(line(plotLeft, PLOT_TOP, plotLeft, bottom)).append(line(plotLeft, bottom, plotLeft + plotWidth, bottom));
        svg.append(text(plotLeft - 4, bottom + 4, "end", 10, panel.logScale() ? "1" : "0"));
        for (double tick = 10; panel.logScale() && tick < top; tick *= 10) { // a light line at 10, 100...
            double y = bottom - PLOT_HEIGHT * scaled(tick, top, true);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#ddd\"/>%n", plotLeft, y, plotLeft + plotWidth, y));
            svg.append(text(plotLeft - 4, y + 4, "end", 10, label(tick)));
        }
        svg.append(text(plotLeft - 4, PLOT_TOP + 4, "end", 10, label(top)));
        int series = panel.values().length;
        double group = plotWidth / results.size();
        double bar = (group - 12) / series;
        for (int step = 0; step < results.size(); step++) {
            double groupLeft = plotLeft + step * group + 6;
            for (int s = 0; s < series; s++) {
                double value = panel.values()[s][step];
                double height = PLOT_HEIGHT * scaled(Math.max(0, value), top, panel.logScale());
                double x = groupLeft + s * bar;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                        + " fill=\"%s\"/>%n", x, bottom - height, bar - 2, height, COLOURS[s % COLOURS.length]));
                svg.append(text(x + (bar - 2) / 2, bottom - height - 3, "middle", 10, value < 0 ? "n/a" : label(value)));
            }
            svg.append(text(groupLeft + (group - 12) / 2, bottom + 16, "middle", 11,
                    results.get(step).step().label));
            if (!results.get(step).held()) { // its figures are those of a server past its limits: see the table
                svg.append(text(groupLeft + (group - 12) / 2, bottom + 29, "middle", 10, "did not hold")
                        .replace("<text ", "<text fill=\"#b00\" "));
            }
        }
        for (int s = 0; s < panel.seriesNames().size(); s++) {
            double x = plotLeft + 10 + s * 60;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                    x, HEIGHT - 30, COLOURS[s]));
            svg.append(text(x + 14, HEIGHT - 21, "start", 11, panel.seriesNames().get(s)));
        }
    }

    /** The top of the scale: the largest value, rounded up to a power of ten on a log scale. */
    private static double top(Panel panel) {
        if (panel.top() > 0) {
            return panel.top();
        }
        double max = 0;
        for (double[] series : panel.values()) {
            for (double value : series) {
                max = Math.max(max, value);
            }
        }
        if (panel.logScale()) {
            return Math.pow(10, Math.max(1, Math.ceil(Math.log10(Math.max(max, 1)))));
        }
        return max <= 0 ? 1 : max * 1.15;
    }

    /** A value's share of the plot's height, 0 to 1. */
    static double scaled(double value, double top, boolean logScale) {
        if (logScale) {
            return value <= 1 ? 0 : Math.log10(value) / Math.log10(top);
        }
        return value / top;
    }

    private static String label(double value) {
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>%n",
                x1, y1, x2, y2);
    }

    private static String text(double x, double y, String anchor, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escaped(content));
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
