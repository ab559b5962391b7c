package org.divergence.testsupport;

/**
 * The agreement the compare feature promises with NumPy/SciPy: p-values (raw and adjusted) to a relative 1e-6 (or both below 1e-300,
 * where SciPy flushes to 0 and the workbench may keep a subnormal), every other figure to a relative 1e-9 (with a
 * 1e-12 absolute floor for figures that are 0).
 */
public final class GoldenTolerance {

    private GoldenTolerance() {
    }

    public static boolean agrees(String key, double expected, double actual) {
        if (key.equals("p_value") || key.equals("p_holm") || key.equals("p_bh")) {
            return (expected < 1e-300 && actual < 1e-300) || Math.abs(actual - expected) <= 1e-6 * Math.abs(expected);
        }
        return Math.abs(actual - expected) <= 1e-9 * Math.abs(expected) + 1e-12;
    }
}
