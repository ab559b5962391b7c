package org.divergence.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.compare.CompareRepositories;
import org.divergence.cli.common.ComparisonJson;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.ComparisonTable;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.Headlines;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.metrics.StratifiedTable;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare collaboration on the study's dimensions: 12 metrics with Mann–Whitney U (exact for "
                + "small groups), Cliff's delta, chi-square or Fisher's exact test, bootstrap intervals, and Holm / "
                + "Benjamini–Hochberg adjusted p-values (definitions: docs/metrics.md).",
            "Group a is GitHub and group b Hugging Face; --by repo_type compares each Hugging Face type with "
                + "GitHub code."})
final class CompareCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print JSON (full-precision numbers, null when undefined).")
    boolean json;

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "platform",
            description = "platform (default), repo_type, or tag:NAME (untagged vs repositories tagged with the"
                    + " code NAME; see the tag command).")
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
            description = "created_year: also compare within each creation year, with van Elteren's and the "
                    + "Cochran–Mantel–Haenszel test across years (repositories with an unknown date are left out "
                    + "of the years and counted).")
    String stratify;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    int resamples;

    @Option(names = "--seed", paramLabel = "SEED", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).",
            defaultValue = "20260425")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RepositoryFilter filter = RepositoryFilter.parse(where, createdFrom, createdTo);
        Stratification stratification = Stratification.ofKey(stratify);
        if (resamples < 1) {
            throw new org.divergence.core.common.InvalidInputException("--resamples " + resamples
                    + ": must be at least 1");
        }
        BootstrapMedianDifference.Settings bootstrap = new BootstrapMedianDifference.Settings(resamples, seed,
                BootstrapMedianDifference.Settings.DEFAULT.level());
        ComparisonReport report;
        try (Project opened = Project.openForReading(project.path())) {
            GroupSplit split = CompareRepositories.split(opened, by);
            report = CompareRepositories.compare(opened, split, filter, bootstrap, stratification, Progress.NONE);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ComparisonJson.of(report));
        } else {
            printText(out, report);
        }
        return ExitCodes.OK;
    }

    static void printText(PrintWriter out, ComparisonReport report) {
        out.printf("%,d repositories read; %s.%n", report.rowsRead(), report.filter().describe());
        for (PairComparison pair : report.comparisons()) {
            out.println();
            out.printf("%s (a) vs %s (b)%n%n", pair.a().label(), pair.b().label());
            out.print(new ComparisonTable(pair, "").toText());
            out.println(ComparisonTable.familyNote(pair));
            out.println();
            for (Headlines.Headline headline : Headlines.of(pair, report.filter())) {
                out.printf("%s: %s%n", headline.dimension().label(), headline.sentence());
            }
            if (pair.stratified() != null) {
                out.println();
                out.printf("Within creation years%n%n");
                out.print(new StratifiedTable(pair).toText());
            }
        }
        out.println();
        out.println("Effect size, positive when group a is higher: Cliff's δ = P(a > b) − P(a < b) for numbers "
                + "(Romano et al.), Cohen's h = h_a − h_b for shares. " + ComparisonTable.TESTS);
    }
}
