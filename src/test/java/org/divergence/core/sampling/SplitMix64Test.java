package org.divergence.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    /**
     * The first outputs for seed 1234567 as published by Rosetta Code's task "Pseudo-random numbers/Splitmix64"
     * (unsigned there: 6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431,
     * 16408922859458223821).
     */
    @Test
    void matchesThePublishedReferenceSequence() {
        SplitMix64 random = new SplitMix64(1234567);
        assertEquals(6457827717110365317L, random.next());
        assertEquals(3203168211198807973L, random.next());
        assertEquals(Long.parseUnsignedLong("9817491932198370423"), random.next());
        assertEquals(4593380528125082431L, random.next());
        assertEquals(Long.parseUnsignedLong("16408922859458223821"), random.next());
    }
}
