package org.divergence.cli.collect;

import java.util.concurrent.Callable;
import org.divergence.cli.common.ProjectOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a crawl that stopped.",
            "%nA crawl stopped by Ctrl-C, a crash, a lost network or a malformed answer keeps the repositories it"
                + " stored; the rest are collected now. Without --crawl: the newest unfinished crawl."})
final class CollectResumeCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--crawl", paramLabel = "ID", description = "The crawl to continue (see 'collect status').")
    Long crawlId;

    @Option(names = "--retry-failed", description = "Also try again the repositories that could not be collected"
            + " (not found, refused) last time.")
    boolean retryFailed;

    @Mixin
    CrawlOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return new CrawlSession(spec, project.path(), options).resume(crawlId, retryFailed);
    }
}
