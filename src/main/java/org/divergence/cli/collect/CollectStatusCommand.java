package org.divergence.cli.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.collect.CrawlSummary;
import org.divergence.store.collect.Crawls;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List the project's crawls: what each collects, how far it got, why it stopped.")
final class CollectStatusCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--crawl", paramLabel = "ID", description = "Show one crawl with the repositories that failed.")
    Long crawlId;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Project opened = Project.openForReading(project.path())) {
            List<CrawlSummary> crawls = crawlId == null ? Crawls.list(opened) : List.of(Crawls.find(opened, crawlId));
            if (json) {
                out.println(toJson(opened, crawls));
                return ExitCodes.OK;
            }
            if (crawls.isEmpty()) {
                out.println("no crawls yet; start one with 'collect github' or 'collect huggingface'");
            }
            for (CrawlSummary crawl : crawls) {
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
        }
        return ExitCodes.OK;
    }

    private static String toJson(Project project, List<CrawlSummary> crawls) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (CrawlSummary crawl : crawls) {
            ObjectNode node = array.addObject();
            node.put("id", crawl.id());
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
        return array.toString();
    }
}
