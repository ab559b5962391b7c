package org.divergence.cli.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.charts.LoadChartData;
import org.divergence.app.compare.CompareRepositories;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.charts.ChartData;
import org.divergence.core.charts.ChartDatasets;
import org.divergence.core.charts.ChartType;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.Quantiles;
import org.divergence.render.charts.BuiltChart;
import org.divergence.render.charts.ChartBuilder;
import org.divergence.render.charts.ChartStyle;
import org.divergence.render.charts.EcdfDataset;
import org.divergence.store.project.Project;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times what the Charts screen does: the first load (one pass over the table), then each switch of chart type or
 * metric (chart data from the loaded tables, the JFreeChart, and its first drawing with tooltips and click
 * entities, offscreen at the window's size), and ECDF redraws while zooming (resampling and drawing).
 */
@Command(name = "charts", mixinStandardHelpOptions = true,
        description = "Time the charts: first load, every chart type × metric switch, and ECDF redraws while zooming.")
final class BenchChartsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "platform",
            description = "platform (default) or repo_type.")
    String by;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1200", description = "Chart width in pixels.")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "700", description = "Chart height in pixels.")
    int height;

    @Option(names = "--zoom-steps", paramLabel = "N", defaultValue = "60",
            description = "ECDF zoom steps per metric (default: ${DEFAULT-VALUE}).")
    int zoomSteps;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Java %s, %d processors, max heap %,d MiB; chart %d × %d px%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, width, height);
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        try (Project opened = Project.open(project.path())) {
            GroupSplit split = CompareRepositories.split(opened, by);
            long start = System.nanoTime();
            MetricAccumulator data = LoadChartData.load(opened, split, RepositoryFilter.ALL, Progress.NONE);
            out.printf("first load: %,d rows read in %.2f s (one pass, with creation months)%n", data.rowsRead(),
                    seconds(System.nanoTime() - start));

            // Warm up the JIT on one round, then time every switch.
            for (ChartType type : ChartType.values()) {
                show(type, type.metricFor(BuiltInMetric.COMMITS, data.metrics()), data, canvas);
            }
            List<Double> switches = new ArrayList<>();
            for (ChartType type : ChartType.values()) {
                List<Metric> metrics = type.showsAllMetrics() ? List.of(BuiltInMetric.COMMITS)
                        : type.metrics(data.metrics());
                double worst = 0;
                double total = 0;
                for (Metric metric : metrics) {
                    double millis = show(type, metric, data, canvas);
                    switches.add(millis);
                    worst = Math.max(worst, millis);
                    total += millis;
                }
                out.printf("switch to %-9s (%2d metrics): mean %6.1f ms, max %6.1f ms (data + chart + first draw)%n",
                        type.key(), metrics.size(), total / metrics.size(), worst);
            }
            out.printf("all %d switches: median %.1f ms, max %.1f ms%n", switches.size(), Quantiles.median(switches),
                    Quantiles.linear(switches, 1.0));

            List<Double> redraws = new ArrayList<>();
            int mostPoints = 0;
            for (Metric metric : data.metrics().numeric()) {
                ChartData ecdf = ChartDatasets.ecdf(metric, data, RepositoryFilter.ALL);
                BuiltChart built = ChartBuilder.build(ecdf, ChartStyle.LIGHT);
                EcdfDataset dataset = built.ecdf();
                dataset.setColumns(width);
                draw(built.chart(), canvas);
                ValueAxis x = ((XYPlot) built.chart().getPlot()).getDomainAxis();
                double low = x.getLowerBound();
                double high = x.getUpperBound();
                for (int step = 1; step <= zoomSteps; step++) {
                    // Zoom in towards the lower quarter, as a drag or the wheel does, then back out.
                    double factor = Math.pow(0.9, step <= zoomSteps / 2 ? step : zoomSteps - step);
                    double centre = low + (high - low) * 0.25;
                    long t0 = System.nanoTime();
                    x.setRange(centre - (centre - low) * factor, centre + (high - centre) * factor);
                    draw(built.chart(), canvas);
                    redraws.add((System.nanoTime() - t0) / 1e6);
                    mostPoints = Math.max(mostPoints, dataset.pointCount());
                }
            }
            out.printf("ECDF redraw while zooming (%d redraws, %d metrics, resample + draw): median %.1f ms, "
                            + "95th percentile %.1f ms, max %.1f ms; at most %,d points drawn%n", redraws.size(),
                    data.metrics().numeric().size(), Quantiles.median(redraws), Quantiles.linear(redraws, 0.95),
                    Quantiles.linear(redraws, 1.0), mostPoints);
        }
        return ExitCodes.OK;
    }

    private double show(ChartType type, Metric metric, MetricAccumulator data, BufferedImage canvas) {
        long start = System.nanoTime();
        ChartData chart = ChartDatasets.build(type, metric, data, RepositoryFilter.ALL);
        BuiltChart built = ChartBuilder.build(chart, ChartStyle.LIGHT);
        if (built.ecdf() != null) {
            built.ecdf().setColumns(width);
        }
        draw(built.chart(), canvas);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Draws as the viewer does: with a rendering info, so tooltips and click entities are collected too. */
    private void draw(JFreeChart chart, BufferedImage canvas) {
        Graphics2D g2 = canvas.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), new ChartRenderingInfo());
        } finally {
            g2.dispose();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
