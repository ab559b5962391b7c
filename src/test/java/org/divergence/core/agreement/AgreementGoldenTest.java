package org.divergence.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calculator against golden figures from an independent NumPy implementation (brute-force unit membership, kappa
 * from the confusion matrix, alpha from the coincidence matrix): golden/agreement/make_agreement_golden.py.
 */
class AgreementGoldenTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void matchesTheIndependentReference() throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/golden/agreement/expected.json")) {
            document = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode testCase : document.get("cases")) {
            String name = testCase.get("name").asText();
            boolean characters = testCase.get("unit").asText().equals("character");
            AgreementCalculator calculator = new AgreementCalculator(characters ? AgreementUnit.CHARACTER
                    : AgreementUnit.SENTENCE, 2, false);
            List<CodedRange> a = ranges(testCase.get("codings_a"));
            List<CodedRange> b = ranges(testCase.get("codings_b"));
            for (JsonNode transcript : testCase.get("transcripts")) {
                long id = transcript.get("id").asLong();
                int length = transcript.get("length").asInt();
                List<CodedRange> mineA = a.stream().filter(r -> r.transcriptId() == id).toList();
                List<CodedRange> mineB = b.stream().filter(r -> r.transcriptId() == id).toList();
                if (characters) {
                    calculator.addTranscript(id, "t" + id, length, (String) null, List.of(mineA, mineB));
                } else {
                    List<Integer> pairs = new ArrayList<>();
                    transcript.get("units").forEach(unit -> {
                        pairs.add(unit.get(0).asInt());
                        pairs.add(unit.get(1).asInt());
                    });
                    calculator.addTranscript(id, "t" + id, length,
                            UnitSpans.of(pairs.stream().mapToInt(Integer::intValue).toArray()), List.of(mineA, mineB));
                }
            }
            List<AgreementCalculator.CodeRef> codes = new ArrayList<>();
            testCase.get("codes").forEach(code -> codes.add(new AgreementCalculator.CodeRef(code.asLong(),
                    "code " + code.asLong())));
            AgreementResult result = calculator.result(List.of("A", "B"), codes);
            JsonNode expected = testCase.get("expected");
            assertEquals(expected.get("codes").size(), result.codes().size(), name);
            for (int i = 0; i < result.codes().size(); i++) {
                JsonNode row = expected.get("codes").get(i);
                CodeAgreement actual = result.codes().get(i);
                String where = name + " code " + row.get("code").asLong();
                assertEquals(row.get("code").asLong(), actual.codeId(), where);
                AgreementCounts counts = actual.figures().twoCoders();
                assertEquals(row.get("units").asLong(), counts.units(), where);
                assertEquals(row.get("both").asLong(), counts.both(), where);
                assertEquals(row.get("a_only").asLong(), counts.aOnly(), where);
                assertEquals(row.get("b_only").asLong(), counts.bOnly(), where);
                assertEquals(row.get("neither").asLong(), counts.neither(), where);
                figures(row, counts, where);
                checked++;
            }
            figures(expected.get("overall"), result.overall().twoCoders(), name + " overall");
        }
        assertTrue(checked > 100, "the golden file holds enough codes: " + checked);
    }

    private static void figures(JsonNode expected, AgreementCounts counts, String where) {
        figure(expected.get("percent_agreement"), counts.percentAgreement(), where + " percent");
        figure(expected.get("kappa"), counts.kappa(), where + " kappa");
        figure(expected.get("alpha"), counts.alpha(), where + " alpha");
    }

    private static void figure(JsonNode expected, Double actual, String where) {
        if (expected.isNull()) {
            assertNull(actual, where);
        } else {
            assertEquals(expected.asDouble(), actual, TOLERANCE, where);
        }
    }

    private static List<CodedRange> ranges(JsonNode array) {
        List<CodedRange> ranges = new ArrayList<>();
        array.forEach(r -> ranges.add(new CodedRange(r.get(0).asLong(), r.get(1).asLong(), r.get(2).asInt(),
                r.get(3).asInt())));
        return ranges;
    }
}
