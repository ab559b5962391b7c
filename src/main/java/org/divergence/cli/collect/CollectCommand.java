package org.divergence.cli.collect;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code collect github|huggingface|clickhouse|resume|status}: live collection from the platforms' APIs, and the
 * GH Archive aggregation run on a ClickHouse server.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect repositories live from the GitHub or Hugging Face API, or aggregate GH Archive on a"
                + " ClickHouse server, into a project.",
            "%nEach repository is stored as soon as all its endpoints are read; a crawl stopped by Ctrl-C, a crash"
                + " or a lost network keeps what it stored and continues with 'collect resume'. Rate limits are"
                + " waited out. Tokens come from GITHUB_TOKEN / HF_TOKEN (or --token-env VAR), else from the token"
                + " saved in the app; they are never written to the project. 'collect clickhouse' stores one import"
                + " batch per shard and resumes the same way."},
        subcommands = {CollectGitHubCommand.class, CollectHuggingFaceCommand.class, CollectClickHouseCommand.class,
            CollectResumeCommand.class, CollectStatusCommand.class})
public final class CollectCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
