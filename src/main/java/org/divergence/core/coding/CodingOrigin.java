package org.divergence.core.coding;

/**
 * Where a coding came from when a model had a part in it (ADR 0122): suggested by the model and accepted by a person,
 * or made by the model as a coder of its own. The score is the passage's cosine similarity to the code's closest
 * coded passage, −1 to 1.
 */
public record CodingOrigin(long codingId, Kind kind, String model, double score, String madeAt) {

    public enum Kind {
        SUGGESTED("suggested"), MACHINE("machine");

        private final String stored;

        Kind(String stored) {
            this.stored = stored;
        }

        public String stored() {
            return stored;
        }

        public static Kind fromStored(String value) {
            for (Kind kind : values()) {
                if (kind.stored.equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown coding origin " + value);
        }
    }

    /** One line for a coding's details and its REFI-QDA note. */
    public String describe() {
        String who = kind == Kind.MACHINE ? "Coded automatically by " : "Suggested by ";
        return who + model + " (score " + String.format(java.util.Locale.ROOT, "%.3f", score) + ", " + madeAt
                + "); runs on this computer.";
    }
}
