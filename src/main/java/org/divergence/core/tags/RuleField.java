package org.divergence.core.tags;

import java.util.List;

/** What a condition of a tag rule tests: a canonical column, or a kept extra field ({@code extra.NAME}). */
public sealed interface RuleField {

    /** As rules are written. */
    String text();

    /** A canonical column of the repository table. */
    record Column(RuleColumn column) implements RuleField {
        @Override
        public String text() {
            return column.column();
        }
    }

    /**
     * A field of the {@code extra} JSON object (columns outside the canonical set), by its key; nested objects by
     * a path of keys ({@code extra.card.license}).
     */
    record Extra(List<String> path) implements RuleField {
        public Extra {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("an extra field needs a name");
            }
        }

        @Override
        public String text() {
            return "extra." + String.join(".", path);
        }

        /**
         * The SQLite JSON path, e.g. {@code $."pipeline_tag"}: every key quoted, so dots or dashes in a key stay part
         * of it. It is bound as a parameter, never written into SQL text.
         */
        public String jsonPath() {
            StringBuilder path = new StringBuilder("$");
            for (String key : this.path) {
                path.append(".\"").append(key).append('"');
            }
            return path.toString();
        }
    }
}
