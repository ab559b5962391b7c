package org.divergence.app.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.app.transcripts.ImportTranscripts;
import org.divergence.core.agreement.AgreementCalculator;
import org.divergence.core.agreement.AgreementFigures;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.CodeAgreement;
import org.divergence.core.agreement.CodedRange;
import org.divergence.core.agreement.PairAgreement;
import org.divergence.core.agreement.TranscriptAgreement;
import org.divergence.core.common.Progress;
import org.divergence.exchange.transcripts.TranscriptReader;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.Project;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three coders and more against golden figures from an independent NumPy script (brute-force unit membership, the
 * general alpha and Fleiss formulas, a literal O(n²) transcription of DKPro's unitizing alpha in exact fractions:
 * golden/agreement/make_multicoder_golden.py), and unitizing alpha against DKPro Statistics 2.2.1 itself on the same
 * continuum. The project is a real project file: five transcripts with emoji and CJK text (two whose names sort
 * differently by code point than by UTF-16 unit), codings that touch and overlap within and across transcripts. The
 * random cases (3 to 5 coders, equal names, codings past the end) go through the core calculator.
 */
class MultiCoderGoldenTest {

    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path folder;

    @Test
    void aThreeCoderProjectMatchesNumPyAndDkpro() throws Exception {
        JsonNode golden = golden().get("project");
        List<String> coders = strings(golden.get("coders"));
        List<String> codes = strings(golden.get("codes"));
        try (Project project = Project.create(folder.resolve("three.divergence"))) {
            List<Long> transcriptIds = new ArrayList<>();
            for (JsonNode transcript : golden.get("transcripts")) {
                transcriptIds.add(ImportTranscripts.store(project, List.of(TranscriptReader.fromBytes(
                        transcript.get("name").asText() + ".txt", transcript.get("text").asText()
                                .getBytes(StandardCharsets.UTF_8))), ImportTranscripts.Options.DEFAULT, null)
                        .getFirst().transcriptId());
            }
            List<Long> codeIds = new ArrayList<>();
            for (String code : codes) {
                codeIds.add(new CodebookStore(project).createCode(null, code, "#336699").run());
            }
            CodingStore store = new CodingStore(project);
            List<Long> coderIds = coders.stream().map(name -> store.ensureCoder(name).id()).toList();
            for (JsonNode coding : golden.get("codings")) {
                store.applyCode(transcriptIds.get(coding.get(1).asInt() - 1), codeIds.get(coding.get(2).asInt()),
                        coderIds.get(coding.get(0).asInt()), coding.get(3).asInt(), coding.get(4).asInt(), "code")
                        .run();
            }
            for (AgreementUnit unit : List.of(AgreementUnit.CHARACTER, AgreementUnit.PARAGRAPH)) {
                AgreementResult result = ComputeAgreement.compute(project, coders, unit, true, Progress.NONE);
                JsonNode expected = golden.get("expected").get(unit.code());
                compare(expected, result, codes, unit.code());
            }
            AgreementResult characters = ComputeAgreement.compute(project, coders, AgreementUnit.CHARACTER, false,
                    Progress.NONE);
            dkpro(golden, characters, codes);
        }
    }

    /** DKPro on the continuum units the script built: the same doubles as ours, and the script's fractions. */
    private static void dkpro(JsonNode golden, AgreementResult ours, List<String> codes) {
        JsonNode continuum = golden.get("continuum");
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(golden.get("coders").size(), 0,
                continuum.get("length").asLong());
        for (JsonNode unit : continuum.get("units")) {
            study.addUnit(unit.get(0).asLong(), unit.get(1).asLong(), unit.get(2).asInt(),
                    codes.get(unit.get(3).asInt()));
        }
        KrippendorffAlphaUnitizingAgreement dkpro = new KrippendorffAlphaUnitizingAgreement(study);
        JsonNode expected = golden.get("expected").get("character");
        for (int i = 0; i < ours.codes().size(); i++) {
            CodeAgreement code = ours.codes().get(i);
            double reference = dkpro.calculateCategoryAgreement(code.code());
            assertEquals(reference, code.figures().alphaU(), 0.0, "DKPro, " + code.code());
            assertEquals(expected.get("codes").get(i).get("alpha_u").asDouble(), reference, TOLERANCE,
                    "DKPro and NumPy, " + code.code());
        }
        assertEquals(dkpro.calculateAgreement(), ours.overall().alphaU(), 0.0, "DKPro overall");
    }

