package org.divergence.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statistics of small samples, many tests and strata against golden/tests/tests.json, which
 * tests/make_golden_tests.py computes with Debian's SciPy 1.10.1 and statsmodels 0.13.5 ({@code mannwhitneyu(method=
 * 'auto')}, {@code fisher_exact}, {@code multipletests}, {@code StratifiedTable}), van Elteren's test written out with
 * {@code rankdata} (checked there against a second form), an exact brute-force count for 6 and 8 values against a
 * million, and a port of R's effsize::cliff.delta. p-values agree to a relative 1e-12 unless noted.
 */
class SmallSampleGoldenTest {

    private static JsonNode golden;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = SmallSampleGoldenTest.class.getResourceAsStream("/golden/tests/tests.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return values;
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected), what + ": expected " + expected
                + ", got " + actual);
    }

    @Test
    void mannWhitneyIsExactForSmallTieFreeGroupsAsScipyAuto() {
        int exact = 0;
        for (JsonNode c : golden.get("mann_whitney")) {
            MannWhitney.Result result = MannWhitney.test(FrequencyTable.of(doubles(c.get("a"))),
                    FrequencyTable.of(doubles(c.get("b"))));
            String what = c.get("a") + " vs " + c.get("b");
            assertEquals(c.get("u").asDouble(), result.u(), what);
            assertEquals(c.get("p_method").asText(), result.method().key(), what);
            assertRelative(c.get("p_value").asDouble(), result.pValue(), 1e-12, what);
            exact += result.method() == PValueMethod.EXACT ? 1 : 0;
        }
        assertTrue(exact >= 40, "most cases take the exact path: " + exact);
    }

    @Test
    void exactPathAgainstAMillionMatchesTheBruteForceCount() {
        for (JsonNode c : golden.get("mann_whitney_large")) {
            long m = c.get("small").asLong();
            long n = c.get("large").asLong();
            long uMin = c.get("u_min").asLong();
            assertRelative(c.get("p_value").asDouble(), ExactMannWhitney.twoSidedP(m, n, uMin), 1e-15, "U " + uMin);
            assertRelative(c.get("p_value").asDouble(), ExactMannWhitney.twoSidedP(n, m, m * n - uMin), 1e-15,
                    "swapped, U " + uMin);
        }
    }

    @Test
    void sixValuesAgainstAMillionDistinctOnesThroughTheFrequencyTables() {
        double[] large = new double[1_000_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = i;
        }
        // Six values beyond every one of the million: U = 0 for the large group, the most extreme arrangement.
        MannWhitney.Result result = MannWhitney.test(FrequencyTable.of(large),
                FrequencyTable.of(2e6, 2e6 + 1, 2e6 + 2, 2e6 + 3, 2e6 + 4, 2e6 + 5));
        assertEquals(PValueMethod.EXACT, result.method());
        assertRelative(golden.get("mann_whitney_large").get(1).get("p_value").asDouble(), result.pValue(), 1e-15,
                "6 vs 1e6 separated");
    }

    /**
     * SciPy's rule (tolerance 1e-14); against its exact rational value to 1e-12, and against SciPy's own figure to
     * 1e-9: with totals in the millions SciPy's probabilities (Boost's pdf) lose digits (3e-10 here).
     */
    @Test
    void fisherTwoSidedAsScipy() {
        for (JsonNode c : golden.get("fisher")) {
            JsonNode t = c.get("table");
            double p = FisherExact.twoSidedP(t.get(0).get(0).asLong(), t.get(0).get(1).asLong(),
                    t.get(1).get(0).asLong(), t.get(1).get(1).asLong());
            assertRelative(c.get("p_exact").asDouble(), p, 1e-12, t.toString());
            assertRelative(c.get("p_value").asDouble(), p, 1e-9, t.toString());
        }
    }

    @Test
    void holmAndBenjaminiHochbergAsStatsmodelsWithUnknownsLeftOut() {
        for (JsonNode c : golden.get("multitest")) {
            double[] p = doubles(c.get("p"));
            assertEquals(c.get("family_size").asInt(), MultipleTesting.familySize(p));
            double[] holm = MultipleTesting.holm(p);
            double[] bh = MultipleTesting.benjaminiHochberg(p);
            for (int i = 0; i < p.length; i++) {
                // Bit for bit: the same operations in the same order as statsmodels.
                assertEquals(doubles(c.get("holm"))[i], holm[i], 0, "Holm " + c.get("p"));
                assertEquals(doubles(c.get("bh"))[i], bh[i], 0, "BH " + c.get("p"));
            }
        }
    }

    @Test
    void vanElterenAsSpecified() {
        for (JsonNode c : golden.get("van_elteren")) {
            List<VanElteren.Stratum> strata = new ArrayList<>();
            for (JsonNode s : c.get("strata")) {
                strata.add(new VanElteren.Stratum(FrequencyTable.of(doubles(s.get("a"))),
                        FrequencyTable.of(doubles(s.get("b")))));
            }
            VanElteren.Result result = VanElteren.test(strata);
            if (c.get("z").isNull()) {
                assertNull(result, c.toString());
                continue;
            }
            assertNotNull(result, c.toString());
            assertRelative(c.get("z").asDouble(), result.z(), 1e-12, "Z " + c);
            assertRelative(c.get("p_value").asDouble(), result.pValue(), 1e-12, "p " + c);
            assertEquals(c.get("strata_used").asInt(), result.strata());
        }
    }

    @Test
    void cochranMantelHaenszelAsStatsmodels() {
        for (JsonNode c : golden.get("cmh")) {
            List<CochranMantelHaenszel.Stratum> strata = new ArrayList<>();
            for (JsonNode t : c.get("tables")) {
                strata.add(new CochranMantelHaenszel.Stratum(t.get(0).get(0).asLong(), t.get(0).get(1).asLong(),
                        t.get(1).get(0).asLong(), t.get(1).get(1).asLong()));
            }
            CochranMantelHaenszel.Result result = CochranMantelHaenszel.test(strata);
            if (c.get("chi_square").isNull()) {
                assertNull(result, c.toString());
                continue;
            }
            assertRelative(c.get("chi_square").asDouble(), result.chiSquare(), 1e-12, "χ² " + c);
            assertRelative(c.get("p_value").asDouble(), result.pValue(), 1e-10, "p " + c);
            assertEquals(c.get("strata_used").asInt(), result.strata());
        }
    }

    @Test
    void cliffsIntervalAsEffsizeIncludingCompleteSeparation() {
        for (JsonNode c : golden.get("cliff")) {
            FrequencyTable a = FrequencyTable.of(doubles(c.get("a")));
            FrequencyTable b = FrequencyTable.of(doubles(c.get("b")));
            double delta = MannWhitney.test(a, b).cliffsDelta();
            assertEquals(c.get("cliffs_delta").asDouble(), delta, 1e-15, c.toString());
            Interval interval = CliffsDelta.confidenceInterval(a, b, delta, 0.95);
            JsonNode expected = c.get("cliffs_delta_ci");
            if (expected.isNull()) {
                assertNull(interval, c.toString());
                continue;
            }
            assertEquals(expected.get("low").asDouble(), interval.low(), 1e-12, "low " + c);
            assertEquals(expected.get("high").asDouble(), interval.high(), 1e-12, "high " + c);
        }
    }
}
