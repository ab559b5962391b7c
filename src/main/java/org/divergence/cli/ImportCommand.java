package org.divergence.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.cli.common.ConsoleProgress;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.MemoryReport;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.RepoType;
import org.divergence.exchange.repositories.ColumnMapping;
import org.divergence.exchange.repositories.ColumnMappings;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import repository samples and populations: CSV, JSON Lines or Parquet in the canonical",
            "columns, JSON saved from the GitHub or Hugging Face API, or a Hugging Face Hub snapshot in Parquet",
            "(models, datasets or spaces in the Hub's field names; docs/metrics.md). The project is created if it",
            "does not exist. All files are imported, or (on invalid input) none."})
final class ImportCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Files to import (.csv, .jsonl, .json, .parquet; Parquet is told by its content).")
    List<Path> inputs;

    @Option(names = "--skip-invalid", description = "Import the valid rows and write the rejected ones, with their"
            + " reasons, to INPUT.rejected.csv.")
    boolean skipInvalid;

    @Option(names = "--hf-type", paramLabel = "model|dataset|space",
            description = "What a Hugging Face API JSON file or Hub snapshot holds (every such input of this call),"
                    + " when neither its fields nor its name say.")
    String huggingFaceType;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The date the population snapshot was taken (YYYY-MM-DD), recorded with each batch; a"
                    + " Hub snapshot's downloads are the 30 days before it.")
    String asOf;

    @Option(names = "--map", paramLabel = "SOURCE=CANONICAL", description = "Read the CSV column SOURCE as the"
            + " canonical column CANONICAL the file lacks, e.g. --map Repository=full_name (repeatable).")
    List<String> maps = List.of();

    @Option(names = "--unknown", paramLabel = "CANONICAL", description = "A canonical count or created_at column"
            + " the CSV file does not have: unknown for every row (repeatable).")
    List<String> unknown = List.of();

    @Option(names = "--report-memory", hidden = true, description = "Print peak heap and resident memory (benchmarks).")
    boolean reportMemory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<RepoType> type = Optional.empty();
        if (huggingFaceType != null) {
            type = RepoType.ofCode(huggingFaceType).filter(t -> t != RepoType.CODE);
            if (type.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "--hf-type must be model, dataset or space, not '" + huggingFaceType + "'");
            }
        }
        LocalDate snapshotDate = null;
        if (asOf != null) {
            try {
                snapshotDate = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--as-of must be a date (YYYY-MM-DD), not '" + asOf + "'");
            }
        }
        ColumnMappings columns = new ColumnMappings(Map.of(), columnMapping());
        ImportRepositories.Report report;
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        try (Project opened = Project.openOrCreate(project.path())) {
            report = new ImportRepositories(opened).asSoleUser()
                    .importFiles(inputs, new ImportOptions(skipInvalid, type, snapshotDate, columns), progress);
        } finally {
            progress.finish();
        }
        var out = spec.commandLine().getOut();
        out.println(report.summary());
        for (ImportRepositories.FileReport file : report.files()) {
            if (file.details() != null) {
                out.println(file.file().getFileName() + ": " + file.details().description());
            }
            if (file.rejectedFile() != null) {
                out.println("rejected rows of " + file.file().getFileName() + " with their reasons: "
                        + file.rejectedFile());
            }
        }
        if (reportMemory) {
            out.println(MemoryReport.describe());
        }
        return ExitCodes.OK;
    }

    private ColumnMapping columnMapping() {
        ColumnMapping mapping = ColumnMapping.NONE;
        for (String map : maps) {
            int equals = map.lastIndexOf('=');
            String canonical = equals < 0 ? "" : map.substring(equals + 1).strip();
            if (equals <= 0 || !CanonicalColumns.isCanonical(canonical)) {
                throw new ParameterException(spec.commandLine(), "--map takes SOURCE=CANONICAL"
                        + " with CANONICAL one of " + String.join(", ", CanonicalColumns.ALL) + ", not '" + map + "'");
            }
            mapping = mapping.with(canonical, map.substring(0, equals).strip());
        }
        for (String column : unknown) {
            if (!CanonicalColumns.isCanonical(column) || ColumnMapping.isRequired(column)) {
                throw new ParameterException(spec.commandLine(), "--unknown takes created_at or"
                        + " a count column, not '" + column + "'");
            }
            mapping = mapping.with(column, ColumnMapping.ABSENT);
        }
        return mapping;
    }
}
