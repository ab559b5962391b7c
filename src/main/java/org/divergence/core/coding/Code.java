package org.divergence.core.coding;

/** A code of the codebook; {@code parentId} is null for a top-level code. Colour is "#RRGGBB" or null. */
public record Code(long id, String guid, Long parentId, String name, String color, String description,
                   String inclusion, String exclusion, String example, int position) {

    public Code withName(String newName) {
        return new Code(id, guid, parentId, newName, color, description, inclusion, exclusion, example, position);
    }
}
