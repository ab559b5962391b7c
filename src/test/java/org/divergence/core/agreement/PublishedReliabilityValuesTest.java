package org.divergence.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.divergence.core.agreement.KrippendorffAlpha.Level;
import org.junit.jupiter.api.Test;

/**
 * Krippendorff's alpha at every level, Fleiss' kappa and Cohen's kappa against their published values. Each test names
 * its source; where the source rounds, the exact value (as a fraction, or the double DKPro Statistics 2.2.1,
 * statsmodels or scikit-learn give) is checked as well.
 */
class PublishedReliabilityValuesTest {

    private static final double N = Double.NaN;

    /**
     * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the reliability data of 4 observers (A–D) ×
     * 12 units with missing values; published (and as R irr::kripp.alpha): nominal 0.743, ordinal 0.815, interval
     * 0.849, ratio 0.797. Exact: 113/152, 108577/133160, 951/1120, 18222619/22852465.
     */
    private static final double[][] KRIPPENDORFF_2011 = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3},
        {N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N},
    };

    @Test
    void krippendorff2011AtEveryLevel() {
        assertPublished("0.743", 113.0 / 152, KrippendorffAlpha.of(KRIPPENDORFF_2011, Level.NOMINAL));
        assertPublished("0.815", 108577.0 / 133160, KrippendorffAlpha.of(KRIPPENDORFF_2011, Level.ORDINAL));
        assertPublished("0.849", 951.0 / 1120, KrippendorffAlpha.of(KRIPPENDORFF_2011, Level.INTERVAL));
        assertPublished("0.797", 18222619.0 / 22852465, KrippendorffAlpha.of(KRIPPENDORFF_2011, Level.RATIO));
    }

    /**
     * Hayes &amp; Krippendorff (2007), "Answering the call for a standard reliability measure for coding data",
     * Communication Methods and Measures 1(1):77–89, Table 1: 40 newspaper articles rated 0–3 by 5 observers, with
     * missing values; published ordinal alpha 0.7598 (exact 441835031/581492574; DKPro Statistics' own test of it).
     */
    @Test
    void hayesKrippendorff2007Ordinal() {
        int[][] byUnit = {
            {1, 1, 2, -1, 2}, {1, 1, 0, 1, -1}, {2, 3, 3, 3, -1}, {-1, 0, 0, -1, 0}, {0, 0, 0, -1, 0},
            {0, 0, 0, -1, 0}, {1, 0, 2, -1, 1}, {1, -1, 2, 0, -1}, {2, 2, 2, -1, 2}, {2, 1, 1, 1, -1},
            {-1, 1, 0, 0, -1}, {0, 0, 0, 0, -1}, {1, 2, 2, 2, -1}, {3, 3, 2, 2, 3}, {1, 1, 1, -1, 1},
            {1, 1, 1, -1, 1}, {2, 1, 2, -1, 2}, {1, 2, 3, 3, -1}, {1, 1, 0, 1, -1}, {0, 0, 0, -1, 0},
            {0, 0, 1, 1, -1}, {0, 0, -1, 0, 0}, {2, 3, 3, 3, -1}, {0, 0, 0, 0, -1}, {1, 2, -1, 2, 2},
            {0, 1, 1, 1, -1}, {0, 0, 0, 1, 0}, {1, 2, 1, 2, -1}, {1, 1, 2, 2, -1}, {1, 1, 2, -1, 2},
            {1, 1, 0, -1, 0}, {2, 1, 2, 1, -1}, {2, 2, -1, 2, 2}, {3, 2, 2, 2, -1}, {2, 2, 2, -1, 2},
            {2, 2, 3, -1, 2}, {2, 2, 2, -1, 2}, {2, 2, -1, 1, 2}, {2, 2, 2, 2, -1}, {1, 1, 1, -1, 1},
        };
        double[][] data = new double[5][byUnit.length];
        for (int unit = 0; unit < byUnit.length; unit++) {
            for (int observer = 0; observer < 5; observer++) {
                data[observer][unit] = byUnit[unit][observer] < 0 ? N : byUnit[unit][observer];
            }
        }
        assertPublished("0.7598", 441835031.0 / 581492574, KrippendorffAlpha.of(data, Level.ORDINAL));
    }

    @Test
    void alphaIsUndefinedWithoutPairableValuesOrWithOneValueOnly() {
        assertNull(KrippendorffAlpha.of(new double[][] {{1, N}, {N, 2}}, Level.NOMINAL), "no unit has two values");
        assertNull(KrippendorffAlpha.of(new double[][] {{3, 3}, {3, 3}}, Level.INTERVAL), "one value only");
        assertNull(KrippendorffAlpha.of(new double[0][0], Level.NOMINAL));
    }

    /**
     * Wikipedia, "Fleiss' kappa", worked example (also statsmodels' test_inter_rater table1, expected 0.210): 10
     * subjects × 5 categories, 14 raters each; P̄ = 0.378, P̄e = 0.213, κ = 0.210 (statsmodels and DKPro Statistics:
     * 0.20993070442195522).
     */
    @Test
    void fleissKappaOfTheWikipediaExample() {
        long[][] table = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
        };
        assertPublished("0.210", 0.20993070442195522, FleissKappa.of(table));
    }

    /**
     * Fleiss (1971), "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5):378–381,
     * p. 379: 30 patients × 6 psychiatrists, diagnoses 1–5; κ = 0.430 (DKPro Statistics' Fleiss1971Test:
     * 0.43024452006014074).
     */
    @Test
    void fleissKappaOfFleiss1971() {
        int[][] ratings = {
            {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
            {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
            {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
            {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
            {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
            {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
        };
        long[][] table = new long[ratings.length][5];
        for (int subject = 0; subject < ratings.length; subject++) {
            for (int diagnosis : ratings[subject]) {
                table[subject][diagnosis - 1]++;
            }
        }
        assertPublished("0.430", 0.43024452006014074, FleissKappa.of(table));
    }

    @Test
    void fleissKappaIsUndefinedWhenEveryRatingIsTheSame() {
        assertNull(FleissKappa.of(new long[][] {{3, 0}, {3, 0}}));
        assertNull(FleissKappa.of(new long[0][0]));
    }

    /**
     * scikit-learn, sklearn/metrics/tests/test_classification.py::test_cohen_kappa (its first two cases after Artstein
     * &amp; Poesio 2008, Tables 1 and 4): 0.348 (exact 8/23), symmetric; labels outside the label list dropped; 0.8013;
     * unweighted 0.9315, linear 0.9412, quadratic 0.9541.
     */
    @Test
    void cohenKappaAsScikitLearnTestsIt() {
        List<Integer> y1 = repeat(0, 40, 1, 60);
        List<Integer> y2 = repeat(0, 20, 1, 20, 0, 10, 1, 50);
        Double kappa = cohen(y1, y2, List.of(0, 1), CohenKappa.Weights.NONE);
        assertPublished("0.348", 8.0 / 23, kappa);
        assertEquals(kappa, cohen(y2, y1, List.of(0, 1), CohenKappa.Weights.NONE), 1e-15, "symmetric");
        assertEquals(kappa, AgreementCounts.of(50, 10, 20, 20).kappa(), 1e-15,
                "the agreement screen's 2 × 2 kappa (both = label 1 for each, coder A = y1)");

        List<Integer> y1b = new ArrayList<>(y1);
        List<Integer> y2b = new ArrayList<>(y2);
        y1b.addAll(repeat(2, 4));
        y2b.addAll(repeat(2, 4));
        assertEquals(kappa, cohen(y1b, y2b, List.of(0, 1), CohenKappa.Weights.NONE), 1e-15);
        assertEquals(1.0, cohen(y1b, y1b, List.of(0, 1, 2), CohenKappa.Weights.NONE), 1e-15);

        List<Integer> three = repeat(0, 46, 1, 44, 2, 10);
        assertPublished("0.8013", 0.8013245033112583, cohen(three, repeat(0, 52, 1, 32, 2, 16), List.of(0, 1, 2),
                CohenKappa.Weights.NONE));
        List<Integer> other = repeat(0, 50, 1, 40, 2, 10);
        assertPublished("0.9315", 0.9315068493150684, cohen(three, other, List.of(0, 1, 2), CohenKappa.Weights.NONE));
        assertPublished("0.9412", 0.9411764705882353, cohen(three, other, List.of(0, 1, 2),
                CohenKappa.Weights.LINEAR));
        assertPublished("0.9541", 0.9541284403669725, cohen(three, other, List.of(0, 1, 2),
                CohenKappa.Weights.QUADRATIC));
    }

    /**
     * Krippendorff (2004: 246) as in DKPro Statistics' coding/Krippendorff2004Test: two coders' tables with Cohen's
     * κ 0.186 (0.18576598311218329) and 0.258 (0.2582417582417582).
     */
    @Test
    void cohenKappaOfKrippendorff2004() {
        assertPublished("0.186", 0.18576598311218329, CohenKappa.of(new long[][] {{12, 9, 9}, {9, 14, 9}, {9, 9, 20}},
                CohenKappa.Weights.NONE));
        assertPublished("0.258", 0.2582417582417582, CohenKappa.of(new long[][] {{12, 18, 18}, {0, 14, 18},
            {0, 0, 20}}, CohenKappa.Weights.NONE));
        assertNull(CohenKappa.of(new long[][] {{5, 0}, {0, 0}}, CohenKappa.Weights.NONE), "one category only");
    }

    private static Double cohen(List<Integer> y1, List<Integer> y2, List<Integer> labels, CohenKappa.Weights weights) {
        long[][] confusion = new long[labels.size()][labels.size()];
        for (int i = 0; i < y1.size(); i++) {
            int a = labels.indexOf(y1.get(i));
            int b = labels.indexOf(y2.get(i));
            if (a >= 0 && b >= 0) {
                confusion[a][b]++;
            }
        }
        return CohenKappa.of(confusion, weights);
    }

    /** Values and counts alternating: repeat(0, 40, 1, 60) is forty 0s then sixty 1s. */
    private static List<Integer> repeat(int... valueCount) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < valueCount.length; i += 2) {
            for (int n = 0; n < valueCount[i + 1]; n++) {
                out.add(valueCount[i]);
            }
        }
        return out;
    }

    /** The published value to the decimals it was published with, and the exact value to 1e-15. */
    static void assertPublished(String published, double exact, Double actual) {
        int decimals = published.length() - published.indexOf('.') - 1;
        assertEquals(Double.parseDouble(published), actual, 0.5 * Math.pow(10, -decimals) + 1e-12,
                "published " + published);
        assertEquals(exact, actual, 1e-15, "exact " + exact);
    }
}
