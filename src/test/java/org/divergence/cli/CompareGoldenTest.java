package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.divergence.cli.common.ExitCodes;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.GoldenTolerance;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure of {@code compare --json} against the NumPy/SciPy reference in src/test/resources/golden (made by
 * make_golden.py): the samples go into real project files, through the reader, the statistics and the JSON writer.
 * What the small-sample tests changed (p-values and their method, Holm / Benjamini–Hochberg, Cliff's interval at
 * complete separation) comes from golden/tests/tests.json's overlays instead (made by tests/make_golden_tests.py with
 * Debian's SciPy 1.10 and statsmodels). Numbers agree to a relative 1e-9, p-values to a relative 1e-6 (or both below
 * 1e-300); the bootstrap interval, whose random stream differs from the reference's brute-force one, agrees within
 * half a bootstrap standard error.
 */
class CompareGoldenTest {

    @TempDir
    static Path folder;

    private static JsonNode golden;
    private static final Map<String, Path> PROJECTS = new HashMap<>();

    @BeforeAll
    static void createProjects() throws Exception {
        try (InputStream in = CompareGoldenTest.class.getResourceAsStream("/golden/expected.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        JsonNode overlays = tests().get("overlays");
        for (JsonNode testCase : golden.get("cases")) {
            ((ObjectNode) testCase).set("expected", withOverlay(testCase.get("expected"), overlays,
                    testCase.get("name")));
        }
        for (JsonNode testCase : golden.get("cases")) {
            String input = testCase.get("input").asText();
            if (!PROJECTS.containsKey(input)) {
                Path file = folder.resolve(input.replace(".csv", ".divergence"));
                try (Project project = RepositorySamples.projectFromResource(file, "/golden/" + input)) {
                    PROJECTS.put(input, project.file());
                }
            }
        }
    }

    /** golden/tests/tests.json, made by tests/make_golden_tests.py. */
    static JsonNode tests() throws java.io.IOException {
        try (InputStream in = CompareGoldenTest.class.getResourceAsStream("/golden/tests/tests.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The expected document with the values of the overlay of the same name (there must be one). */
    static JsonNode withOverlay(JsonNode expected, JsonNode overlays, JsonNode name) {
        ObjectNode merged = expected.deepCopy();
        for (JsonNode overlay : overlays) {
            if (overlay.get("name").equals(name)) {
                merge(merged, overlay.get("expected"));
                return merged;
            }
        }
        throw new IllegalStateException("no overlay for " + name);
    }

    /** Copies the overlay's values into the expected document: objects key by key, arrays element by element. */
    private static void merge(ObjectNode target, JsonNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else if (existing != null && existing.isArray() && field.getValue().isArray()) {
                for (int i = 0; i < field.getValue().size(); i++) {
                    merge((ObjectNode) existing.get(i), field.getValue().get(i));
                }
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFigureEqualsTheScipyReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : golden.get("cases")) {
            tests.add(DynamicTest.dynamicTest(testCase.get("name").asText(), () -> check(testCase)));
        }
        return tests.stream();
    }

    private static void check(JsonNode testCase) throws Exception {
        check(arguments(testCase, PROJECTS.get(testCase.get("input").asText())), testCase.get("expected"));
    }

    /** The {@code compare --json} command line of a golden case (grouping, filters, stratification). */
    static List<String> arguments(JsonNode testCase, Path project) {
        List<String> args = new ArrayList<>(List.of("compare", "--project", project.toString(), "--json", "--by",
                testCase.get("by").asText()));
        for (JsonNode where : testCase.get("where")) {
            args.add("--where");
            args.add(where.asText());
        }
        if (!testCase.get("created_from").isNull()) {
            args.addAll(List.of("--created-from", testCase.get("created_from").asText()));
        }
        if (!testCase.get("created_to").isNull()) {
            args.addAll(List.of("--created-to", testCase.get("created_to").asText()));
        }
        if (testCase.hasNonNull("stratify")) {
            args.addAll(List.of("--stratify", testCase.get("stratify").asText()));
        }
        return args;
    }

    /** Runs the command line and compares its JSON with the expected document. */
    static void check(List<String> args, JsonNode expected) throws Exception {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode actual = new ObjectMapper().readTree(run.out());
        List<String> mismatches = new ArrayList<>();
        compare(expected, actual, "", mismatches);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " figure(s) differ from SciPy:\n" + String.join("\n", mismatches));
        }
    }

    /** Walks the expected document: every expected value must be in the actual one (extra keys are allowed). */
    private static void compare(JsonNode expected, JsonNode actual, String path, List<String> mismatches) {
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                mismatches.add(path + ": expected an object, got " + actual);
                return;
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (field.getKey().equals("bootstrap_reference")) {
                    checkBootstrap(field.getValue(), actual, path, mismatches);
                    continue;
                }
                if (!actual.has(field.getKey())) {
                    mismatches.add(path + "/" + field.getKey() + ": missing");
                    continue;
                }
                compare(field.getValue(), actual.get(field.getKey()), path + "/" + field.getKey(), mismatches);
            }
        } else if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                mismatches.add(path + ": expected " + expected + ", got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                JsonNode element = expected.get(i);
                String key = element.has("metric") ? element.get("metric").asText()
                        : element.has("stratum") ? element.get("stratum").asText() : "" + i;
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

    private static void checkBootstrap(JsonNode reference, JsonNode metric, String path, List<String> mismatches) {
        if (reference.isNull()) {
            assertTrue(metric.get("median_diff_ci").isNull(), path);
            return;
        }
        JsonNode interval = metric.get("median_diff_ci");
        double tolerance = 0.5 * reference.get("sd").asDouble() + 1e-12;
        for (String end : new String[] {"low", "high"}) {
            double difference = Math.abs(interval.get(end).asDouble() - reference.get(end).asDouble());
            if (difference > tolerance) {
                mismatches.add(path + "/median_diff_ci/" + end + ": brute-force bootstrap "
                        + reference.get(end).asDouble() + ", workbench " + interval.get(end).asDouble()
                        + " (tolerance " + tolerance + ")");
            }
        }
    }
}
