package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.divergence.cli.common.ExitCodes;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.GoldenTolerance;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --by tag:NAME --json} against NumPy/SciPy (src/test/resources/golden/tags, made by
 * make_tag_golden.py): repositories tagged through the command line, by hand (the listed ones) or by a rule that the
 * script evaluates on its own; every figure must agree as in the platform comparison's golden test.
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
                CliRun run = CliRun.of(compare.toArray(String[]::new));
                assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
                JsonNode actual = new ObjectMapper().readTree(run.out());
                List<String> mismatches = new ArrayList<>();
                compare(testCase.get("expected"), actual, "", mismatches);
                if (!mismatches.isEmpty()) {
                    fail(mismatches.size() + " figure(s) differ from SciPy:\n" + String.join("\n", mismatches));
                }
            }));
        }
        return tests.stream();
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, List<String> mismatches) {
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                mismatches.add(path + ": expected an object, got " + actual);
                return;
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (!actual.has(field.getKey())) {
                    mismatches.add(path + "/" + field.getKey() + ": missing");
                } else {
                    compare(field.getValue(), actual.get(field.getKey()), path + "/" + field.getKey(), mismatches);
                }
            }
        } else if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                mismatches.add(path + ": expected " + expected + ", got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                String key = expected.get(i).has("metric") ? expected.get(i).get("metric").asText() : "" + i;
                compare(expected.get(i), actual.get(i), path + "/" + key, mismatches);
            }
        } else if (expected.isNumber()) {
            String key = path.substring(path.lastIndexOf('/') + 1);
            if (actual == null || !actual.isNumber()) {
                mismatches.add(path + ": expected " + expected + ", got " + actual);
            } else if (!GoldenTolerance.agrees(key, expected.asDouble(), actual.asDouble())) {
                mismatches.add(path + ": SciPy " + expected.asDouble() + ", workbench " + actual.asDouble());
            }
        } else if (!expected.equals(actual)) {
            mismatches.add(path + ": expected " + expected + ", got " + actual);
        }
    }
}
