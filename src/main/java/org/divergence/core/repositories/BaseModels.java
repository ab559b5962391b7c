package org.divergence.core.repositories;

import java.util.List;

/**
 * What a Hugging Face model says it derives from (the Hub's {@code baseModels}): the relation (finetune, adapter,
 * quantized, merge, or another the Hub adds) and the ids of its base models.
 */
public record BaseModels(String relation, List<String> models) {

    /** The relations counted one by one (as extras of the base model); any relation counts as a derivative. */
    public static final List<String> RELATIONS = List.of("finetune", "adapter", "quantized", "merge");

    public BaseModels {
        models = List.copyOf(models);
    }
}
