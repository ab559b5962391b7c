package org.divergence.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.ShareComparison;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.core.tags.FactorComparison;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagRules;
import org.divergence.testsupport.GoldenTolerance;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The joint display's per-factor rows: count and comparison of every code in use as a tag, as compare gives them. */
class FactorComparisonsTest {

    @TempDir
    Path folder;

    @Test
    void everyFactorInUseHasItsCountAndTheSameComparisonAsCompareByTag() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/tags/expected.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        JsonNode all = golden.get("cases").get(2);
        try (Project project = RepositorySamples.projectFromResource(folder.resolve("small.divergence"),
                "/golden/small.csv")) {
            CodebookStore codebook = new CodebookStore(project);
            long compute = codebook.createCode(null, "Compute requirements", null).run();
            codebook.createCode(null, "Unused factor", null).run();
            TagRules.add(project, compute, all.get("rule").asText()).execute();
            BootstrapMedianDifference.Settings bootstrap = new BootstrapMedianDifference.Settings(200, 7, 0.95);

            List<FactorComparison> rows = CompareFactors.compareAll(project, RepositoryFilter.ALL, bootstrap,
                    Progress.NONE);
            assertEquals(1, rows.size(), "codes that tag no repository have no row");
            FactorComparison row = rows.getFirst();
            assertEquals("Compute requirements", row.tag().name());
            assertEquals(all.get("tagged").asLong(), row.taggedInProject());
            assertEquals(all.get("tagged_compared").asLong(), row.taggedCompared());
            assertEquals(all.get("untagged_compared").asLong(), row.untaggedCompared());
            assertEquals("untagged", row.comparison().a().key());
            check(all.get("expected").get("metrics"), row);

            // Within Hugging Face only, as --where platform=huggingface.
            RepositoryFilter huggingFace = RepositoryFilter.ALL.withPlatforms(Set.of(Platform.HUGGINGFACE));
            FactorComparison within = CompareFactors.compareAll(project, huggingFace, bootstrap, Progress.NONE)
                    .getFirst();
            assertEquals(all.get("tagged").asLong(), within.taggedInProject());
            assertEquals(140, within.taggedCompared() + within.untaggedCompared());
        }
    }

    private static void check(JsonNode metrics, FactorComparison row) {
        for (JsonNode expected : metrics) {
            Metric metric = BuiltInMetric.valueOf(expected.get("metric").asText().toUpperCase(java.util.Locale.ROOT));
            switch (row.comparison().metric(metric)) {
                case NumericComparison c -> {
                    assertEquals(expected.get("a").get("n").asLong(), c.a().n(), metric.key());
                    assertEquals(expected.get("b").get("n").asLong(), c.b().n(), metric.key());
                    if (!expected.get("p_value").isNull()) {
                        agree("p_value", expected.get("p_value").asDouble(), c.pValue(), metric);
                        agree("cliffs_delta", expected.get("cliffs_delta").asDouble(), c.cliffsDelta(), metric);
                    }
                }
                case ShareComparison c -> {
                    assertEquals(expected.get("b").get("count").asLong(), c.b().count(), metric.key());
                    if (!expected.get("chi_square").isNull()) {
                        agree("chi_square", expected.get("chi_square").asDouble(), c.chiSquare(), metric);
                    }
                }
                default -> throw new AssertionError(metric);
            }
        }
    }

    private static void agree(String key, double expected, double actual, Metric metric) {
        if (!GoldenTolerance.agrees(key, expected, actual)) {
            throw new AssertionError(metric.key() + " " + key + ": SciPy " + expected + ", workbench " + actual);
        }
    }
}