    @Test
    void randomCasesOfThreeToFiveCodersMatchNumPy() throws Exception {
        int checked = 0;
        for (JsonNode testCase : golden().get("cases")) {
            int coders = testCase.get("coders").asInt();
            AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.CHARACTER, coders, true);
            for (JsonNode transcript : testCase.get("transcripts")) {
                long id = transcript.get("id").asLong();
                List<List<CodedRange>> codings = new ArrayList<>();
                for (int coder = 0; coder < coders; coder++) {
                    List<CodedRange> mine = new ArrayList<>();
                    for (JsonNode coding : testCase.get("codings")) {
                        if (coding.get(0).asInt() == coder && coding.get(1).asLong() == id) {
                            mine.add(new CodedRange(id, coding.get(2).asLong(), coding.get(3).asInt(),
                                    coding.get(4).asInt()));
                        }
                    }
                    codings.add(mine);
                }
                calculator.addTranscript(id, transcript.get("name").asText(), transcript.get("length").asInt(),
                        (String) null, codings);
            }
            List<AgreementCalculator.CodeRef> codebook = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (JsonNode code : testCase.get("codes")) {
                codebook.add(new AgreementCalculator.CodeRef(code.asLong(), code.asText()));
                names.add(code.asText());
            }
            List<String> coderNames = new ArrayList<>();
            for (int coder = 0; coder < coders; coder++) {
                coderNames.add("coder " + coder);
            }
            compare(testCase.get("expected"), calculator.result(coderNames, codebook), names,
                    testCase.get("name").asText());
            checked += testCase.get("expected").get("codes").size();
        }
        assertTrue(checked > 20, "enough codes: " + checked);
    }

    private static void compare(JsonNode expected, AgreementResult result, List<String> codes, String where) {
        rows(expected.get("codes"), result.codes(), codes, where);
        figures(expected.get("overall"), result.overall(), where + " overall");
        assertEquals(expected.get("transcripts").size(), result.transcripts().size(), where);
        for (int t = 0; t < result.transcripts().size(); t++) {
            JsonNode one = expected.get("transcripts").get(t);
            TranscriptAgreement actual = result.transcripts().get(t);
            String here = where + ", transcript " + t + " " + actual.transcript();
            assertEquals(one.get("transcript").asText(), actual.transcript(), here);
            rows(one.get("codes"), actual.codes(), codes, here);
            figures(one.get("overall"), actual.overall(), here + " overall");
        }
    }

    private static void rows(JsonNode expected, List<CodeAgreement> actual, List<String> codes, String where) {
        assertEquals(expected.size(), actual.size(), where + ": codes listed");
        for (int i = 0; i < actual.size(); i++) {
            JsonNode row = expected.get(i);
            String code = codes.get(row.get("code").asInt());
            assertEquals(code, actual.get(i).code(), where);
            figures(row, actual.get(i).figures(), where + " " + code);
        }
    }

    private static void figures(JsonNode expected, AgreementFigures actual, String where) {
        assertEquals(expected.get("units").asLong(), actual.units(), where + " units");
        figure(expected.get("percent_agreement"), actual.percentAgreement(), where + " percent");
        figure(expected.get("alpha"), actual.alpha(), where + " alpha");
        figure(expected.get("fleiss_kappa"), actual.fleissKappa(), where + " fleiss");
        figure(expected.get("alpha_u"), actual.alphaU(), where + " alpha_u");
        assertEquals(expected.get("pairs").size(), actual.pairs().size(), where + " pairs");
        for (int p = 0; p < actual.pairs().size(); p++) {
            JsonNode pair = expected.get("pairs").get(p);
            PairAgreement table = actual.pairs().get(p);
            String here = where + " pair " + table.coderA() + "-" + table.coderB();
            assertEquals(pair.get("coders").get(0).asInt(), table.coderA(), here);
            assertEquals(pair.get("coders").get(1).asInt(), table.coderB(), here);
            assertEquals(List.of(pair.get("both").asLong(), pair.get("a_only").asLong(), pair.get("b_only").asLong(),
                    pair.get("neither").asLong()), List.of(table.counts().both(), table.counts().aOnly(),
                    table.counts().bOnly(), table.counts().neither()), here);
            figure(pair.get("kappa"), table.counts().kappa(), here + " kappa");
            figure(pair.get("percent_agreement"), table.counts().percentAgreement(), here + " percent");
        }
    }

    private static void figure(JsonNode expected, Double actual, String where) {
        if (expected.isNull()) {
            assertNull(actual, where);
        } else {
            assertEquals(expected.asDouble(), actual, TOLERANCE, where);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private JsonNode golden() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/golden/agreement/multicoder_expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
