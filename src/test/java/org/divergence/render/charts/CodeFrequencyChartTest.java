package org.divergence.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.divergence.core.coding.CodeColors;
import org.divergence.core.coding.CodingAnalysis;
import org.divergence.exchange.coding.CodingCsv;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interviews → Analysis exported: the chart in the attribute-value colours, the co-occurrence matrix as CSV. */
class CodeFrequencyChartTest {

    @TempDir
    Path folder;

    @Test
    void theChartHasABarPerAttributeValueInColoursNoCodeUsesAndExports() throws Exception {
        CodingAnalysis.Table table = new CodingAnalysis.Table(List.of("fine-tuner", "maintainer"),
                List.of("Factors/Compute", "Factors/Licences"), new long[][] {{3, 1}, {0, 4}},
                new long[][] {{2, 1}, {0, 2}});
        JFreeChart chart = CodeFrequencyChart.build(table, "role", ChartStyle.LIGHT);
        CategoryPlot plot = chart.getCategoryPlot();
        assertEquals(List.of("Compute", "Licences"), plot.getDataset().getColumnKeys());
        assertEquals(4, plot.getDataset().getValue("maintainer", "Licences").intValue());
        for (int series = 0; series < 2; series++) {
            Color paint = (Color) plot.getRenderer().getSeriesPaint(series);
            String hex = String.format("#%06X", paint.getRGB() & 0xFFFFFF);
            assertEquals(CodeColors.ATTRIBUTE_VALUES.get(series), hex);
            assertTrue(!CodeColors.PALETTE.contains(hex), hex + " is a code colour");
        }
        Path svg = folder.resolve("frequencies.svg");
        ChartExport.write(chart, svg, ChartFormat.SVG, 800, 500, ChartExport.SCREEN_DPI);
        assertTrue(Files.readString(svg).startsWith("<?xml"), "an SVG document");
    }

    @Test
    void theCooccurrenceMatrixIsACsvWithTheCodesPathsOnBothSides() throws Exception {
        StringWriter out = new StringWriter();
        CodingCsv.writeCooccurrence(out, List.of("F/a", "F/b"), new long[][] {{5, 2}, {2, 3}});
        assertEquals("code,F/a,F/b\r\nF/a,5,2\r\nF/b,2,3\r\n", out.toString());
    }
}
