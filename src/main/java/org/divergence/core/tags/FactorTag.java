package org.divergence.core.tags;

import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;

/**
 * A code of the codebook used as a tag on repositories: the same id, GUID, name and colour, so the qualitative and
 * the quantitative side speak of one factor. {@code path} is "Parent/Child", unique where names are not.
 */
public record FactorTag(long codeId, String guid, String name, String path, String color) {

    public static FactorTag of(Code code, Codebook codebook) {
        return new FactorTag(code.id(), code.guid(), code.name(), codebook.path(code.id()), code.color());
    }

    @Override
    public String toString() {
        return name;
    }
}
