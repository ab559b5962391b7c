package org.divergence.app.collect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.sampling.DrawnList;
import org.divergence.store.collect.Crawls;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * Collects a drawn id list ({@code collect github|huggingface --ids-file}): one crawl per repository type of the
 * platform's lines. Without the draw's record every line is crawled; with it, only the sample, and each
 * non-respondent (gone, private, refused) is replaced by the next reserve repository of its stratum and type, in draw
 * order, until the stratum's reserve runs out. Non-respondents are reported per stratum with the reason.
 */
public final class CollectIdList {

    /** A listed repository that could not be collected, and the reserve repository that took its place (or null). */
    public record NonRespondent(RepositoryRef ref, String stratum, String reason, RepositoryRef replacedBy) {
    }

    /** One stratum's response: how many of its sample were asked, answered, did not, and were replaced. */
    public record StratumResponse(String stratum, int asked, int responded, int nonRespondents, int replaced) {
    }

    public record Outcome(List<RunCrawl.Outcome> crawls, List<NonRespondent> nonRespondents,
                          List<StratumResponse> strata, int skippedOtherPlatform, boolean drawn) {

        /** The report both front ends show: each crawl, the other platform's lines, the strata, the non-respondents. */
        public List<String> report() {
            List<String> lines = new ArrayList<>();
            crawls.forEach(crawl -> lines.add(crawl.summary()));
            if (skippedOtherPlatform > 0) {
                lines.add(String.format("%,d lines of the other platform were left for its own collect command",
                        skippedOtherPlatform));
            }
            lines.add("");
            lines.add(String.format("%-40s %8s %10s %15s %9s", "stratum", "asked", "responded", "non-respondents",
                    "replaced"));
            for (StratumResponse stratum : strata) {
                lines.add(String.format("%-40s %,8d %,10d %,15d %,9d", stratum.stratum(), stratum.asked(),
                        stratum.responded(), stratum.nonRespondents(), stratum.replaced()));
            }
            for (NonRespondent missing : nonRespondents) {
                lines.add("non-respondent " + missing.ref() + " [" + missing.stratum() + "]: " + missing.reason()
                        + (missing.replacedBy() == null ? (drawn ? "; no reserve left" : "")
                        : "; replaced by " + missing.replacedBy()));
            }
            return lines;
        }
    }

    private CollectIdList() {
    }

    /** The crawls the list asks of one platform: its sample lines (reserve left out), one crawl per type. */
    public static List<CrawlRequest> requests(DrawnList list, Platform platform, String apiUrl) {
        Map<RepoType, List<String>> byType = new LinkedHashMap<>();
        for (RepositoryRef ref : list.sample()) {
            if (ref.platform() == platform) {
                byType.computeIfAbsent(ref.type(), type -> new ArrayList<>()).add(ref.fullName());
            }
        }
        if (byType.isEmpty()) {
            throw new org.divergence.core.common.InvalidInputException(list.fileName() + ": lists no "
                    + platform.displayName() + " repositories (" + platform.code() + ":… lines)");
        }
        return byType.entrySet().stream()
                .map(entry -> CrawlRequest.named(platform, entry.getKey(), entry.getValue(), apiUrl)).toList();
    }

    /** Runs the crawls one after another, replacing non-respondents from the reserve. */
    public static Outcome run(Project project, RunCrawl runner, DrawnList list, List<CrawlRequest> requests,
                              Progress progress) {
        List<RunCrawl.Outcome> outcomes = new ArrayList<>();
        List<NonRespondent> nonRespondents = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, List<RepositoryRef>> reserve = list.reserveByStratum();
        Set<RepositoryRef> used = new HashSet<>();
        for (CrawlRequest request : requests) {
            long crawlId = runner.create(request);
            project.write(EnumSet.of(DataArea.CRAWLS), connection -> {
                Crawls.markIdList(connection, crawlId, list.fileName());
                if (list.hasRecord()) {
                    Crawls.attachDraw(connection, crawlId, list.recordSummary());
                }
                return null;
            });
            request.repositories().forEach(name -> counts.computeIfAbsent(
                    list.stratum(RepositoryRef.of(request.type(), name)), key -> new int[4])[0]++);
            Set<String> handled = new HashSet<>();
            RunCrawl.Outcome outcome = null;
            while (true) {
                // The replacements' run is part of this collect: what it stored and asked adds to the first run's.
                RunCrawl.Outcome next = runner.run(crawlId, progress);
                outcome = outcome == null ? next : next.after(outcome);
                List<String> replacements = new ArrayList<>();
                for (Crawls.ItemView failure : outcome.failures()) {
                    if (!handled.add(failure.name())) {
                        continue;
                    }
                    RepositoryRef ref = RepositoryRef.of(request.type(), failure.name());
                    String stratum = list.stratum(ref);
                    RepositoryRef replacement = reserve.getOrDefault(stratum, List.of()).stream()
                            .filter(candidate -> candidate.type() == request.type() && used.add(candidate))
                            .findFirst().orElse(null);
                    nonRespondents.add(new NonRespondent(ref, stratum, failure.message(), replacement));
                    counts.computeIfAbsent(stratum, key -> new int[4])[2]++;
                    if (replacement != null) {
                        counts.get(stratum)[3]++;
                        replacements.add(replacement.fullName());
                    }
                }
                if (replacements.isEmpty()) {
                    break;
                }
                project.write(EnumSet.of(DataArea.CRAWLS), connection -> {
                    Crawls.appendItems(connection, crawlId, replacements, java.time.Instant.now());
                    return null;
                });
            }
            outcomes.add(outcome);
            for (Crawls.ItemView item : Crawls.items(project, crawlId)) {
                if (item.state().equals("done")) {
                    counts.computeIfAbsent(list.stratum(RepositoryRef.of(request.type(), item.name())),
                            key -> new int[4])[1]++;
                }
            }
        }
        List<StratumResponse> strata = counts.entrySet().stream().map(entry -> new StratumResponse(entry.getKey(),
                entry.getValue()[0], entry.getValue()[1], entry.getValue()[2], entry.getValue()[3])).toList();
        Platform platform = requests.getFirst().platform();
        int other = (int) list.sample().stream().filter(ref -> ref.platform() != platform).count();
        return new Outcome(outcomes, nonRespondents, strata, other, list.hasRecord());
    }
}
