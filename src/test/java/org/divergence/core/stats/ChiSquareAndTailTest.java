package org.divergence.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChiSquareAndTailTest {

    @Test
    void twoByTwoTableMatchesScipyWithoutContinuityCorrection() {
        // scipy.stats.chi2_contingency([[30, 70], [10, 90]], correction=False) -> 12.5, 0.00040695201744495946
        ChiSquare.Result result = ChiSquare.test2x2(30, 70, 10, 90);
        assertEquals(12.5, result.chiSquare(), 1e-12);
        assertEquals(0.00040695201744495946, result.pValue(), 1e-6 * 0.00040695201744495946);
    }

    @Test
    void zeroExpectedCountGivesNoTest() {
        assertNull(ChiSquare.test2x2(0, 10, 0, 20)); // nobody has it
        assertNull(ChiSquare.test2x2(10, 0, 20, 0)); // everybody has it
        assertNull(ChiSquare.test2x2(0, 0, 3, 4)); // an empty group
    }

    @Test
    void farTailStaysAccurateAndUnderflowsOnlyAtTheEnd() {
        // scipy: 2 * norm.sf(30) = 9.813427854295816e-198, 2 * norm.sf(37) = 1.1451142445047853e-299
        assertEquals(9.813427854295816e-198, TailProbability.twoSidedNormal(30), 1e-6 * 9.8e-198);
        assertEquals(1.1451142445047853e-299, TailProbability.twoSidedNormal(37), 1e-6 * 1.15e-299);
        assertTrue(TailProbability.twoSidedNormal(38.4) > 0, "subnormal, not zero");
        assertEquals(0.0, TailProbability.twoSidedNormal(40));
        assertEquals(1.0, TailProbability.twoSidedNormal(-0.3));
        assertEquals(1.0, TailProbability.twoSidedNormal(Double.NEGATIVE_INFINITY));
        // scipy: chi2.sf(900, 1) = 1.0324... e-197 ; chi2.sf(30**2, 1) equals 2 * norm.sf(30)
        assertEquals(TailProbability.twoSidedNormal(30), TailProbability.chiSquareOneDf(900), 1e-6 * 9.8e-198);
        assertEquals(1.0, TailProbability.chiSquareOneDf(0));
    }

    @Test
    void studentQuantileIsPolishedToScipyPrecision() {
        // scipy.stats.t.ppf(0.975, 298) = 1.9679565064968196, t.ppf(0.975, 5) = 2.5705818356363146
        assertEquals(1.9679565064968196, CliffsDelta.studentQuantile(298, 0.975), 1e-12);
        assertEquals(2.5705818356363146, CliffsDelta.studentQuantile(5, 0.975), 1e-12);
    }

    @Test
    void magnitudeThresholds() {
        assertEquals(EffectMagnitude.NEGLIGIBLE, EffectMagnitude.ofCliffsDelta(0.1469));
        assertEquals(EffectMagnitude.SMALL, EffectMagnitude.ofCliffsDelta(-0.147));
        assertEquals(EffectMagnitude.MEDIUM, EffectMagnitude.ofCliffsDelta(0.33));
        assertEquals(EffectMagnitude.LARGE, EffectMagnitude.ofCliffsDelta(-0.474));
        assertEquals(EffectMagnitude.SMALL, EffectMagnitude.ofCohensH(0.2));
        assertEquals(EffectMagnitude.LARGE, EffectMagnitude.ofCohensH(-0.8));
        assertNull(EffectMagnitude.ofCliffsDelta(Double.NaN));
        assertEquals("medium", EffectMagnitude.MEDIUM.word());
    }
}
