package org.divergence.core.stats;

import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * Upper-tail probabilities computed in their survival form (complementary error function, upper regularized gamma),
 * never as 1 − CDF: far in the tail 1 − CDF cancels to 0 long before the probability underflows, whereas these stay
 * accurate down to about 1e-308 (and into subnormals) and are 0.0 only on true underflow.
 */
public final class TailProbability {

    private TailProbability() {
    }

    /** 2·P(Z > z) for a standard normal Z, clipped to 1 (as SciPy's two-sided tests do). */
    public static double twoSidedNormal(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Math.min(1.0, Erf.erfc(z / Math.sqrt(2.0)));
    }

    /** P(X > x) for X chi-square distributed with one degree of freedom (SciPy's {@code chi2.sf(x, 1)}). */
    public static double chiSquareOneDf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(0.5, x / 2.0);
    }
}
