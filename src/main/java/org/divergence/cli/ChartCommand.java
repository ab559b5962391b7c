package org.divergence.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.charts.LoadChartData;
import org.divergence.app.compare.CompareRepositories;
import org.divergence.cli.common.ConsoleProgress;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.charts.ChartData;
import org.divergence.core.charts.ChartType;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.render.charts.BuiltChart;
import org.divergence.render.charts.ChartBuilder;
import org.divergence.render.charts.ChartExport;
import org.divergence.render.charts.ChartFormat;
import org.divergence.render.charts.ChartStyle;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Draw a chart of a metric for a paper: PNG (at a chosen DPI), SVG or PDF, by the file name's "
                + "extension.",
            "Types: box (log scale, outliers summarised), ecdf, histogram (log-spaced bins), share (95%% Wilson "
                + "intervals; share metrics), effects (Cliff's delta of all metrics; with --stratify created_year, of "
                + "the metric per creation year), timeline (created per month, metric by creation year)."})
final class ChartCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "contributors",
            description = "The metric (default: ${DEFAULT-VALUE}), e.g. commits, pr_acceptance_rate, "
                    + "has_pull_requests, or a custom metric's name (metric list); see docs/metrics.md.")
    String metric;

    @Option(names = "--type", paramLabel = "TYPE", required = true,
            description = "box, ecdf, histogram, share, effects or timeline.")
    String type;

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "platform",
            description = "platform (default), repo_type, or tag:NAME (untagged vs tagged with a code).")
    String by;

    @Option(names = "--where", paramLabel = "KEY=VALUE",
            description = "Only these repositories: platform=github|huggingface, repo_type=code|model|dataset|space "
                    + "(repeatable; values of one key are alternatives, e.g. repo_type=model,dataset).")
    List<String> where = new ArrayList<>();

    @Option(names = "--created-from", paramLabel = "DATE",
            description = "Only repositories created on or after DATE (YYYY-MM-DD); unknown dates are left out.")
    String createdFrom;

    @Option(names = "--created-to", paramLabel = "DATE",
            description = "Only repositories created on or before DATE (YYYY-MM-DD); unknown dates are left out.")
    String createdTo;

    @Option(names = "--stratify", paramLabel = "BY",
            description = "created_year: with --type effects, the metric's Cliff's delta in each creation year (a "
                    + "forest plot), with van Elteren's or the Cochran–Mantel–Haenszel test across years.")
    String stratify;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The file to write: .png, .svg or .pdf (replaced if it exists).")
    Path out;

    @Option(names = "--width", paramLabel = "W", defaultValue = "" + ChartExport.DEFAULT_WIDTH,
            description = "Width in pixels of 1/96 inch (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "" + ChartExport.DEFAULT_HEIGHT,
            description = "Height in pixels of 1/96 inch (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "" + ChartExport.SCREEN_DPI,
            description = "PNG resolution (default: ${DEFAULT-VALUE}; 300 for print): the image has W·N/96 × H·N/96 "
                    + "pixels. SVG and PDF are vector graphics.")
    int dpi;

    @Option(names = "--dark", description = "Dark background (for slides); papers want the default, light.")
    boolean dark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ChartType chartType = ChartType.ofKey(type);
        Stratification stratification = Stratification.ofKey(stratify);
        if (stratification != Stratification.NONE && chartType != ChartType.EFFECTS) {
            throw new InvalidInputException("--stratify " + stratify + ": only the effects chart is drawn per "
                    + "creation year; use --type effects");
        }
        ChartFormat format = ChartFormat.of(out);
        RepositoryFilter filter = RepositoryFilter.parse(where, createdFrom, createdTo);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        ChartData data;
        try (Project opened = Project.openForReading(project.path())) {
            GroupSplit split = CompareRepositories.split(opened, by);
            data = LoadChartData.chart(opened, split, filter, chartType, metric == null ? "" : metric.strip(),
                    stratification, progress);
        } finally {
            progress.finish();
        }
        BuiltChart chart = ChartBuilder.build(data, ChartStyle.of(dark));
        ChartExport.write(chart.chart(), out, format, width, height, dpi);
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("wrote %s (%s, %d × %d%s)%n", out, format.description(), width, height,
                format == ChartFormat.PNG ? " at " + dpi + " DPI" : "");
        return ExitCodes.OK;
    }
}
