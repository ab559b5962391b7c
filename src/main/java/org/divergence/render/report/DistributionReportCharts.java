package org.divergence.render.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.divergence.core.charts.BoxPlotData;
import org.divergence.core.charts.ChartDatasets;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.report.ReportChart;
import org.divergence.core.report.ReportCharts;
import org.divergence.render.charts.ChartBuilder;
import org.divergence.render.charts.ChartExport;
import org.divergence.render.charts.ChartStyle;
import org.jfree.chart.JFreeChart;

/**
 * The report's charts with the charts feature: per dimension, the effect-size chart (which the preview also draws)
 * followed by a box plot of each of its numeric metrics, drawn by the same JFreeChart code as the Charts screen and
 * {@code chart --type box}. The boxes come from the same per-group tables as the comparison (the report passes
 * them on; when it reused an earlier comparison they are read once, on the first dimension that needs them, with its
 * grouping and filter), so they show exactly the repositories the tables count.
 */
public final class DistributionReportCharts implements ReportCharts {

    static final int WIDTH = 860;
    static final int HEIGHT = 500;

    private final Function<ComparisonReport, MetricAccumulator> reader;
    private final EffectSizeCharts effects = new EffectSizeCharts();
    private MetricAccumulator distributions;

    /**
     * {@code distributions}: the comparison's per-group tables, or null to get them from {@code reader} (with the
     * comparison's grouping and filter) when needed.
     */
    public DistributionReportCharts(MetricAccumulator distributions,
                                    Function<ComparisonReport, MetricAccumulator> reader) {
        this.reader = reader;
        this.distributions = distributions;
    }

    @Override
    public String name() {
        return "effect-size charts and JFreeChart box plots (log1p scale)";
    }

    @Override
    public List<ReportChart> dimensionCharts(Dimension dimension, ComparisonReport comparison) {
        List<ReportChart> charts = new ArrayList<>(effects.dimensionCharts(dimension, comparison));
        for (Metric metric : comparison.metrics().all()) {
            if (metric.dimension().equals(dimension) && metric.kind() == MetricKind.NUMERIC) {
                charts.add(boxPlot(metric, comparison));
            }
        }
        return charts;
    }

    private ReportChart boxPlot(Metric metric, ComparisonReport comparison) {
        if (distributions == null) {
            distributions = reader.apply(comparison);
        }
        BoxPlotData data = ChartDatasets.box(metric, distributions, comparison.filter());
        String id = "chart-box-" + metric.key().replace('_', '-');
        JFreeChart chart = ChartBuilder.build(data, ChartStyle.LIGHT).chart();
        String svg = ChartExport.svg(chart, WIDTH, HEIGHT, id);
        String title = metric.label() + ": distribution by group";
        String caption = "Box plot of " + metric.label().toLowerCase(Locale.ROOT) + " per group: the box spans the "
                + "quartiles, the line is the median, whiskers reach 1.5 IQR; values beyond are summarised, not drawn "
                + "one by one. Log1p scale, so zeros are shown.";
        return new ReportChart(id, title, caption, svg, null, new ReportChart.PreviewImage(() ->
                ChartExport.png(chart, WIDTH, HEIGHT, ChartExport.SCREEN_DPI)));
    }
}
