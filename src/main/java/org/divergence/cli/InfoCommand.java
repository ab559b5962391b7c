package org.divergence.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.Json;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.project.ProjectSummary;
import org.divergence.store.project.Project;
import org.divergence.store.project.ProjectSummaryQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show what a project holds: repositories per platform, transcripts, codes, codings.")
final class InfoCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ProjectSummary summary;
        try (Project opened = Project.openForReading(project.path())) {
            summary = ProjectSummaryQuery.of(opened);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(summary));
        } else {
            out.printf("Project        %s%n", summary.name());
            out.printf("Repositories   %,d (GitHub %,d, Hugging Face %,d) from %,d import batch(es)%n",
                    summary.repositories(), summary.githubRepositories(), summary.huggingFaceRepositories(),
                    summary.importBatches());
            out.printf("Transcripts    %,d in %,d case(s)%n", summary.transcripts(), summary.cases());
            out.printf("Codes          %,d%n", summary.codes());
            out.printf("Codings        %,d by %,d coder(s)%n", summary.codings(), summary.coders());
        }
        return ExitCodes.OK;
    }

    static String toJson(ProjectSummary summary) throws Exception {
        ObjectMapper mapper = Json.MAPPER;
        ObjectNode root = mapper.createObjectNode();
        root.put("project", summary.name());
        root.put("schema_version", summary.schemaVersion());
        ObjectNode repositories = root.putObject("repositories");
        repositories.put("total", summary.repositories());
        repositories.put("github", summary.githubRepositories());
        repositories.put("huggingface", summary.huggingFaceRepositories());
        root.put("import_batches", summary.importBatches());
        root.put("transcripts", summary.transcripts());
        root.put("cases", summary.cases());
        root.put("codes", summary.codes());
        root.put("codings", summary.codings());
        root.put("coders", summary.coders());
        return mapper.writeValueAsString(root);
    }
}
