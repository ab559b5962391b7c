package org.divergence.core.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.divergence.core.common.InvalidInputException;

/** Finds the factor tag a user means by a name, a "Parent/Child" path or a GUID. */
public final class FactorTags {

    private FactorTags() {
    }

    /**
     * The tag named {@code wanted}: an exact path or GUID first, then an exact name, then a name ignoring case.
     * Unknown or ambiguous names are invalid input that lists what there is.
     */
    public static FactorTag resolve(List<FactorTag> tags, String wanted) {
        String name = wanted == null ? "" : wanted.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("No tag name given; name a code of the codebook, e.g. "
                    + "--name \"Compute requirements\"");
        }
        for (FactorTag tag : tags) {
            if (tag.path().equals(name) || tag.guid().equalsIgnoreCase(name)) {
                return tag;
            }
        }
        List<FactorTag> exact = tags.stream().filter(tag -> tag.name().equals(name)).toList();
        List<FactorTag> found = exact.isEmpty() ? tags.stream()
                .filter(tag -> tag.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).toList()
                : exact;
        if (found.size() == 1) {
            return found.getFirst();
        }
        if (found.size() > 1) {
            throw new InvalidInputException("The tag name '" + name + "' is ambiguous: "
                    + String.join(", ", found.stream().map(tag -> "'" + tag.path() + "'").toList())
                    + "; name it by its path");
        }
        if (tags.isEmpty()) {
            throw new InvalidInputException("Unknown tag '" + name + "': the codebook is empty. Tags are codes of"
                    + " the codebook; add the code first (e.g. in the Codebook section)");
        }
        List<String> names = new ArrayList<>();
        for (FactorTag tag : tags) {
            names.add(tag.path());
        }
        String known = names.size() > 12 ? String.join(", ", names.subList(0, 12)) + ", …"
                : String.join(", ", names);
        throw new InvalidInputException("Unknown tag '" + name + "': tags are codes of the codebook; it has "
                + known);
    }
}
