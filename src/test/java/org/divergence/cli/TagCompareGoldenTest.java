package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.divergence.cli.common.ExitCodes;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --by tag:NAME --json} against NumPy/SciPy (src/test/resources/golden/tags, made by
 * make_tag_golden.py): repositories tagged through the command line, by hand (the listed ones) or by a rule that the
 * script evaluates on its own; every figure must agree as in the platform comparison's golden test (with the p-values
 * of small groups and the adjusted ones from golden/tests/tests.json's tag overlays).
 */
class TagCompareGoldenTest {

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> tagComparisonsEqualTheScipyReference() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/tags/expected.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        List<String> tagged;
        try (InputStream in = getClass().getResourceAsStream("/golden/tags/tagged.txt")) {
            tagged = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        JsonNode overlays = CompareGoldenTest.tests().get("tag_overlays");
        String tag = golden.get("tag").asText();
        List<DynamicTest> tests = new ArrayList<>();
        int number = 0;
        for (JsonNode testCase : golden.get("cases")) {
            Path file = folder.resolve("case" + number++ + ".divergence");
            tests.add(DynamicTest.dynamicTest(testCase.get("name").asText(), () -> {
                try (Project project = RepositorySamples.projectFromResource(file, "/golden/"
                        + golden.get("input").asText())) {
                    new CodebookStore(project).createCode(null, tag, null).run();
                }
                List<String> args = new ArrayList<>(List.of("tag", "--project", file.toString(), "--name", tag));
                if (testCase.get("rule").isNull()) {
                    tagged.forEach(name -> args.addAll(List.of("--repo", name)));
                } else {
                    args.addAll(List.of("--rule", testCase.get("rule").asText()));
                }
                CliRun tagging = CliRun.of(args.toArray(String[]::new));
                assertEquals(ExitCodes.OK, tagging.exitCode(), tagging.toString());

                List<String> compare = new ArrayList<>(List.of("compare", "--project", file.toString(), "--json",
                        "--by", testCase.get("by").asText()));
                testCase.get("where").forEach(where -> compare.addAll(List.of("--where", where.asText())));
                CompareGoldenTest.check(compare, CompareGoldenTest.withOverlay(testCase.get("expected"),
                        overlays, testCase.get("name")));
            }));
        }
        return tests.stream();
    }
}
