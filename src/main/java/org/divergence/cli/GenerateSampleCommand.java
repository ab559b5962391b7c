package org.divergence.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ExitCodes;
import org.divergence.samples.SampleCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate-sample", mixinStandardHelpOptions = true,
        description = {"Write a SYNTHETIC repository sample in the canonical CSV columns, calibrated to the",
            "published aggregates (see sample-datasets/README.md). The same seed gives the same file.",
            "Not to be confused with `draw` (draws a random sample from a population project) or `sample` (writes"
                + " the bundled sample project)."})
final class GenerateSampleCommand implements Callable<Integer> {

    /** The seed of the bundled sample-datasets/repositories-sample.csv. */
    static final long SAMPLE_SEED = 20_260_426L;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv")
    Path out;

    @Option(names = "--github", defaultValue = "1992", description = "GitHub rows (default: ${DEFAULT-VALUE}).")
    int github;

    @Option(names = "--huggingface", defaultValue = "2008", description = "Hugging Face rows (default: ${DEFAULT-VALUE}).")
    int huggingFace;

    @Option(names = "--study-size", description = "1,428,792 GitHub and 1,440,527 Hugging Face rows, as in the study.")
    boolean studySize;

    @Option(names = "--seed", defaultValue = "20260426", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--canonical-only", description = "Leave out the extra columns (language, license, pipeline_tag).")
    boolean canonicalOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (studySize) {
            github = org.divergence.samples.SyntheticRepositories.STUDY_GITHUB;
            huggingFace = org.divergence.samples.SyntheticRepositories.STUDY_HUGGING_FACE;
        }
        SampleCsv.write(out, seed, github, huggingFace, !canonicalOnly);
        spec.commandLine().getOut().printf("wrote %d synthetic repositories (%d GitHub, %d Hugging Face) to %s%n",
                github + huggingFace, github, huggingFace, out);
        return ExitCodes.OK;
    }
}
