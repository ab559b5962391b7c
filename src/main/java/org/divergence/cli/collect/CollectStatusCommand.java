package org.divergence.cli.collect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.Json;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.collect.ClickHouseCollection;
import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.core.collect.CrawlSummary;
import org.divergence.store.collect.ClickHouseCollections;
import org.divergence.store.collect.Crawls;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List the project's crawls and ClickHouse collections: what each collects, how far it got, why"
                + " it stopped.")
final class CollectStatusCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--crawl", paramLabel = "ID", description = "Show one crawl with the repositories that failed.")
    Long crawlId;

    @Option(names = "--clickhouse", paramLabel = "ID",
            description = "Show one ClickHouse collection with its stored shards.")
    Long clickHouseId;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (crawlId != null && clickHouseId != null) {
            throw new ParameterException(spec.commandLine(), "--crawl and --clickhouse: name one of the two");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Project opened = Project.openForReading(project.path())) {
            List<CrawlSummary> crawls = clickHouseId != null ? List.of() : crawlId == null ? Crawls.list(opened)
                    : List.of(Crawls.find(opened, crawlId));
            List<ClickHouseCollection> collections = crawlId != null ? List.of() : clickHouseId == null
                    ? ClickHouseCollections.list(opened) : List.of(ClickHouseCollections.find(opened, clickHouseId));
            if (json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                crawls.forEach(crawl -> crawlJson(array.addObject(), opened, crawl));
                collections.forEach(collection -> clickHouseJson(array.addObject(), opened, collection));
                out.println(array);
                return ExitCodes.OK;
            }
            if (crawls.isEmpty() && collections.isEmpty()) {
                out.println("no crawls yet; start one with 'collect github', 'collect huggingface' or"
                        + " 'collect clickhouse'");
            }
            for (CrawlSummary crawl : crawls) {
                printCrawl(out, opened, crawl);
            }
            for (ClickHouseCollection collection : collections) {
                printClickHouse(out, opened, collection);
            }
        }
        return ExitCodes.OK;
    }

    private void printCrawl(PrintWriter out, Project opened, CrawlSummary crawl) {
        out.printf("crawl %d  %s  [%s]  %d of %s stored, %d failed, %d pending, %,d requests%n", crawl.id(),
                crawl.request().describe(), crawl.state().code(), crawl.done(),
                crawl.total() < 0 ? "?" : String.valueOf(crawl.total()), crawl.failed(), crawl.pending(),
                crawl.requests());
        if (crawl.lastError() != null) {
            out.println("    stopped: " + crawl.lastError());
        }
        if (crawlId != null) {
            for (Crawls.ItemView item : Crawls.items(opened, crawl.id())) {
                if (item.state().equals("failed")) {
                    out.println("    failed " + item.name() + ": " + item.message());
                }
            }
        }
    }

    private void printClickHouse(PrintWriter out, Project opened, ClickHouseCollection collection) {
        out.printf("clickhouse %d  %s, user %s  [%s]  %s, %d pending%n", collection.id(),
                collection.request().describe(), collection.request().user(), state(collection),
                collection.progress(), collection.pending());
        if (collection.lastError() != null && !collection.finished()) {
            out.println("    stopped: " + collection.lastError().lines().findFirst().orElse(""));
        }
        if (clickHouseId != null) {
            for (ClickHouseCollections.StoredShard shard : ClickHouseCollections.shards(opened, collection.id())) {
                out.printf("    shard %d of %d: %,d rows%s in batch %d, ClickHouse %s, %.1f s, %s%n",
                        shard.shard() + 1, collection.request().shards(), shard.rows(), shard.skipped() > 0
                                ? String.format(", %,d set aside (%s)", shard.skipped(), shard.skippedExample()) : "",
                        shard.batchId(), shard.serverVersion(), shard.seconds(), shard.finishedAt());
            }
        }
    }

    private static String state(ClickHouseCollection collection) {
        return collection.finished() ? "finished" : "running";
    }

    private static void crawlJson(ObjectNode node, Project project, CrawlSummary crawl) {
        node.put("id", crawl.id());
        node.put("kind", "crawl");
        node.put("platform", crawl.request().platform().code());
        node.put("repo_type", crawl.request().type().code());
        node.put("api_url", crawl.request().apiUrl());
        node.put("description", crawl.request().describe());
        node.put("state", crawl.state().code());
        node.put("total", crawl.total());
        node.put("done", crawl.done());
        node.put("failed", crawl.failed());
        node.put("pending", crawl.pending());
        node.put("requests", crawl.requests());
        node.put("batch_id", crawl.batchId());
        node.put("created_at", crawl.createdAt());
        node.put("updated_at", crawl.updatedAt());
        node.put("last_error", crawl.lastError());
        ArrayNode failures = node.putArray("failures");
        for (Crawls.ItemView item : Crawls.items(project, crawl.id())) {
            if (item.state().equals("failed")) {
                failures.addObject().put("name", item.name()).put("message", item.message());
            }
        }
    }

    /** A ClickHouse collection in the crawls' shape (total and done count shards), with its own fields added. */
    private static void clickHouseJson(ObjectNode node, Project project, ClickHouseCollection collection) {
        ClickHouseRequest request = collection.request();
        node.put("id", collection.id());
        node.put("kind", "clickhouse");
        node.put("platform", "github");
        node.put("repo_type", "code");
        node.put("api_url", request.serverUrl());
        node.put("description", request.describe());
        node.put("state", state(collection));
        node.put("total", request.shards());
        node.put("done", collection.done());
        node.put("failed", 0);
        node.put("pending", collection.pending());
        node.put("created_at", collection.createdAt());
        node.put("updated_at", collection.updatedAt());
        node.put("last_error", collection.lastError());
        node.put("user", request.user());
        node.put("password_env", request.passwordVariable());
        node.put("database", request.database());
        node.put("table", request.table());
        node.put("from", request.from().toString());
        node.put("to", request.to().toString());
        node.put("shards", request.shards());
        node.put("rows", collection.rows());
        ArrayNode shards = node.putArray("stored_shards");
        for (ClickHouseCollections.StoredShard shard : ClickHouseCollections.shards(project, collection.id())) {
            shards.addObject().put("shard", shard.shard()).put("batch_id", shard.batchId()).put("rows", shard.rows())
                    .put("skipped", shard.skipped()).put("server_version", shard.serverVersion())
                    .put("seconds", shard.seconds()).put("finished_at", shard.finishedAt());
        }
    }
}
