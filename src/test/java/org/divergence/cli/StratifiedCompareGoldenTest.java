package org.divergence.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.divergence.store.project.Project;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --json} on small groups (exact Mann–Whitney, Fisher), with Holm / Benjamini–Hochberg, and
 * {@code --stratify created_year} (every year's comparison, van Elteren and Cochran–Mantel–Haenszel across years,
 * repositories without a date) against golden/tests/tests.json, made by tests/make_golden_tests.py with Debian's
 * SciPy 1.10 and statsmodels 0.13 — never from the workbench's own output. Tolerances as in {@link CompareGoldenTest}.
 */
class StratifiedCompareGoldenTest {

    @TempDir
    static Path folder;

    private static JsonNode cases;
    private static final Map<String, Path> PROJECTS = new HashMap<>();

    @BeforeAll
    static void createProjects() throws Exception {
        cases = CompareGoldenTest.tests().get("cases");
        for (JsonNode testCase : cases) {
            String input = testCase.get("input").asText();
            if (!PROJECTS.containsKey(input)) {
                String resource = input.equals("small-groups.csv") ? "/golden/tests/" + input : "/golden/" + input;
                try (Project project = RepositorySamples.projectFromResource(
                        folder.resolve(input.replace(".csv", ".divergence")), resource)) {
                    PROJECTS.put(input, project.file());
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFigureEqualsTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : cases) {
            tests.add(DynamicTest.dynamicTest(testCase.get("name").asText(), () -> {
                List<String> args = CompareGoldenTest.arguments(testCase, PROJECTS.get(testCase.get("input").asText()));
                // The bootstrap is not part of this reference; few resamples keep the strata quick.
                args.addAll(List.of("--resamples", "50"));
                CompareGoldenTest.check(args, testCase.get("expected"));
            }));
        }
        return tests.stream();
    }
}
