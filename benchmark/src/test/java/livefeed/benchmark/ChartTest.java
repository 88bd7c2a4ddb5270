package livefeed.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static livefeed.benchmark.Results.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The chart is well-formed SVG, with one bar per step and series, as tall as its value says. */
class ChartTest {

    private final List<StepResult> results = Results.stepsOneToThree();

    @Test
    void drawsABarForEachStepInEachSeriesOfEachPanel() throws Exception {
        Document svg = parse(new Chart("100 subscribers & <more>", results).svg());

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        List<Element> bars = bars(svg);
        assertThat(bars).hasSize(3 * 2 + 3 + 3); // latency: p50 and p99; idle requests; lost in the burst
        assertThat(texts(svg)).contains("100 subscribers & <more>", "step 1", "step 2", "step 3", "p50", "p99",
                "1,012", "1,990", "30", "2", "3.8");
    }

    @Test
    void saysUnderItsBarsWhenAStepCouldNotHoldItsSubscribers() throws Exception {
        List<StepResult> withFull = List.of(results.get(0), result(Step.STEP_4, "2 of 35 POSTs failed", 3698, 43487, 6, 118));

        List<String> texts = texts(parse(new Chart("c", withFull).svg()));

        assertThat(texts).filteredOn("did not hold"::equals).as("under step 4, in each of the 3 panels").hasSize(3);
        assertThat(texts(parse(new Chart("c", results).svg()))).doesNotContain("did not hold");
    }

    @Test
    void scalesLostItemsToTheBurstAndIdleRequestsToTheLargest() throws Exception {
        List<Element> bars = bars(parse(new Chart("c", results).svg()));

        double idleStep1 = height(bars.get(6));
        assertThat(height(bars.get(7)) / idleStep1).isCloseTo(2 / 30.0, within(0.01));
        assertThat(idleStep1 / 200).as("the largest bar leaves room for its label").isCloseTo(1 / 1.15, within(0.01));
        assertThat(height(bars.get(10)) / 200).as("3.8 lost of 10").isCloseTo(0.38, within(0.01));
        assertThat(height(bars.get(9))).isZero();
    }

    @Test
    void widensItsPanelsPastFourStepsSoThatNginxNchanFitsUnderItsBars() throws Exception {
        List<StepResult> six = new ArrayList<>(results);
        six.addAll(List.of(result(Step.STEP_4, null, 9, 30, 0, 2), result(Step.STEP_5, null, 4, 9, 0, 0),
                result(Step.NCHAN, null, 5, 11, 0, 0)));

        Document svg = parse(new Chart("c", six).svg());

        assertThat(svg.getDocumentElement().getAttribute("width")).as("3 panels of 60 px per step and 60 for the scale")
                .isEqualTo("1260");
        assertThat(texts(svg)).contains("step 5", "nginx+nchan");
        assertThat(parse(new Chart("c", results).svg()).getDocumentElement().getAttribute("width")).isEqualTo("900");
    }

    @Test
    void drawsLatencyOnALogScale() {
        assertThat(Chart.scaled(100, 10_000, true)).isCloseTo(0.5, within(1e-9));
        assertThat(Chart.scaled(1, 10_000, true)).isZero();
        assertThat(Chart.scaled(0, 10_000, true)).isZero();
        assertThat(Chart.scaled(5, 10, false)).isCloseTo(0.5, within(1e-9));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The bars: every rect but the white background and the legend's two squares. */
    private static List<Element> bars(Document svg) {
        NodeList rects = svg.getElementsByTagName("rect");
        List<Element> bars = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (!rect.getAttribute("fill").equals("white") && !rect.getAttribute("width").equals("10")) {
                bars.add(rect);
            }
        }
        return bars;
    }

    private static List<String> texts(Document svg) {
        NodeList texts = svg.getElementsByTagName("text");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            all.add(texts.item(i).getTextContent());
        }
        return all;
    }

    private static double height(Element bar) {
        return Double.parseDouble(bar.getAttribute("height"));
    }
}
