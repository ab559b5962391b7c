package org.divergence.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.report.BuildReport;
import org.divergence.app.report.ReportExtensions;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.report.ReportFormat;
import org.divergence.core.report.ReportModel;
import org.divergence.core.report.ReportOptions;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.render.report.JointDisplayTable;
import org.divergence.render.report.ReportFiles;
import org.divergence.render.report.Reports;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a reproducible report: one self-contained HTML page (inline CSS and SVG charts, no "
                + "network) with the sample, the comparison (the numbers of compare --json for the same options), an "
                + "effect-size chart per dimension and a box plot per numeric metric, the codebook with frequencies, "
                + "agreement, the joint display, factor tags and provenance.",
            "Markdown (for notebooks) and LaTeX tables (for papers) with --format or by the file extension. The same "
                + "project and options give the same bytes; --timestamp adds the time of generation."})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The report file (.html, .md or .tex); replaced if it exists.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "html, md or latex (default: from the file extension .html, .md or .tex; a name without an "
                    + "extension is html).")
    String format;

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "platform",
            description = "platform (default) or repo_type, as for compare.")
    String by;

    @Option(names = "--where", paramLabel = "KEY=VALUE",
            description = "Only these repositories: platform=github|huggingface, repo_type=code|model|dataset|space "
                    + "(repeatable), as for compare.")
    List<String> where = new ArrayList<>();

    @Option(names = "--created-from", paramLabel = "DATE", description = "Only repositories created on or after DATE.")
    String createdFrom;

    @Option(names = "--created-to", paramLabel = "DATE", description = "Only repositories created on or before DATE.")
    String createdTo;

    @Option(names = "--stratify", paramLabel = "BY",
            description = "created_year: also compare within each creation year, as compare --stratify (tables "
                    + "and a forest plot of each dimension's lead metric by year).")
    String stratify;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "10000",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20260425",
            description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timestamp", description = "Print the time of generation in the report (it then differs "
            + "from run to run).")
    boolean timestamp;

    @Option(names = "--joint-display", paramLabel = "FILE",
            description = "Also write the joint display table alone: .csv, .md or .tex by the extension.")
    Path jointDisplay;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RepositoryFilter filter = RepositoryFilter.parse(where, createdFrom, createdTo);
        if (resamples < 1) {
            throw new InvalidInputException("--resamples " + resamples + ": must be at least 1");
        }
        ReportFormat chosen = format != null ? ReportFormat.parse(format) : formatOf(out);
        String tableKind = jointDisplay == null ? null : tableKind(jointDisplay);
        ReportOptions options = new ReportOptions(by, filter, new BootstrapMedianDifference.Settings(resamples, seed,
                BootstrapMedianDifference.Settings.DEFAULT.level()), timestamp ? Instant.now() : null,
                Stratification.ofKey(stratify));
        ReportModel model;
        try (Project opened = Project.openReadOnly(project.path())) {
            model = BuildReport.build(opened, options, ReportExtensions.builtIn(), Progress.NONE);
        }
        long bytes = ReportFiles.write(out, Reports.render(model, chosen));
        spec.commandLine().getOut().printf("Wrote %s (%s, %,d bytes); project content SHA-256 %s%n", out,
                chosen.label(), bytes, model.provenance().contentSha256());
        if (jointDisplay != null) {
            JointDisplayTable table = new JointDisplayTable(model.jointDisplay());
            String text = switch (tableKind) {
                case "csv" -> table.toCsv();
                case "md" -> table.toMarkdown();
                default -> table.toLatex("Joint display.");
            };
            long written = ReportFiles.write(jointDisplay, text);
            spec.commandLine().getOut().printf("Wrote %s (joint display, %,d bytes)%n", jointDisplay, written);
        }
        return ExitCodes.OK;
    }

    /** By the extension; a name without one is HTML, and an extension the report cannot be written as is refused. */
    private static ReportFormat formatOf(Path file) {
        String name = file.getFileName().toString();
        ReportFormat byName = ReportFormat.ofFileName(name);
        if (byName != null) {
            return byName;
        }
        if (name.lastIndexOf('.') > 0) {
            throw new InvalidInputException("--out " + file + ": name a .html, .md or .tex file, or choose the format "
                    + "with --format");
        }
        return ReportFormat.HTML;
    }

    private static String tableKind(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (String kind : List.of("csv", "md", "tex")) {
            if (name.endsWith("." + kind)) {
                return kind;
            }
        }
        throw new InvalidInputException("--joint-display " + file + ": name a .csv, .md or .tex file");
    }
}
