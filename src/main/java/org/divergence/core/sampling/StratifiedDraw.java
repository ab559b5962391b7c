package org.divergence.core.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stratified simple random sample without replacement with proportional allocation
 * ({@link ProportionalAllocation}). The population is handed over in key order, so the draw depends only on which
 * repositories there are, never on the order they were imported in. One SplitMix64 stream seeded with the seed
 * visits the strata in stratum order; in each, a partial Fisher–Yates shuffle of the stratum's members (in key
 * order) picks n_h + r_h of them: the first n_h are the sample and the next r_h the reserve, in draw order.
 */
public final class StratifiedDraw {

    /** The members of one stratum, as the caller's ids (e.g. row ids), in key order. */
    public static final class Population {
        private final Map<StratumKey, long[]> members = new TreeMap<>();
        private final Map<StratumKey, Integer> sizes = new TreeMap<>();

        /** Adds a member; call in key order. */
        public void add(StratumKey stratum, long member) {
            long[] list = members.computeIfAbsent(stratum, key -> new long[16]);
            int size = sizes.getOrDefault(stratum, 0);
            if (size == list.length) {
                list = Arrays.copyOf(list, size * 2);
                members.put(stratum, list);
            }
            list[size] = member;
            sizes.put(stratum, size + 1);
        }

        public long size() {
            return sizes.values().stream().mapToLong(Integer::longValue).sum();
        }
    }

    /** One stratum's outcome: its population size and the members drawn for the sample and for the reserve. */
    public record Stratum(StratumKey key, long population, long[] sample, long[] reserve) {
    }

    private StratifiedDraw() {
    }

    /**
     * Draws {@code n} members (at most the population) and, per stratum, up to {@code reservePerStratum} reserve
     * members from what the sample left; strata come back in stratum order, every one of them, drawn from or not.
     */
    public static List<Stratum> draw(Population population, long n, int reservePerStratum, long seed) {
        List<StratumKey> keys = new ArrayList<>(population.members.keySet());
        long[] sizes = keys.stream().mapToLong(key -> population.sizes.get(key)).toArray();
        long[] allocation = ProportionalAllocation.allocate(sizes, n);
        SplitMix64 random = new SplitMix64(seed);
        List<Stratum> strata = new ArrayList<>();
        for (int h = 0; h < keys.size(); h++) {
            int size = (int) sizes[h];
            long[] members = Arrays.copyOf(population.members.get(keys.get(h)), size);
            int sample = (int) allocation[h];
            int reserve = (int) Math.min(reservePerStratum, size - sample);
            for (int i = 0; i < sample + reserve; i++) {
                int j = i + (int) random.below(size - i);
                long swap = members[i];
                members[i] = members[j];
                members[j] = swap;
            }
            strata.add(new Stratum(keys.get(h), size, Arrays.copyOfRange(members, 0, sample),
                    Arrays.copyOfRange(members, sample, sample + reserve)));
        }
        return strata;
    }
}
