package org.divergence.cli;

import java.util.concurrent.Callable;
import org.divergence.app.semantic.CodeSuggestions;
import org.divergence.cli.common.ConsoleProgress;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.semantic.Suggestions;
import org.divergence.exchange.semantic.MiniLmEmbedder;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code transcripts autocode}: the local model codes like a code's coded passages, as a coder of its own. */
@Command(name = "autocode", mixinStandardHelpOptions = true,
        description = {"Code every passage (speaker turn, or sentence without speakers) whose score - its highest "
                + "cosine similarity (-1..1) to any passage a person coded with the code - is at least the threshold, "
                + "as coder NAME, each coding marked machine-made. Running it again replaces NAME's codings of the "
                + "code; a NAME holding a person's codings is refused (exit 3). Compare with a person afterwards: "
                + "agreement --coders Ana,NAME --unit sentence.",
                "Runs on this computer with a bundled model; nothing leaves it."})
final class TranscriptsAutocode implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--code", required = true, paramLabel = "PATH", description = "e.g. \"Parent/Child\".")
    String codePath;

    @Option(names = "--coder", required = true, paramLabel = "NAME", description = "The model's coder name, e.g. model.")
    String coder;

    @Option(names = "--threshold", paramLabel = "T", description = "Lowest score coded, -1..1 (default "
            + Suggestions.DEFAULT_THRESHOLD + ").")
    double threshold = Suggestions.DEFAULT_THRESHOLD;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CodeSuggestions.Autocoded result;
        try (Project opened = Project.open(project.path())) {
            ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
            result = CodeSuggestions.autocode(opened, MiniLmEmbedder.shared(), codePath, coder, threshold, progress);
            progress.finish();
        }
        spec.commandLine().getOut().printf("Coded %d passage(s) with %s as %s (machine-made; score >= %.2f to one of"
                        + " %d passage(s) a person coded; %s).%n", result.coded(), codePath, coder, result.threshold(),
                result.examples(), result.model());
        return ExitCodes.OK;
    }
}
