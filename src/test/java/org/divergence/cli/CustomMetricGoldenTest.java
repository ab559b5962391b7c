package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom metrics end to end against golden/custom/expected.json, made by custom/make_custom_golden.py with its own
 * evaluator of the expression language and Debian's SciPy 1.10 / statsmodels 0.13 — never from the workbench's
 * output: custom.csv (with extra columns) goes in through {@code import}, the metrics through {@code metric add},
 * and every figure of {@code compare --json} — the custom metrics' n, summaries, tests, effect sizes, and the Holm /
 * BH adjustment over the family they join (so the built-in metrics' adjusted p-values too), by platform, by
 * repository type and within creation years — must agree with it (tolerances as {@link CompareGoldenTest}'s).
 */
class CustomMetricGoldenTest {

    @TempDir
    static Path folder;

    private static JsonNode golden;
    private static Path project;

    @BeforeAll
    static void createProject() throws Exception {
        try (InputStream in = CustomMetricGoldenTest.class.getResourceAsStream("/golden/custom/expected.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        Path sample = folder.resolve("custom.csv");
        try (InputStream in = CustomMetricGoldenTest.class.getResourceAsStream("/golden/custom/custom.csv")) {
            Files.copy(in, sample);
        }
        project = folder.resolve("custom.divergence");
        CliRun imported = CliRun.of("import", "--project", project.toString(), sample.toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.toString());
        for (JsonNode metric : golden.get("metrics")) {
            List<String> args = new ArrayList<>(List.of("metric", "add", "--project", project.toString(), "--name",
                    metric.get("name").asText(), "--expr", metric.get("expression").asText(), "--dimension",
                    metric.get("dimension").asText()));
            if (metric.get("kind").asText().equals("share")) {
                args.add("--share");
            }
            CliRun added = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, added.exitCode(), added.toString());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFigureEqualsTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : golden.get("cases")) {
            tests.add(DynamicTest.dynamicTest(testCase.get("name").asText(), () -> {
                List<String> args = CompareGoldenTest.arguments(testCase, project);
                // The bootstrap is not part of this reference; few resamples keep it quick.
                args.addAll(List.of("--resamples", "50"));
                CompareGoldenTest.check(args, testCase.get("expected"));
            }));
        }
        return tests.stream();
    }
}
