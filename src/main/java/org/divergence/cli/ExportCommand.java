package org.divergence.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.repositories.ExportRepositories;
import org.divergence.cli.common.ConsoleProgress;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the repository sample out in the canonical columns (plus any extra columns), as CSV or"
                + " JSON Lines, for R, pandas and replication packages.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv|OUT.jsonl", description = "The file to write.")
    Path out;

    @Option(names = "--where", paramLabel = "KEY=VALUE",
            description = "Only these repositories: platform=github|huggingface, repo_type=code|model|dataset|space."
                    + " Repeatable.")
    List<String> where;

    @Option(names = "--created-from", paramLabel = "DATE", description = "Only repositories created on or after DATE.")
    String createdFrom;

    @Option(names = "--created-to", paramLabel = "DATE", description = "Only repositories created on or before DATE.")
    String createdTo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RepositoryFilter filter = RepositoryFilter.parse(where, createdFrom, createdTo);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        long written;
        try (Project opened = Project.openForReading(project.path())) {
            written = ExportRepositories.export(opened, out, filter, progress);
        } finally {
            progress.finish();
        }
        spec.commandLine().getOut().printf("exported %d repositories to %s%n", written, out);
        return ExitCodes.OK;
    }
}
