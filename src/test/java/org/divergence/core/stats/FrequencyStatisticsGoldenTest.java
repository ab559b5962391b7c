package org.divergence.core.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.divergence.testsupport.GoldenTolerance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The statistics on samples of millions of observations given as value counts (frequency_cases of
 * golden/expected.json): tie groups beyond 2^21 (whose t³ overflows 64-bit integers), p-values far in the tail and
 * underflowing, fractional values.
 */
class FrequencyStatisticsGoldenTest {

    @TestFactory
    Stream<DynamicTest> frequencyTablesGiveScipysFigures() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/expected.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : golden.get("frequency_cases")) {
            tests.add(DynamicTest.dynamicTest(testCase.get("name").asText(), () -> check(testCase)));
        }
        return tests.stream();
    }

    private static void check(JsonNode testCase) {
        FrequencyTable a = table(testCase.get("a"));
        FrequencyTable b = table(testCase.get("b"));
        JsonNode expected = testCase.get("expected");
        MannWhitney.Result test = MannWhitney.test(a, b);
        List<String> mismatches = new ArrayList<>();
        check(mismatches, "mann_whitney_u", expected, test.u());
        check(mismatches, "p_value", expected, test.pValue());
        check(mismatches, "cliffs_delta", expected, test.cliffsDelta());
        for (String side : new String[] {"a", "b"}) {
            FrequencyTable table = side.equals("a") ? a : b;
            JsonNode summary = expected.get(side);
            check(mismatches, side + " n", summary.get("n").asDouble(), table.n());
            check(mismatches, side + " mean", summary.get("mean").asDouble(), table.mean());
            check(mismatches, side + " median", summary.get("median").asDouble(), table.median());
            check(mismatches, side + " q1", summary.get("q1").asDouble(), table.quantile(0.25));
            check(mismatches, side + " q3", summary.get("q3").asDouble(), table.quantile(0.75));
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    private static void check(List<String> mismatches, String key, JsonNode expected, double actual) {
        check(mismatches, key, expected.get(key).asDouble(), actual);
    }

    private static void check(List<String> mismatches, String key, double expected, double actual) {
        if (!GoldenTolerance.agrees(key, expected, actual)) {
            mismatches.add(key + ": SciPy " + expected + ", workbench " + actual);
        }
    }

    private static FrequencyTable table(JsonNode pairs) {
        FrequencyCounter counter = new FrequencyCounter();
        for (JsonNode pair : pairs) {
            counter.add(pair.get(0).asDouble(), pair.get(1).asLong());
        }
        return counter.toTable();
    }
}
