package org.divergence.store.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.divergence.core.tags.RuleParser;
import org.divergence.core.tags.RuleSyntaxException;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagFixture;
import org.divergence.store.tags.TagRules;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules evaluated by SQLite on a real project: canonical columns, kept extra fields, dates, unknowns, injection. */
class RuleSqlTest {

    @org.junit.jupiter.api.io.TempDir
    static Path folder;
    private static Project project;

    @BeforeAll
    static void createProject() {
        project = TagFixture.create(folder);
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "commits > 100|a/one",
        "platform = huggingface AND repo_type = model|b/bert b/llama d/gguf x'OR'1'='1--",
        "extra.pipeline_tag = 'text-generation'|b/llama x'OR'1'='1--",
        "extra.pipeline_tag != 'text-generation'|b/bert",
        // CSV extras are text: a number-shaped text compares as a number; 'abc' never does
        "extra.score > 7|a/two b/llama",
        "extra.score <= 12|a/two b/llama",
        "extra.score = '12'|a/two",
        "extra.score IS NULL|a/one c/data d/gguf x'OR'1'='1--",
        "extra.score IS NOT NULL|a/two b/bert b/llama",
        // JSON Lines extras keep their types
        "extra.stars_x >= 15|d/gguf",
        "extra.stars_x = '15'|d/gguf",
        "extra.private = true|d/gguf",
        "extra.tags CONTAINS 'GGUF'|d/gguf",
        "extra.nothing = 1|",
        // dates compare by day
        "created_at <= 2022-12-31|a/one",
        "created_at < 2023-01-01|a/one",
        "created_at = 2023-01-01|a/two",
        "created_at > 2023-01-01|b/llama c/data x'OR'1'='1--",
        "created_at >= '2023-01-01'|a/two b/llama c/data x'OR'1'='1--",
        "created_at != 2023-01-01|a/one b/llama c/data x'OR'1'='1--",
        "created_at IN (2022-12-31, 2024-02-02)|a/one c/data",
        "created_at IS NULL|b/bert d/gguf",
        // unknown values never match, also under NOT
        "NOT (commits > 100)|a/two b/bert b/llama x'OR'1'='1--",
        "commits > 100 OR commits IS NULL|a/one c/data d/gguf",
        "repo_type IN (dataset, code)|a/one a/two c/data",
        "likes NOT IN (1, 2)|b/llama",
        "full_name CONTAINS 'LL'|b/llama",
        "full_name CONTAINS '%'|",
        "full_name NOT CONTAINS '/'|x'OR'1'='1--",
        // quotes are values, not SQL
        "name = 'x''OR''1''=''1--'|x'OR'1'='1--",
        "name = 'x'' OR 1=1 --'|",
        "full_name = 'a/one'' OR ''1''=''1'|",
    })
    void rulesSelectExactlyTheRepositoriesTheyDescribe(String rule, String expected) {
        Set<String> wanted = expected == null ? Set.of() : Set.of(expected.split(" "));
        assertEquals(new java.util.TreeSet<>(wanted), TagFixture.matches(project, rule), rule);
        assertEquals(wanted.size(), TagRules.countMatches(project, rule), rule);
    }

    /** What the SQL of any rule may contain: fixed words, operators, placeholders and the compiler's own literals. */
    private static final Pattern FIXED_SQL = Pattern.compile("(?:[()?,=<>! ]|<>|<=|>=|\\b(?:AND|OR|NOT|IN|IS|NULL"
            + "|LIKE|ESCAPE|CASE|WHEN|THEN|ELSE|END|CAST|AS|TEXT|REAL|GLOB|json_extract|json_type|extra|coalesce"
            + "|platform|repo_type|full_name|created_at|contributors|commits|pull_requests|merged_pull_requests"
            + "|issues|discussions|stars|forks|downloads|likes|derivatives)\\b|'(?:true|false|integer|real|text"
            + "|\\*\\[0-9\\]\\*|\\*\\[\\^0-9\\.eE\\+-\\]\\*|\\\\)')*");

    @Test
    void userTextNeverReachesTheSqlOnlyTheParameters() {
        List<String> rules = List.of(
                "name = 'x'' OR 1=1 --'",
                "extra.pipeline_tag IN ('a''); DROP TABLE repository; --', 'b')",
                "full_name CONTAINS ''' OR ''1''=''1'",
                "extra.weird-key_1.nested = 'robert''); DELETE FROM tag_rule; --'",
                "NOT (platform = github OR created_at > 2023-01-01) AND extra.n > 1e3",
                "extra.a CONTAINS 'x' AND stars IN (1, 2, 3) AND extra.b IS NULL");
        for (String rule : rules) {
            RuleSql sql = RuleSql.compile(RuleParser.parse(rule));
            String condition = sql.condition().toString();
            assertTrue(FIXED_SQL.matcher(condition).matches(), rule + " compiled to " + condition);
            assertFalse(condition.contains("DROP") || condition.contains("DELETE") || condition.contains("robert")
                    || condition.contains("weird"), condition);
            assertEquals(condition.chars().filter(c -> c == '?').count(), sql.parameters().size(), rule);
        }
    }

    @Test
    void malformedInjectionAttemptsAreRefusedWithAPositionAndChangeNothing() {
        String before = TableDump.of(project.file(), "repository", "repository_tag", "tag_rule");
        RuleSyntaxException error = assertThrows(RuleSyntaxException.class,
                () -> TagRules.countMatches(project, "extra.a') OR 1=1 --"));
        assertEquals(8, error.position());
        assertThrows(RuleSyntaxException.class, () -> TagRules.countMatches(project, "stars > 1; DROP TABLE code"));
        assertThrows(RuleSyntaxException.class, () -> TagRules.add(project, 1, "extra.\"a\" = 1"));
        assertEquals(before, TableDump.of(project.file(), "repository", "repository_tag", "tag_rule"));
    }
}
