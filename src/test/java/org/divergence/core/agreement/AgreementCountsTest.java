package org.divergence.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Percent agreement, Cohen's kappa and Krippendorff's alpha on small tables computed by hand. */
class AgreementCountsTest {

    private static final double EXACT = 1e-12;

    @Test
    void perfectAgreement() {
        AgreementCounts counts = AgreementCounts.of(10, 0, 0, 90);
        assertEquals(100.0, counts.percentAgreement(), EXACT);
        assertEquals(1.0, counts.kappa(), EXACT);
        assertEquals(1.0, counts.alpha(), EXACT);
    }

    @Test
    void noOverlapAtAll() {
        // Each coder codes 10 of 100 units, never the same: po = 0.8, pe = 0.1·0.1 + 0.9·0.9 = 0.82.
        AgreementCounts counts = AgreementCounts.of(0, 10, 10, 80);
        assertEquals(80.0, counts.percentAgreement(), EXACT);
        assertEquals((0.8 - 0.82) / (1 - 0.82), counts.kappa(), EXACT);
        // n = 200 values, 20 disagreeing units, n_yes = 20, n_no = 180: 1 − 199·20 / (20·180).
        assertEquals(1 - 199.0 * 20 / (20 * 180), counts.alpha(), EXACT);
    }

    @Test
    void oneCoderSilent() {
        // A codes 10 units, B none: po = 0.9, pe = 0·0.1 + 1·0.9 = 0.9, so kappa is exactly 0.
        AgreementCounts counts = AgreementCounts.of(0, 10, 0, 90);
        assertEquals(90.0, counts.percentAgreement(), EXACT);
        assertEquals(0.0, counts.kappa(), EXACT);
        assertEquals(1 - 199.0 * 10 / (10 * 190), counts.alpha(), EXACT);
    }

    @Test
    void textbookExample() {
        // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15. po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, kappa 0.4.
        AgreementCounts counts = AgreementCounts.of(20, 5, 10, 15);
        assertEquals(70.0, counts.percentAgreement(), EXACT);
        assertEquals(0.4, counts.kappa(), EXACT);
        // n = 100, n_yes = 55, n_no = 45, 15 disagreements: 1 − 99·15 / (55·45) = 0.4.
        assertEquals(0.4, counts.alpha(), EXACT);
    }

    @Test
    void undefinedWhenBothCodersGiveOneValueOnly() {
        AgreementCounts nobodyCoded = AgreementCounts.of(0, 0, 0, 100);
        assertEquals(100.0, nobodyCoded.percentAgreement(), EXACT);
        assertNull(nobodyCoded.kappa(), "pe = 1: kappa is undefined, not 1 and not NaN");
        assertNull(nobodyCoded.alpha());

        AgreementCounts everythingCoded = AgreementCounts.of(100, 0, 0, 0);
        assertEquals(100.0, everythingCoded.percentAgreement(), EXACT);
        assertNull(everythingCoded.kappa());
        assertNull(everythingCoded.alpha());

        AgreementCounts noUnits = AgreementCounts.ZERO;
        assertNull(noUnits.percentAgreement());
        assertNull(noUnits.kappa());
        assertNull(noUnits.alpha());
    }

    @Test
    void oppositeConstantCodersHaveKappaZeroAndAlphaDefined() {
        // A codes everything, B nothing: pe = 1·0 + 0·1 = 0, po = 0, so kappa = 0; both values occur, alpha defined.
        AgreementCounts counts = AgreementCounts.of(0, 4, 0, 0);
        assertEquals(0.0, counts.percentAgreement(), EXACT);
        assertEquals(0.0, counts.kappa(), EXACT);
        assertEquals(1 - 7.0 * 4 / (4 * 4), counts.alpha(), EXACT);
    }

    @Test
    void poolingAddsTables() {
        AgreementCounts pooled = AgreementCounts.of(1, 2, 3, 4).plus(AgreementCounts.of(10, 20, 30, 40));
        assertEquals(AgreementCounts.of(11, 22, 33, 44), pooled);
        assertEquals(110, pooled.units());
    }

    @Test
    void refusesInconsistentCounts() {
        assertThrows(IllegalArgumentException.class, () -> new AgreementCounts(10, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> AgreementCounts.of(-1, 1, 1, 1));
    }

    @Test
    void kappaBandsOfLandisAndKoch() {
        assertEquals(KappaBand.UNDEFINED, KappaBand.of(null));
        assertEquals(KappaBand.POOR, KappaBand.of(-0.01));
        assertEquals(KappaBand.SLIGHT, KappaBand.of(0.0));
        assertEquals(KappaBand.SLIGHT, KappaBand.of(0.20));
        assertEquals(KappaBand.FAIR, KappaBand.of(0.21));
        assertEquals(KappaBand.MODERATE, KappaBand.of(0.6));
        assertEquals(KappaBand.SUBSTANTIAL, KappaBand.of(0.8));
        assertEquals(KappaBand.ALMOST_PERFECT, KappaBand.of(0.81));
        assertEquals(KappaBand.ALMOST_PERFECT, KappaBand.of(1.0));
    }
}
