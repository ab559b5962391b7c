package org.divergence.samples;

import org.divergence.core.coding.Code;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagRules;

/**
 * The sample project's tag rule: "Compute requirements" (a factor of the starter codebook) on the Hugging Face
 * models whose pipeline generates text or images, the compute-heavy kinds. Fixed time, so the sample project is
 * the same every time it is built.
 */
public final class SampleTags {

    /** The starter codebook's "Compute requirements". */
    static final String COMPUTE_GUID = "5a1f0c2e-7d3b-4c1a-9e60-000000000003";
    static final String RULE = "platform = huggingface AND repo_type = model"
            + " AND extra.pipeline_tag IN ('text-generation', 'text-to-image')";
    private static final String FIXED_TIME = "2026-01-15T09:00:00Z";

    private SampleTags() {
    }

    public static void populate(Project project) {
        Code compute = new CodebookStore(project).load().byGuid(COMPUTE_GUID).orElse(null);
        if (compute == null) {
            return;
        }
        TagRules.addFixed(project, compute.id(), RULE, FIXED_TIME);
    }
}
