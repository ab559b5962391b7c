package org.divergence.core.sampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.divergence.core.repositories.RepositoryRef;

/**
 * An id list read back for a crawl: every listed repository, and when the draw's record lies beside it, which of them
 * are reserve and the stratum of each (label, e.g. "huggingface / model").
 *
 * @param recordSummary one line naming the draw (seed, strata, population batches) for the report; null without a
 *                      record
 */
public record DrawnList(String fileName, String sha256, List<RepositoryRef> listed,
                        Map<RepositoryRef, String> stratumOf,
                        Set<RepositoryRef> reserve, String recordSummary) {

    public DrawnList {
        listed = List.copyOf(listed);
        stratumOf = Map.copyOf(stratumOf);
        reserve = Set.copyOf(reserve);
    }

    public boolean hasRecord() {
        return recordSummary != null;
    }

    /** The listed repositories that are not reserve, in list order. */
    public List<RepositoryRef> sample() {
        return listed.stream().filter(ref -> !reserve.contains(ref)).toList();
    }

    /** Each stratum's reserve in draw order (list order). */
    public Map<String, List<RepositoryRef>> reserveByStratum() {
        Map<String, List<RepositoryRef>> byStratum = new LinkedHashMap<>();
        for (var ref : listed) {
            if (reserve.contains(ref)) {
                byStratum.computeIfAbsent(stratumOf.get(ref), key -> new ArrayList<>()).add(ref);
            }
        }
        return byStratum;
    }

    /** The stratum of a listed repository, "all" when the list has no record. */
    public String stratum(RepositoryRef ref) {
        return stratumOf.getOrDefault(ref, "all");
    }
}
