package org.divergence.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unitizing alpha on the published examples, with the doubles DKPro Statistics 2.2.1 computes for them (checked bit
 * for bit: the algorithm reproduces DKPro's arithmetic), and its edge cases.
 */
class UnitizingAlphaTest {

    /** A unit as DKPro's addUnit takes it: begin, length, rater, category. */
    record Unit(long begin, long length, int rater, String category) {
    }

    /**
     * Krippendorff (2004: 254), "Content Analysis" 2nd ed., the unitizing example exactly as DKPro Statistics'
     * unitizing/Krippendorff2004Test builds it: 2 raters on [150, 450). The test asserts 0.7286 (c), 1.0 (k) and the
     * book's overall 0.8591 ± 0.0005; DKPro 2.2.1 computes 0.8586654051841702 overall (exact
     * 7925853267/9230432738), which is what is checked here.
     */
    @Test
    void krippendorff2004AsInDkpro() {
        List<Unit> units = List.of(new Unit(225, 70, 0, "c"), new Unit(370, 30, 0, "c"), new Unit(220, 80, 1, "c"),
                new Unit(355, 20, 1, "c"), new Unit(400, 20, 1, "c"), new Unit(180, 60, 0, "k"),
                new Unit(300, 50, 0, "k"), new Unit(180, 60, 1, "k"), new Unit(300, 50, 1, "k"));
        Map<String, UnitizingAlpha.Category> categories = compute(units, 2, 150, 300);
        UnitizingAlpha.Category c = categories.get("c");
        assertEquals(0.014444444444444444, c.observed());
        assertEquals(0.05322177985498048, c.expected());
        assertEquals(0.728598996805389, c.alpha());
        assertEquals(0.7286, c.alpha(), 0.0001, "DKPro's test");
        UnitizingAlpha.Category k = categories.get("k");
        assertEquals(0.0, k.observed());
        assertEquals(0.04897856580891524, k.expected());
        assertEquals(1.0, k.alpha());
        Double overall = UnitizingAlpha.overall(List.copyOf(categories.values()));
        assertEquals(0.8586654051841702, overall);
        assertEquals(7925853267.0 / 9230432738.0, overall, 1e-15);
        assertEquals(0.8591, overall, 0.0005, "the book's figure within DKPro's tolerance");
    }

    /** DKPro Statistics' unitizing/UnitizingAgreementTest example: D_o 0.9100, D_e 0.5351, alpha −0.7003. */
    @Test
    void dkproUnitizingAgreementTestExample() {
        UnitizingAlpha.Category a = compute(List.of(new Unit(1, 8, 0, "A"), new Unit(2, 1, 1, "A"),
                new Unit(4, 1, 1, "A"), new Unit(6, 1, 1, "A")), 2, 0, 10).get("A");
        assertEquals(0.91, a.observed(), 1e-15);
        assertEquals(0.5351851851851852, a.expected());
        assertEquals(-0.7003460207612457, a.alpha());
    }

    /**
     * Krippendorff (1995: 57), "On the reliability of unitizing continuous data", Sociological Methodology 25, as
     * DKPro Statistics' unitizing/Krippendorff1995Test builds it (some units of one rater touch, and stay apart),
     * at stretch 1 and 50,000. The paper's expected disagreements contain an error (DKPro's Javadoc: the paper's
     * "(l+l+1)" term), so the values checked are DKPro 2.2.1's.
     */
    @Test
    void krippendorff1995AsInDkpro() {
        Map<String, UnitizingAlpha.Category> one = compute(krippendorff1995(1), 2, 0, 24);
        assertEquals(0.5152877697841727, one.get("A").alpha());
        assertEquals(-1.081078508599186, one.get("B").alpha());
        assertEquals(0.6033478893740902, one.get("C").alpha());
        assertEquals(-0.20684865900383143, one.get("D").alpha());
        assertEquals(2.267361111111111, one.get("B").observed());
        assertEquals(-0.7565527387256199, UnitizingAlpha.overall(List.copyOf(one.values())));
        Map<String, UnitizingAlpha.Category> stretched = compute(krippendorff1995(50000), 2, 0, 24 * 50000);
        assertEquals(0.5529468148732835, stretched.get("A").alpha());
        assertEquals(-0.9283846712468944, stretched.get("B").alpha());
        assertEquals(0.6930787892822531, stretched.get("C").alpha());
        assertEquals(0.06586888110729805, stretched.get("D").alpha());
        assertEquals(-0.5500269048626674, UnitizingAlpha.overall(List.copyOf(stretched.values())));
    }

    private static List<Unit> krippendorff1995(int stretch) {
        int[][] raw = {
            {2, 8, 0, 'A'}, {14, 6, 0, 'A'}, {4, 4, 1, 'A'}, {15, 2, 1, 'A'},
            {0, 18, 0, 'B'}, {0, 2, 1, 'B'}, {2, 1, 1, 'B'}, {3, 1, 1, 'B'}, {4, 1, 1, 'B'}, {5, 1, 1, 'B'},
            {6, 3, 1, 'B'}, {9, 1, 1, 'B'},
            {2, 6, 0, 'C'}, {10, 2, 0, 'C'}, {14, 4, 0, 'C'}, {20, 2, 0, 'C'}, {0, 2, 1, 'C'}, {4, 4, 1, 'C'},
            {10, 4, 1, 'C'}, {16, 2, 1, 'C'}, {20, 2, 1, 'C'},
            {0, 2, 0, 'D'}, {2, 8, 0, 'D'}, {10, 4, 0, 'D'}, {14, 6, 0, 'D'}, {20, 4, 0, 'D'}, {0, 4, 1, 'D'},
            {4, 4, 1, 'D'}, {8, 7, 1, 'D'}, {15, 2, 1, 'D'}, {17, 7, 1, 'D'},
        };
        List<Unit> units = new ArrayList<>();
        for (int[] unit : raw) {
            units.add(new Unit((long) unit[0] * stretch, (long) unit[1] * stretch, unit[2],
                    String.valueOf((char) unit[3])));
        }
        return units;
    }

    @Test
    void edgeCasesAsDkpro() {
        // One unit of one of three raters: D_o = D_e exactly, so alpha is 0, not NaN (DKPro's own test).
        UnitizingAlpha.Category single = compute(List.of(new Unit(0, 1, 0, "X")), 3, 0, 20).get("X");
        assertEquals(single.observed(), single.expected());
        assertEquals(0.0, single.alpha());
        // A rater without units still counts: the same units with a third, silent rater differ.
        List<Unit> two = List.of(new Unit(0, 5, 0, "X"), new Unit(2, 6, 1, "X"));
        assertEquals(0.2784, compute(List.of(new Unit(0, 5, 0, "X"), new Unit(5, 10, 0, "X"),
                new Unit(0, 15, 1, "X")), 2, 0, 20).get("X").alpha(), 0.0001, "touching units kept apart");
        assertNotEquals(compute(two, 2, 0, 20).get("X").alpha(), compute(two, 3, 0, 20).get("X").alpha());
        // A code covering the whole continuum for both raters: perfect agreement.
        assertEquals(1.0, compute(List.of(new Unit(0, 20, 0, "X"), new Unit(0, 20, 1, "X")), 2, 0, 20).get("X")
                .alpha());
        assertNull(UnitizingAlpha.overall(List.of()), "no categories: undefined");
        assertThrows(IllegalArgumentException.class, () -> UnitizingAlpha.category(new long[][] {{0, 5}}, 0, 10),
                "one rater");
        assertThrows(IllegalArgumentException.class, () -> UnitizingAlpha.category(new long[][] {{0, 5, 4, 8}, {}},
                0, 10), "overlapping units of one rater");
        assertThrows(IllegalArgumentException.class, () -> UnitizingAlpha.category(new long[][] {{0, 12}, {}},
                0, 10), "off the continuum");
    }

    /** The categories in order of first appearance, each from its raters' units sorted by begin. */
    static Map<String, UnitizingAlpha.Category> compute(List<Unit> units, int raters, long begin, long length) {
        Map<String, List<List<long[]>>> byCategory = new LinkedHashMap<>();
        for (Unit unit : units) {
            List<List<long[]>> perRater = byCategory.computeIfAbsent(unit.category(), key -> {
                List<List<long[]>> lists = new ArrayList<>();
                for (int r = 0; r < raters; r++) {
                    lists.add(new ArrayList<>());
                }
                return lists;
            });
            perRater.get(unit.rater()).add(new long[] {unit.begin(), unit.begin() + unit.length()});
        }
        Map<String, UnitizingAlpha.Category> out = new LinkedHashMap<>();
        byCategory.forEach((category, perRater) -> {
            long[][] flat = new long[raters][];
            for (int r = 0; r < raters; r++) {
                flat[r] = perRater.get(r).stream().sorted((x, y) -> Long.compare(x[0], y[0]))
                        .flatMapToLong(java.util.Arrays::stream).toArray();
            }
            out.put(category, UnitizingAlpha.category(flat, begin, length));
        });
        return out;
    }
}
