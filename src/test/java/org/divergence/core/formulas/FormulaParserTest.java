package org.divergence.core.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.tags.RuleColumn;
import org.divergence.core.tags.RuleExpression;
import org.divergence.core.tags.RuleField;
import org.divergence.core.tags.RuleSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaParserTest {

    private static Formula number(String expression) {
        return FormulaParser.parse(expression, MetricKind.NUMERIC);
    }

    @Test
    void arithmeticBindsAsUsualAndIsLeftAssociative() {
        Formula.Arithmetic sum = assertInstanceOf(Formula.Arithmetic.class, number("1 + 2 * commits"));
        assertEquals(Formula.Operator.ADD, sum.operator());
        assertInstanceOf(Formula.Arithmetic.class, sum.right());
        Formula.Arithmetic difference = assertInstanceOf(Formula.Arithmetic.class, number("stars - forks - likes"));
        assertEquals("stars - forks", difference.left().text());
        assertEquals("stars - (forks - likes)", number("stars - (forks - likes)").text());
        assertEquals("(stars - forks) * 2", number("(stars - forks) * 2").text());
        // Without spaces: a dash or slash after a word subtracts or divides; after an operator it signs a number.
        assertEquals("commits / contributors - 1", number("commits/contributors-1").text());
        assertEquals("2 - -1", number("2--1").text());
        assertInstanceOf(Formula.Negate.class, number("-commits"));
        assertEquals(new Formula.Field(new RuleField.Extra(List.of("my-key"))), number("extra.my-key"));
    }

    @Test
    void conditionsAreRuleConditionsOrComparisonsOfNumbers() {
        Formula.And and = assertInstanceOf(Formula.And.class, FormulaParser.parse(
                "platform = huggingface AND merged_pull_requests / pull_requests >= 0.5", MetricKind.SHARE));
        assertInstanceOf(RuleExpression.Compare.class, assertInstanceOf(Formula.Condition.class,
                and.parts().get(0)).rule());
        assertInstanceOf(Formula.Compare.class, and.parts().get(1));
        // An extra field against text is a text condition; against a number or a field, a comparison of numbers.
        assertInstanceOf(Formula.Condition.class, number("extra.license = mit"));
        assertInstanceOf(Formula.Condition.class, number("extra.license = 'apache-2.0'"));
        assertInstanceOf(Formula.Compare.class, number("extra.score > 7"));
        assertInstanceOf(Formula.Compare.class, number("extra.score > stars"));
        assertInstanceOf(Formula.Compare.class, number("extra.score = coalesce(stars, 1)"));
        assertInstanceOf(Formula.Condition.class, number("contributors IN (1, -2)"));
        assertInstanceOf(Formula.Condition.class, number("likes IS NULL"));
        // In a number, a condition counts 1 or 0.
        Formula sum = number("(stars > 10) + (created_at >= 2023-01-01)");
        assertFalse(sum.isCondition());
        assertTrue(number("coalesce(stars > 1, likes > 1)").isCondition());
    }

    @Test
    void theNormalFormParsesToTheSameTree() {
        List<String> expressions = List.of(
                "stars / contributors",
                "coalesce(extra.score, 0) * 2 - 1",
                "(merged_pull_requests >= 1) + (extra.score > 5)",
                "-(1) + -commits - -2.5e3",
                "- -commits",
                "((stars > 10) = 1) * 3",
                "NOT NOT (stars > 1 OR likes > 1) AND repo_type NOT IN (space)",
                "a_or_b".replace("a_or_b", "stars > 1 OR likes > 1 AND forks < 2"),
                "repo_type IN (model, code) AND extra.pipeline_tag = 'text-generation' OR created_at >= 2023-01-01",
                "NOT (commits < 5) AND full_name CONTAINS 'GI-1'",
                "commits / (contributors >= 3)",
                "coalesce(stars, likes, 0) / (commits + 1)");
        for (String expression : expressions) {
            Formula parsed = number(expression);
            assertEquals(parsed, number(parsed.text()), expression + " → " + parsed.text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "stars / (contributors +|24|expected a number, a field, coalesce(…) or '(' after '+'",
        "stars / contributors)|21|this ')' closes no '('",
        "(stars + 1|11|expected ')' to close the '(' at character 1",
        "stars forks|7|unexpected 'forks' after a complete expression",
        "commits AND stars > 1|1|AND joins conditions, and 'commits' is a number",
        "stars > 1 OR likes|14|OR joins conditions, and 'likes' is a number",
        "NOT commits|5|NOT joins conditions",
        "platform + 1|10|expected =, !=, <, <=, >, >=, IN, IS or CONTAINS after 'platform'",
        "1 + platform|5|platform is not a number: test it in a condition, e.g. platform = huggingface",
        "'many' * 2|1|text and dates are compared with",
        "1 < stars < 10|11|comparisons do not chain",
        "coalesce(stars)|1|coalesce needs at least two values",
        "popularity * 2|1|unknown field 'popularity'",
        "(stars + 1) IS NULL|13|IN, IS and CONTAINS test a field",
        "stars * 1e400|9|the number 1e400 is too large",
        "stars; DROP TABLE repository|6|unexpected character ';'",
        "stars * 12abc|9|'12abc' is neither a number nor a date",
        "extra.tag = text-generation|17|text with - or / goes in quotes",
        "stars >|8|expected a number, a field, coalesce(…) or '(' after '>'",
        "OR stars > 1|1|found the keyword OR",
    })
    void problemsNameTheirCharacter(String expression, int position, String message) {
        RuleSyntaxException error = assertThrows(RuleSyntaxException.class, () -> number(expression));
        assertEquals(position, error.position(), error.getMessage());
        assertTrue(error.getMessage().startsWith("at character " + position + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @Test
    void aShareIsACondition() {
        RuleSyntaxException error = assertThrows(RuleSyntaxException.class,
                () -> FormulaParser.parse("stars / contributors", MetricKind.SHARE));
        assertTrue(error.getMessage().contains("a share needs a condition"), error.getMessage());
        assertTrue(FormulaParser.parse("stars >= 10", MetricKind.SHARE).isCondition());
    }

    @Test
    void emptyTooLongAndTooDeepExpressionsAreRefused() {
        assertEquals(1, assertThrows(RuleSyntaxException.class, () -> number(" ")).position());
        assertThrows(RuleSyntaxException.class, () -> number("stars + ".repeat(2000) + "1"));
        assertTrue(assertThrows(RuleSyntaxException.class, () -> number("(".repeat(70) + "1" + ")".repeat(70)))
                .getMessage().contains("more than 64 deep"));
        assertTrue(assertThrows(RuleSyntaxException.class, () -> number("1" + " + 1".repeat(300)))
                .getMessage().contains("more than 200 operations"));
        assertEquals(200, FormulaParser.depth(number("1" + " + 1".repeat(199))));
    }

    @Test
    void customMetricsHavePlainNamesThatAreNotBuiltIn() {
        CustomMetric metric = CustomMetric.define("stars_per_contributor", "stars / contributors", false, null);
        assertEquals(Dimension.of("custom"), metric.dimension());
        assertEquals("stars / contributors", metric.definition());
        assertEquals(MetricKind.NUMERIC, metric.kind());
        assertTrue(metric.isCustom());
        assertTrue(metric.seedOffset() >= BuiltInMetric.values().length);
        CustomMetric share = CustomMetric.define("Licensed", "extra.license IS NOT NULL", true,
                "collaboration_openness");
        assertEquals(Dimension.COLLABORATION_OPENNESS, share.dimension());
        assertEquals(share, share.shareOf());
        assertEquals("Code review", CustomMetric.define("x", "1", false, " code_review ").dimension().label());
        for (String name : List.of("Commits", "has_pull_requests", "2fast", "with space", "a".repeat(65), "")) {
            assertThrows(InvalidInputException.class, () -> CustomMetric.define(name, "1", false, null), name);
        }
        assertThrows(InvalidInputException.class, () -> CustomMetric.define("x", "1", false, "two\nlines"));
        assertEquals(RuleColumn.STARS, ((RuleField.Column) ((Formula.Field) ((Formula.Arithmetic) metric.formula())
                .left()).field()).column());
    }
}
