package org.divergence.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.sampling.DrawSample;
import org.divergence.cli.common.ConsoleProgress;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.sampling.DrawOptions;
import org.divergence.core.sampling.DrawRecord;
import org.divergence.core.sampling.StratumDimension;
import org.divergence.exchange.sampling.DrawFiles;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "draw", mixinStandardHelpOptions = true,
        description = {"Draw a reproducible random sample of repositories from a population project (e.g. an imported"
                + " Hub snapshot) and write their ids, one per line, to crawl with `collect --ids-file`"
                + " (docs/population.md).",
            "Stratified simple random sample without replacement, proportional allocation by largest remainder. The"
                + " record of the draw is written beside the list (FILE.draw.json).",
            "Not to be confused with `sample` (writes the bundled sample project) or `generate-sample` (writes"
                + " SYNTHETIC repositories)."})
final class DrawCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--n", required = true, paramLabel = "N", description = "How many repositories to draw.")
    long n;

    @Option(names = "--seed", required = true, paramLabel = "SEED",
            description = "The random seed: the same population, options and seed give the same list, byte for byte.")
    long seed;

    @Option(names = "--strata", paramLabel = "DIMENSIONS",
            description = "Stratify by platform, repo_type and/or created_year (comma-separated); repositories of"
                    + " unknown creation date form their own created_year stratum. Default: no strata.")
    String strata;

    @Option(names = "--where", paramLabel = "KEY=VALUE",
            description = "Only these repositories, as in compare: platform=github|huggingface, "
                    + "repo_type=code|model|dataset|space (repeatable; values of one key are alternatives).")
    List<String> where = new ArrayList<>();

    @Option(names = "--reserve", paramLabel = "K", defaultValue = "0",
            description = "Also draw K reserve repositories per stratum, listed after the sample, to replace"
                    + " non-respondents (default: ${DEFAULT-VALUE}).")
    int reserve;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The id list to write, e.g. ids.txt.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DrawOptions options = new DrawOptions(n, seed, StratumDimension.parseList(strata),
                RepositoryFilter.parse(where, null, null), reserve);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        DrawRecord record;
        try (Project opened = Project.openForReading(project.path())) {
            record = DrawSample.draw(opened, options, progress);
        }
        DrawSample.write(record, out);
        progress.finish();
        PrintWriter print = spec.commandLine().getOut();
        print.printf("Drew %,d of %,d repositories (%s)%s into %s; record: %s%n", record.sampleSize(),
                record.populationSize(), options.filter().describe(),
                record.reserveSize() == 0 ? "" : String.format(", plus %,d in reserve", record.reserveSize()), out,
                DrawFiles.recordOf(out));
        print.printf("%-40s %12s %8s %8s%n", "stratum", "population", "sample", "reserve");
        for (DrawRecord.Stratum stratum : record.strata()) {
            print.printf("%-40s %,12d %,8d %,8d%n", stratum.key().label(), stratum.population(),
                    stratum.sample().size(), stratum.reserve().size());
        }
        return ExitCodes.OK;
    }
}
