package org.divergence.store.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.divergence.core.formulas.FormulaParser;
import org.divergence.core.metrics.MetricKind;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Custom metric expressions evaluated by SQLite on a real project ({@link TagFixture}'s repositories: CSV extras are
 * text, JSON Lines extras typed): arithmetic in double precision, unknown inputs and division by zero unknown,
 * conditions 1 / 0 / unknown (unknown as soon as one part of AND / OR is), and no user text in the SQL.
 */
class FormulaSqlTest {

    @org.junit.jupiter.api.io.TempDir
    static Path folder;
    private static Project project;
    private static final List<String> NAMES = List.of("a/one", "a/two", "b/bert", "b/llama", "c/data", "d/gguf",
            "x'OR'1'='1--");

    @BeforeAll
    static void createProject() {
        project = TagFixture.create(folder);
    }

    @AfterAll
    static void close() {
        project.close();
    }

    /** Expected values in the order of {@link #NAMES}; "-" is unknown. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "commits / contributors|50 20 5 40 - - 1",
        "merged_pull_requests / pull_requests|0.5 - - 1 - - -",
        "7 / 2|3.5 3.5 3.5 3.5 3.5 3.5 3.5",
        "commits-1|149 19 4 79 - - 0",
        "-commits + 2 * 3|-144 -14 1 -74 - - 5",
        "coalesce(stars, likes, 0)|40 2 1 30 2 0 0",
        // CSV extras are text: number-shaped text is a number, 'abc' is unknown; JSON numbers stay numbers
        "extra.score * 2|- 24 - 15 - - -",
        "extra.stars_x + 1|- - - - - 16 -",
        "extra.private + 1|- - - - - - -",
        "coalesce(extra.score, -1) / 0|- - - - - - -",
        // conditions count 1 or 0; an unknown part makes AND and OR unknown, even where SQL would decide without it
        "(commits > 50) + (stars > 10)|2 0 - - - - -",
        "commits > 50 OR stars > 10|1 0 - - - - -",
        "commits > 50 AND stars > 10|1 0 - - - - -",
        "NOT commits > 50|0 1 1 0 - - 1",
        "platform = huggingface AND extra.pipeline_tag = 'text-generation'|- - 0 1 - - 1",
        "repo_type IN (model, dataset) AND created_at >= 2024-01-01|0 0 - 0 1 - 1",
        "full_name CONTAINS 'LL' OR likes IS NULL|1 1 0 1 0 1 1",
        "extra.pipeline_tag = text OR extra.score = 12|- - - 0 - - -",
    })
    void expressionsComputeWhatTheGrammarSays(String expression, String expected) {
        Map<String, Double> values = values(expression);
        Map<String, Double> wanted = new TreeMap<>();
        String[] cells = expected.split(" ");
        for (int i = 0; i < NAMES.size(); i++) {
            wanted.put(NAMES.get(i), cells[i].equals("-") ? null : Double.valueOf(cells[i]));
        }
        assertEquals(wanted, values, expression);
    }

    /** What the SQL of any expression may contain: fixed words, operators, placeholders, the compiler's literals. */
    private static final Pattern FIXED_SQL = Pattern.compile("(?:[()?,=<>!+*/ -]|\\b(?:AND|OR|NOT|IN|IS|NULL|max|LIKE"
            + "|ESCAPE|CASE|WHEN|THEN|ELSE|END|CAST|AS|TEXT|REAL|GLOB|json_extract|json_type|extra|coalesce|platform"
            + "|repo_type|full_name|created_at|contributors|commits|pull_requests|merged_pull_requests|issues"
            + "|discussions|stars|forks|downloads|likes|derivatives|0)\\b|'(?:true|false|integer|real|text"
            + "|\\*\\[0-9\\]\\*|\\*\\[\\^0-9\\.eE\\+-\\]\\*|\\\\)')*");

    @Test
    void userTextNeverReachesTheSqlOnlyTheParameters() {
        List<String> expressions = List.of(
                "extra.weird-key_1 * 2 + coalesce(extra.robert, 1e3)",
                "name = 'x'' OR 1=1 --' AND extra.a IN ('a''); DROP TABLE repository; --', 'b')",
                "(full_name CONTAINS ''' OR ''1''=''1') * commits / -2.5",
                "coalesce(extra.n > 1, stars <= likes, NOT (created_at < 2020-02-02))");
        for (String expression : expressions) {
            FormulaSql sql = FormulaSql.compile(FormulaParser.parse(expression, MetricKind.NUMERIC));
            String text = sql.value().toString();
            assertTrue(FIXED_SQL.matcher(text).matches(), expression + " compiled to " + text);
            assertFalse(text.contains("DROP") || text.contains("robert") || text.contains("weird"), text);
            assertEquals(text.chars().filter(c -> c == '?').count(), sql.parameters().size(), expression);
        }
    }

    /** The value of the expression for each repository, by name (null when unknown). */
    static Map<String, Double> values(String expression) {
        FormulaSql sql = FormulaSql.compile(FormulaParser.parse(expression, MetricKind.NUMERIC));
        return project.read(connection -> {
            Map<String, Double> values = new TreeMap<>();
            try (var statement = connection.prepareStatement("SELECT full_name, " + sql.value()
                    + " FROM repository")) {
                sql.bind(statement, 1);
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        double value = rs.getDouble(2);
                        values.put(name, rs.wasNull() ? null : value);
                    }
                }
            }
            return values;
        });
    }

    @Test
    void theDeepestExpressionTheParserAcceptsRunsInSqlite() {
        // Left-deep, as a long sum parses; each operation reads an extra field (the deepest SQL per operation).
        String deep = "coalesce(extra.score, 1)" + " + coalesce(extra.score, 1) * (stars > 1)".repeat(99);
        assertEquals(12 + 99 * 12.0, values(deep).get("a/two"));
    }

    @Test
    void theFixtureHasTheRepositoriesTheTableNames() {
        assertEquals(NAMES, Arrays.asList(values("1").keySet().toArray(String[]::new)));
    }
}
