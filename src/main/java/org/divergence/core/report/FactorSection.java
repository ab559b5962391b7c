package org.divergence.core.report;

import java.util.List;
import org.divergence.core.metrics.PairComparison;

/**
 * Factor tags: codes of the codebook used as tags on repositories, with how many repositories carry each and how
 * tagged repositories compare with untagged ones. The tags feature fills it (app.report.ReportExtensions); each factor
 * also becomes a row of the joint display, whose qualitative side comes from the code itself.
 */
public record FactorSection(boolean available, List<Factor> factors, String note) {

    public static final FactorSection NOT_AVAILABLE = new FactorSection(false, List.of(),
            "Factor tags are not available in this version.");

    /**
     * One factor: the code's GUID (shared by the tag), name and colour, the repositories tagged with it, and the
     * comparison of untagged (group a) with tagged (group b) repositories, or null when it could not be made.
     */
    public record Factor(String codeGuid, String name, String color, long repositories, PairComparison comparison) {
    }
}
