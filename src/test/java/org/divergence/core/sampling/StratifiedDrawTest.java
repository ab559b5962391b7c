package org.divergence.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StratifiedDrawTest {

    private record Member(StratumKey key, long id) {
    }

    /** Members 0..size-1 spread over strata "a".."d" with unequal sizes. */
    private static List<Member> members(int size) {
        List<Member> members = new ArrayList<>();
        for (int id = 0; id < size; id++) {
            members.add(new Member(new StratumKey(List.of(String.valueOf((char) ('a' + (id * id) % 4)))), id));
        }
        return members;
    }

    /** Adds the members in key order (by id within a stratum), whatever order they come in. */
    private static StratifiedDraw.Population population(List<Member> members) {
        StratifiedDraw.Population population = new StratifiedDraw.Population();
        new TreeMap<Long, Member>(members.stream().collect(java.util.stream.Collectors.toMap(Member::id, m -> m)))
                .values().forEach(member -> population.add(member.key(), member.id()));
        return population;
    }

    @Test
    void theSameSeedGivesTheSameDrawWhateverOrderThePopulationCameIn() {
        List<Member> members = members(500);
        List<StratifiedDraw.Stratum> first = StratifiedDraw.draw(population(members), 60, 3, 42);
        List<Member> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, new Random(5));
        List<StratifiedDraw.Stratum> second = StratifiedDraw.draw(population(shuffled), 60, 3, 42);
        assertEquals(first.size(), second.size());
        for (int h = 0; h < first.size(); h++) {
            assertArrayEquals(first.get(h).sample(), second.get(h).sample());
            assertArrayEquals(first.get(h).reserve(), second.get(h).reserve());
        }
        List<StratifiedDraw.Stratum> otherSeed = StratifiedDraw.draw(population(members), 60, 3, 43);
        assertTrue(!Arrays.equals(first.get(0).sample(), otherSeed.get(0).sample()));
    }

    @Test
    void drawsWithoutReplacementAndKeepsTheReserveApart() {
        List<StratifiedDraw.Stratum> strata = StratifiedDraw.draw(population(members(200)), 150, 100, 1);
        Set<Long> seen = new HashSet<>();
        long sampled = 0;
        for (StratifiedDraw.Stratum stratum : strata) {
            sampled += stratum.sample().length;
            assertEquals(stratum.population(), stratum.sample().length + stratum.reserve().length,
                    "the reserve takes what the sample left, up to K");
            for (long id : stratum.sample()) {
                assertTrue(seen.add(id));
            }
            for (long id : stratum.reserve()) {
                assertTrue(seen.add(id));
            }
        }
        assertEquals(150, sampled);
    }

    /**
     * Each member of a stratum must be in the sample with probability n_h/N_h: over 4,000 seeds, every inclusion
     * count lies within 5 binomial standard deviations of its expectation (a false alarm has probability below
     * 1e-4 over the whole test).
     */
    @Test
    void everyMemberOfAStratumIsEquallyLikelyToBeDrawn() {
        List<Member> members = members(40);
        StratifiedDraw.Population population = population(members);
        int[] included = new int[40];
        int[] inReserve = new int[40];
        int runs = 4_000;
        List<StratifiedDraw.Stratum> shape = StratifiedDraw.draw(population, 10, 2, 0);
        for (int seed = 0; seed < runs; seed++) {
            for (StratifiedDraw.Stratum stratum : StratifiedDraw.draw(population, 10, 2, seed)) {
                Arrays.stream(stratum.sample()).forEach(id -> included[(int) id]++);
                Arrays.stream(stratum.reserve()).forEach(id -> inReserve[(int) id]++);
            }
        }
        for (StratifiedDraw.Stratum stratum : shape) {
            double p = (double) stratum.sample().length / stratum.population();
            double q = (double) stratum.reserve().length / stratum.population();
            for (Member member : members) {
                if (!member.key().equals(stratum.key())) {
                    continue;
                }
                int id = (int) member.id();
                assertTrue(Math.abs(included[id] - runs * p) <= 5 * Math.sqrt(runs * p * (1 - p)),
                        "member " + id + ": " + included[id] + " vs " + runs * p);
                assertTrue(Math.abs(inReserve[id] - runs * q) <= 5 * Math.sqrt(runs * q * (1 - q)),
                        "member " + id + " in reserve: " + inReserve[id] + " vs " + runs * q);
            }
        }
    }
}
