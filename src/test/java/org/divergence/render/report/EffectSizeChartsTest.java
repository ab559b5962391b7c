package org.divergence.render.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.report.ChartDrawing;
import org.divergence.core.report.ReportChart;
import org.junit.jupiter.api.Test;

class EffectSizeChartsTest {

    private static final Pattern CIRCLE = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"[0-9.]+\" r=\"5\" fill=\"(#[0-9A-F]{6})\"");

    @Test
    void drawsOneDotPerMetricOrientedSoThatRightMeansGroupAHigher() {
        ReportChart chart = new EffectSizeCharts().dimensionCharts(Dimension.COLLABORATION_INTENSITY,
                ReportFixtures.comparison()).getFirst();
        assertEquals("chart-collaboration-intensity", chart.id());
        String svg = chart.svg();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-collaboration-intensity\""),
                svg);
        assertTrue(svg.contains("<title id=\"chart-collaboration-intensity-title\">Collaboration intensity: effect "
                + "sizes</title>"), svg);
        Matcher dots = CIRCLE.matcher(svg);
        int count = 0;
        // The zero line is at the middle of the plot (226 + 280 / 2 = 366). GitHub tends higher on all four
        // metrics of the fixture (δ > 0, the JSON's h = h_b − h_a < 0): as every table and chart shows effect sizes,
        // positive means group a higher, so every dot is right of zero and GitHub blue.
        while (dots.find()) {
            count++;
            assertTrue(Double.parseDouble(dots.group(1)) > 366, dots.group());
            assertEquals("#0072B2", dots.group(2));
        }
        assertEquals(4, count);
        assertTrue(svg.contains(">← Hugging Face higher<") && svg.contains(">GitHub higher →<"), svg);
        assertTrue(svg.contains("positive: GitHub higher"), "the axis states the direction");
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), svg);
        long elements = svg.lines().filter(line -> line.matches("<(line|rect|circle|text) .*")).count();
        assertEquals(chart.drawing().shapes().size(), elements, "the SVG is the drawing the preview shows");
    }

    @Test
    void withinCreationYearsADimensionAlsoGetsItsLeadMetricByYear() {
        List<ReportChart> charts = new EffectSizeCharts().dimensionCharts(Dimension.COLLABORATION_INTENSITY,
                ReportFixtures.comparison(GroupSplits.PLATFORM, Stratification.CREATED_YEAR));
        assertEquals(List.of("chart-collaboration-intensity", "chart-collaboration-intensity-by-year"),
                charts.stream().map(ReportChart::id).toList());
        String svg = charts.getLast().svg();
        assertTrue(svg.contains(">2021<") && svg.contains(">2022<"), svg);
        assertTrue(charts.getLast().caption().contains("van Elteren Z = "), charts.getLast().caption());
        assertEquals(1, new EffectSizeCharts().dimensionCharts(Dimension.COLLABORATION_INTENSITY,
                ReportFixtures.comparison()).size(), "one chart when not stratified");
    }

    @Test
    void theSameComparisonGivesTheSameBytes() {
        ComparisonReport first = ReportFixtures.comparison(GroupSplits.REPO_TYPE);
        ComparisonReport second = ReportFixtures.comparison(GroupSplits.REPO_TYPE);
        for (Dimension dimension : Dimension.builtIn()) {
            List<ReportChart> a = new EffectSizeCharts().dimensionCharts(dimension, first);
            List<ReportChart> b = new EffectSizeCharts().dimensionCharts(dimension, second);
            assertEquals(a.getFirst().svg(), b.getFirst().svg());
            assertTrue(a.getFirst().svg().contains(" · Hugging Face datasets<"), "rows name the pair when there are "
                    + "several: " + a.getFirst().svg());
        }
    }

    @Test
    void numbersInSvgAreShortAndLocaleIndependent() {
        assertEquals("0", ChartDrawing.number(-0.001));
        assertEquals("12.5", ChartDrawing.number(12.5));
        assertEquals("366", ChartDrawing.number(366.0));
        assertEquals("-3.14", ChartDrawing.number(-3.14159));
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("12.5", ChartDrawing.number(12.5));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }
}
