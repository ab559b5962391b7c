package org.divergence.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;

/**
 * Unitizing alpha against DKPro Statistics 2.2.1 itself (a test-scope dependency, the independent reference of ADR
 * 0090) on random studies: 2–5 raters, continua of up to 5,000 positions that do or do not begin at 0, several
 * categories, raters without units, units covering the whole continuum. Every observed and expected disagreement, every
 * category's alpha and the overall are the same doubles.
 */
class UnitizingAlphaAgainstDkproTest {

    /** DKPro's per-category disagreements are protected; a subclass reads them. */
    private static final class Dkpro extends KrippendorffAlphaUnitizingAgreement {
        Dkpro(UnitizingAnnotationStudy study) {
            super(study);
        }

        double observed(Object category) {
            return calculateObservedCategoryDisagreement(category);
        }

        double expected(Object category) {
            return calculateExpectedCategoryDisagreement(category);
        }
    }

    @Test
    void randomStudiesGiveDkprosDoublesBitForBit() {
        Random random = new Random(20);
        String[] categories = {"a", "b", "c", "d"};
        int categoriesChecked = 0;
        for (int study = 0; study < 300; study++) {
            int raters = 2 + random.nextInt(4);
            long begin = random.nextBoolean() ? 0 : random.nextInt(1000);
            long length = 1 + random.nextInt(random.nextBoolean() ? 300 : 5000);
            List<UnitizingAlphaTest.Unit> units = randomUnits(random, raters, begin, length, categories);
            if (random.nextInt(10) == 0) {
                units.add(new UnitizingAlphaTest.Unit(begin, length, random.nextInt(raters), "whole"));
            }
            Map<String, UnitizingAlpha.Category> ours = UnitizingAlphaTest.compute(units, raters, begin, length);
            Dkpro dkpro = new Dkpro(dkproStudy(units, raters, begin, length));
            String where = "study " + study + " (" + raters + " raters, [" + begin + ", " + (begin + length) + "))";
            for (Map.Entry<String, UnitizingAlpha.Category> entry : ours.entrySet()) {
                String category = entry.getKey();
                assertEquals(dkpro.observed(category), entry.getValue().observed(), 0.0, where + " D_o " + category);
                assertEquals(dkpro.expected(category), entry.getValue().expected(), 0.0, where + " D_e " + category);
                assertEquals(dkpro.calculateCategoryAgreement(category), entry.getValue().alpha(), 0.0,
                        where + " alpha " + category);
                categoriesChecked++;
            }
            if (!ours.isEmpty()) {
                assertEquals(dkpro.calculateAgreement(), UnitizingAlpha.overall(List.copyOf(ours.values())), 0.0,
                        where + " overall");
            }
        }
        assertTrue(categoriesChecked > 600, "enough categories: " + categoriesChecked);
    }

    /** Random codings per rater, merged per (rater, category) as the product merges a coder's codings of a code. */
    private static List<UnitizingAlphaTest.Unit> randomUnits(Random random, int raters, long begin, long length,
                                                          String[] categories) {
        Map<String, List<long[]>> raw = new LinkedHashMap<>();
        int maxLength = 1 + random.nextInt((int) Math.min(length, 400));
        for (int rater = 0; rater < raters; rater++) {
            int codings = random.nextInt(41);
            for (int i = 0; i < codings; i++) {
                long start = begin + (long) (random.nextDouble() * length);
                long end = Math.min(begin + length, start + 1 + random.nextInt(maxLength));
                raw.computeIfAbsent(categories[random.nextInt(categories.length)] + "/" + rater,
                        key -> new ArrayList<>()).add(new long[] {start, end});
            }
        }
        List<UnitizingAlphaTest.Unit> units = new ArrayList<>();
        raw.forEach((key, ranges) -> {
            String category = key.substring(0, key.indexOf('/'));
            int rater = Integer.parseInt(key.substring(key.indexOf('/') + 1));
            ranges.sort((x, y) -> Long.compare(x[0], y[0]));
            long start = -1;
            long end = -1;
            for (long[] range : ranges) {
                if (start >= 0 && range[0] <= end) {
                    end = Math.max(end, range[1]);
                    continue;
                }
                if (start >= 0) {
                    units.add(new UnitizingAlphaTest.Unit(start, end - start, rater, category));
                }
                start = range[0];
                end = range[1];
            }
            if (start >= 0) {
                units.add(new UnitizingAlphaTest.Unit(start, end - start, rater, category));
            }
        });
        return units;
    }

    /** The units added in list order, so DKPro's categories come in the same order as ours. */
    private static UnitizingAnnotationStudy dkproStudy(List<UnitizingAlphaTest.Unit> units, int raters, long begin,
                                                       long length) {
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters, begin, length);
        for (UnitizingAlphaTest.Unit unit : units) {
            study.addUnit(unit.begin(), unit.length(), unit.rater(), unit.category());
        }
        return study;
    }
}
