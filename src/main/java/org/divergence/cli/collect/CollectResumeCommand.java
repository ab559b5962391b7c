package org.divergence.cli.collect;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.collect.ClickHouseCollection;
import org.divergence.core.collect.CrawlSummary;
import org.divergence.core.common.InvalidInputException;
import org.divergence.store.collect.ClickHouseCollections;
import org.divergence.store.collect.Crawls;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a crawl or a ClickHouse collection that stopped.",
            "%nA crawl stopped by Ctrl-C, a crash, a lost network or a malformed answer keeps the repositories it"
                + " stored; the rest are collected now. A ClickHouse collection keeps the shards it stored and runs"
                + " the others. Without --crawl or --clickhouse: the one of either kind that ran last and has not"
                + " finished."})
final class CollectResumeCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--crawl", paramLabel = "ID", description = "The crawl to continue (see 'collect status').")
    Long crawlId;

    @Option(names = "--clickhouse", paramLabel = "ID",
            description = "The ClickHouse collection to continue (see 'collect status').")
    Long clickHouseId;

    @Option(names = "--retry-failed", description = "Also try again the repositories that could not be collected"
            + " (not found, refused) last time.")
    boolean retryFailed;

    @Option(names = "--password-env", paramLabel = "VAR", description = "ClickHouse: read the password from this"
            + " environment variable (default: the one the collection was started with).")
    String passwordVariable;

    @Mixin
    CrawlOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (crawlId != null && clickHouseId != null) {
            throw new ParameterException(spec.commandLine(), "--crawl and --clickhouse: name one of the two");
        }
        if (clickHouseId == null && crawlId == null && newestUnfinishedIsClickHouse()) {
            return new ClickHouseSession(spec, project.path(), System.getenv()).resume(null, passwordVariable);
        }
        if (clickHouseId != null) {
            return new ClickHouseSession(spec, project.path(), System.getenv()).resume(clickHouseId, passwordVariable);
        }
        return new CrawlSession(spec, project.path(), options).resume(crawlId, retryFailed);
    }

    /** Whether the unfinished ClickHouse collection, if any, ran more recently than the unfinished crawl, if any. */
    private boolean newestUnfinishedIsClickHouse() {
        try (Project opened = Project.open(project.path())) {
            Optional<ClickHouseCollection> collection = ClickHouseCollections.latestUnfinished(opened);
            Optional<CrawlSummary> crawl = Crawls.latestUnfinished(opened, null);
            if (collection.isEmpty() && crawl.isEmpty()) {
                throw new InvalidInputException(project.path().getFileName() + ": no unfinished crawl or ClickHouse"
                        + " collection to resume (see 'collect status')");
            }
            return collection.isPresent() && (crawl.isEmpty() || !Instant.parse(collection.get().updatedAt())
                    .isBefore(Instant.parse(crawl.get().updatedAt())));
        }
    }
}
