package org.divergence.core.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

    @Test
    void theBriefsExamplesParse() {
        assertEquals("extra.pipeline_tag = 'text-generation'",
                RuleParser.parse("extra.pipeline_tag = 'text-generation'").text());
        assertEquals("platform = 'huggingface' AND repo_type = 'model'",
                RuleParser.parse("platform = huggingface AND repo_type = model").text());
        assertEquals(new RuleExpression.Compare(new RuleField.Column(RuleColumn.COMMITS), RuleOperator.GREATER,
                new RuleValue.Number(new BigDecimal("100"))), RuleParser.parse("commits > 100"));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesAndNotNest() {
        RuleExpression rule = RuleParser.parse("a_b IS NULL OR commits>=1 AND NOT (stars < 5 OR likes <= 2)"
                .replace("a_b", "forks"));
        RuleExpression.Or or = assertInstanceOf(RuleExpression.Or.class, rule);
        assertInstanceOf(RuleExpression.IsNull.class, or.parts().get(0));
        RuleExpression.And and = assertInstanceOf(RuleExpression.And.class, or.parts().get(1));
        RuleExpression.Not not = assertInstanceOf(RuleExpression.Not.class, and.parts().get(1));
        assertInstanceOf(RuleExpression.Or.class, not.inner());
        assertEquals("forks IS NULL OR (commits >= 1 AND NOT (stars < 5 OR likes <= 2))", rule.text());
        // The normal form parses to the same rule.
        assertEquals(rule, RuleParser.parse(rule.text()));
    }

    @Test
    void everyFormOfConditionParses() {
        List<String> rules = List.of(
                "repo_type IN (model, dataset)",
                "repo_type NOT IN ('space')",
                "extra.license IS NOT NULL",
                "full_name CONTAINS 'llama'",
                "name NOT CONTAINS bert",
                "created_at >= 2023-01-01 AND created_at < '2024-01-01'",
                "extra.downloads_30d >= 1.5e3",
                "extra.card.base_model = 'meta-llama/Llama-2-7b-hf'",
                "extra.year IN (2023, 2024)",
                "COMMITS <> 0 and not platform = github",
                "issues = -1",
                "extra.tags CONTAINS 'gguf'");
        for (String rule : rules) {
            RuleExpression parsed = RuleParser.parse(rule);
            assertEquals(parsed, RuleParser.parse(parsed.text()), rule);
        }
        RuleExpression.In in = assertInstanceOf(RuleExpression.In.class, RuleParser.parse("extra.year IN (2023, 2024)"));
        assertInstanceOf(RuleValue.Number.class, in.values().getFirst());
        RuleExpression.Compare nested = assertInstanceOf(RuleExpression.Compare.class,
                RuleParser.parse("extra.card.base_model = x"));
        assertEquals("$.\"card\".\"base_model\"", ((RuleField.Extra) nested.field()).jsonPath());
        assertEquals(RuleColumn.FULL_NAME, ((RuleField.Column) ((RuleExpression.Contains)
                RuleParser.parse("name CONTAINS x")).field()).column());
    }

    @Test
    void quotesInsideTextAreDoubledAndStayText() {
        RuleExpression.Compare compare = assertInstanceOf(RuleExpression.Compare.class,
                RuleParser.parse("name = 'x'' OR 1=1 --'"));
        assertEquals(new RuleValue.Text("x' OR 1=1 --"), compare.value());
        assertEquals("full_name = 'x'' OR 1=1 --'", compare.text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "platform = huggingface AND stars =|35|expected a value after '='",
        "repo_type = model AND likes = AND stars > 1|31|expected a value after '=', found the keyword AND",
        "extra.a') OR 1=1 --|8|starts a text that is never closed",
        "stars > 1 -- comment|11|unexpected character '-'",
        "stars > 1; DROP TABLE repository|10|unexpected character ';'",
        "popularity > 3|1|unknown field 'popularity'",
        "commits > 'many'|11|commits is a count: compare it with a number, not 'many'",
        "platform = gitlab|12|unknown platform 'gitlab'; use one of github, huggingface",
        "platform > github|10|platform can only be compared with = or !=",
        "created_at > 2023-13-01|14|created_at is compared by day",
        "created_at > yesterday|14|created_at is compared by day",
        "(commits > 1|13|expected ')' to close the '(' at character 1",
        "commits > 1)|12|this ')' closes no '('",
        "commits > 1 stars > 2|13|unexpected 'stars' after a complete condition; join conditions with AND or OR",
        "commits|8|expected =, !=, <, <=, >, >=, IN, IS or CONTAINS after 'commits'",
        "commits IS 3|12|expected NULL after 'commits IS'",
        "commits = NULL|11|to find unknown values write commits IS NULL",
        "stars CONTAINS 3|7|CONTAINS works on text",
        "repo_type IN model|14|expected '(' after IN",
        "repo_type IN (model dataset)|21|expected ',' or ')' in the IN list opened at character 14",
        "extra.year IN (2023, 'x')|22|must all be numbers or all be text",
        "commits > 12abc|11|'12abc' is neither a number nor a date",
        "commits ! 3|9|'!' must be followed by '='",
        "extra.a b = 1|9|expected =, !=, <, <=, >, >=, IN, IS or CONTAINS after 'extra.a'",
        "extra. = 1|1|is not an extra field name",
        "AND commits > 1|1|expected a condition",
        "commits > 1 AND|16|expected a condition after 'AND'",
        "commits NOT 3|13|expected IN or CONTAINS after 'commits NOT'",
        "name = \"x\"|8|quote text with single quotes",
    })
    void problemsNameTheirCharacter(String rule, int position, String message) {
        RuleSyntaxException error = assertThrows(RuleSyntaxException.class, () -> RuleParser.parse(rule));
        assertEquals(position, error.position(), error.getMessage());
        assertTrue(error.getMessage().startsWith("at character " + position + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        RuleSyntaxException error = assertThrows(RuleSyntaxException.class,
                () -> RuleParser.parse("name = '😀😀' AND ="));
        assertEquals(17, error.position(), error.getMessage());
    }

    @Test
    void emptyTooLongAndTooDeepRulesAreRefused() {
        assertEquals(1, assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("  ")).position());
        assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("stars > 1 OR ".repeat(1000) + "stars > 1"));
        String deep = "(".repeat(200) + "stars > 1" + ")".repeat(200);
        assertTrue(assertThrows(RuleSyntaxException.class, () -> RuleParser.parse(deep)).getMessage()
                .contains("more than 64 deep"));
        String manyNots = "NOT ".repeat(100) + "stars > 1";
        assertThrows(RuleSyntaxException.class, () -> RuleParser.parse(manyNots));
    }

    @Test
    void anInvalidRuleIsInvalidInputForTheCommandLine() {
        assertInstanceOf(org.divergence.core.common.InvalidInputException.class,
                assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("x = 1")));
    }
}
