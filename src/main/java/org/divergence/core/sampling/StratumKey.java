package org.divergence.core.sampling;

import java.util.List;

/**
 * One stratum: its value on each dimension of the draw, in the order the dimensions were named (no dimensions: the
 * one stratum of an unstratified draw). Strata sort by their values compared as text, one dimension after another;
 * this order breaks allocation ties and orders the list of drawn ids.
 */
public record StratumKey(List<String> values) implements Comparable<StratumKey> {

    public StratumKey {
        values = List.copyOf(values);
    }

    @Override
    public int compareTo(StratumKey other) {
        for (int i = 0; i < Math.min(values.size(), other.values.size()); i++) {
            int order = values.get(i).compareTo(other.values.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(values.size(), other.values.size());
    }

    /** E.g. "github / code / 2021"; "all" for the one stratum of an unstratified draw. */
    public String label() {
        return values.isEmpty() ? "all" : String.join(" / ", values);
    }
}
