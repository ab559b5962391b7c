package org.divergence.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.divergence.core.charts.ChartType;
import org.divergence.core.charts.EcdfData;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

/** The interaction a chart carries without JavaFX: legend toggles, zoom reset, ECDF resampling on zoom. */
class BuiltChartTest {

    @Test
    void aLegendEntryHidesItsGroupInEveryPlotAndStaysToShowItAgain() {
        BuiltChart timeline = ChartBuilder.build(ChartExportTest.chart(ChartType.TIMELINE), ChartStyle.LIGHT);
        Comparable<?> github = timeline.seriesKeys().getFirst();
        assertEquals(2, timeline.seriesKeys().size(), "one legend entry per group, not per subplot");
        assertFalse(timeline.toggle(github));
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) timeline.chart().getPlot();
        for (XYPlot sub : plot.getSubplots()) {
            assertFalse(sub.getRenderer().isSeriesVisible(0), "hidden in both the monthly and the yearly plot");
            assertTrue(sub.getRenderer().isSeriesVisible(1));
        }
        LegendItemCollection legend = plot.getLegendItems();
        assertEquals(2, legend.getItemCount());
        assertTrue(legend.get(0).getLabel().endsWith("(hidden)"));
        assertTrue(timeline.toggle(github));
        assertTrue(plot.getSubplots().getFirst().getRenderer().isSeriesVisible(0));
        assertFalse(plot.getLegendItems().get(0).getLabel().endsWith("(hidden)"));

        BuiltChart box = ChartBuilder.build(ChartExportTest.chart(ChartType.BOX), ChartStyle.LIGHT);
        assertFalse(box.toggle(box.seriesKeys().get(1)));
        assertFalse(((org.jfree.chart.plot.CategoryPlot) box.chart().getPlot()).getRenderer().isSeriesVisible(1));
    }

    @Test
    void zoomingAnEcdfResamplesAndResetReturnsToAllData() {
        BuiltChart ecdf = ChartBuilder.build(ChartExportTest.chart(ChartType.ECDF), ChartStyle.LIGHT);
        EcdfDataset dataset = ecdf.ecdf();
        dataset.setColumns(100);
        XYPlot plot = (XYPlot) ecdf.chart().getPlot();
        draw(ecdf);
        ValueAxis x = plot.getDomainAxis();
        Range whole = x.getRange();
        int before = dataset.pointCount();
        assertTrue(before <= 2 * (2 * 100 + 2), "at most two points per column and group: " + before);
        x.setRange(whole.getLowerBound(), whole.getLowerBound() + whole.getLength() / 20);
        draw(ecdf);
        EcdfData data = (EcdfData) ecdf.data();
        for (int series = 0; series < dataset.getSeriesCount(); series++) {
            for (int item = 0; item < dataset.getItemCount(series); item++) {
                assertEquals(data.curves().get(series).at(dataset.value(series, item)),
                        dataset.getYValue(series, item), 1e-12, "exact at every drawn point");
            }
        }
        ecdf.resetZoom();
        draw(ecdf);
        assertEquals(whole, x.getRange());
        assertEquals(new Range(-1, 1), ((XYPlot) ChartBuilder.build(ChartExportTest.chart(ChartType.EFFECTS),
                ChartStyle.LIGHT).chart().getPlot()).getDomainAxis().getRange(), "the forest plot spans −1 to 1");
    }

    private static void draw(BuiltChart chart) {
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        var g2 = image.createGraphics();
        chart.chart().draw(g2, new Rectangle2D.Double(0, 0, 600, 400), new ChartRenderingInfo());
        g2.dispose();
    }
}
