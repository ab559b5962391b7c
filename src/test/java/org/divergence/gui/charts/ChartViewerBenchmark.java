package org.divergence.gui.charts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.app.charts.LoadChartData;
import org.divergence.core.charts.ChartDatasets;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.Quantiles;
import org.divergence.gui.common.Theme;
import org.divergence.render.charts.BuiltChart;
import org.divergence.render.charts.ChartBuilder;
import org.divergence.render.charts.ChartStyle;
import org.divergence.store.project.Project;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * Not a test: the GUI half of {@code bench charts}, run by bench/chart-viewer.sh PROJECT. Shows each numeric
 * metric's ECDF in JFreeChart-FX's viewer (1200 × 700) and times, on the FX thread, each zoom step as the user's drag
 * or wheel causes it: the axis change, the ECDF's resampling and the canvas redraw with its tooltip entities.
 */
public final class ChartViewerBenchmark {

    private ChartViewerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        MetricAccumulator data;
        try (Project project = Project.open(file)) {
            long start = System.nanoTime();
            data = LoadChartData.load(project, GroupSplits.PLATFORM, RepositoryFilter.ALL, Progress.NONE);
            System.out.printf("loaded %,d rows in %.2f s%n", data.rowsRead(), (System.nanoTime() - start) / 1e9);
        }
        Platform.startup(() -> { });
        Theme.LIGHT.apply();
        CompletableFuture<ChartViewer> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            ChartViewer viewer = new ChartViewer(null, false);
            stage.setScene(new Scene(viewer, 1200, 700));
            stage.show();
            shown.complete(viewer);
        });
        ChartViewer viewer = shown.get(30, TimeUnit.SECONDS);
        List<Double> redraws = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            redraws.clear();
            for (Metric metric : BuiltInMetric.numeric()) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                Platform.runLater(() -> {
                    BuiltChart built = ChartBuilder.build(ChartDatasets.ecdf(metric, data, RepositoryFilter.ALL),
                            ChartStyle.LIGHT);
                    built.ecdf().setColumns((int) viewer.getWidth());
                    viewer.setChart(built.chart());
                    ValueAxis x = ((XYPlot) built.chart().getPlot()).getDomainAxis();
                    double low = x.getLowerBound();
                    double high = x.getUpperBound();
                    for (int step = 1; step <= steps; step++) {
                        double factor = Math.pow(0.9, step <= steps / 2 ? step : steps - step);
                        double centre = low + (high - low) * 0.25;
                        long t0 = System.nanoTime();
                        x.setRange(centre - (centre - low) * factor, centre + (high - centre) * factor);
                        redraws.add((System.nanoTime() - t0) / 1e6);
                    }
                    done.complete(null);
                });
                done.get(60, TimeUnit.SECONDS);
            }
        }
        double[] sorted = redraws.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("ECDF redraw in the viewer while zooming (%d redraws, warm): median %.1f ms, "
                        + "95th percentile %.1f ms, max %.1f ms%n", sorted.length, Quantiles.linear(sorted, 0.5),
                Quantiles.linear(sorted, 0.95), sorted[sorted.length - 1]);
        Platform.exit();
    }
}
