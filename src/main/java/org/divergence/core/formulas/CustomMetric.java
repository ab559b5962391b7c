package org.divergence.core.formulas;

import java.util.Locale;
import java.util.regex.Pattern;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricKind;

/**
 * A metric a project defines by an expression over the canonical columns and kept extra fields: a number per
 * repository, or (a share) whether a condition holds. A repository whose value is unknown (an unknown input, a
 * division by zero, a condition that cannot be decided) is left out of this metric only. Its name is its key in
 * JSON, on the command line and in tables; the expression is kept in its normal form.
 */
public record CustomMetric(String name, Dimension dimension, MetricKind kind, Formula formula) implements Metric {

    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_DIMENSION_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public CustomMetric {
        checkName(name);
        if (kind == MetricKind.SHARE && !formula.isCondition()) {
            throw new IllegalArgumentException("a share needs a condition: " + formula.text());
        }
    }

    /**
     * A metric from what a person typed: the name (letters, digits and _, not a built-in metric's), the expression
     * (a {@link org.divergence.core.tags.RuleSyntaxException} with the position when malformed), whether it is a
     * share, and its dimension (free text; blank for {@value Dimension#CUSTOM}).
     */
    public static CustomMetric define(String name, String expression, boolean share, String dimension) {
        checkName(name);
        MetricKind kind = share ? MetricKind.SHARE : MetricKind.NUMERIC;
        return new CustomMetric(name, Dimension.of(checkDimension(dimension)), kind,
                FormulaParser.parse(expression, kind));
    }

    /** Refuses names that are not plain identifiers or that a built-in metric has (in any case). */
    public static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("a custom metric needs a name, e.g. stars_per_contributor");
        }
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("metric name '" + name + "': use a letter followed by letters, digits "
                    + "and _ (at most " + MAX_NAME_LENGTH + "), e.g. stars_per_contributor");
        }
        for (BuiltInMetric metric : BuiltInMetric.values()) {
            if (metric.key().equalsIgnoreCase(name)) {
                throw new InvalidInputException("metric name '" + name + "' is a built-in metric's; choose another "
                        + "name (built-in: " + String.join(", ", java.util.Arrays.stream(BuiltInMetric.values())
                        .map(BuiltInMetric::key).toList()) + ")");
            }
        }
    }

    private static String checkDimension(String dimension) {
        if (dimension == null || dimension.isBlank()) {
            return Dimension.CUSTOM;
        }
        String stripped = dimension.strip();
        if (stripped.length() > MAX_DIMENSION_LENGTH || stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("dimension '" + dimension + "': at most " + MAX_DIMENSION_LENGTH
                    + " characters on one line");
        }
        return stripped;
    }

    /** The expression in its normal form. */
    @Override
    public String expression() {
        return formula.text();
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public String label() {
        return name;
    }

    @Override
    public String noun() {
        return name.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    @Override
    public String definition() {
        return kind == MetricKind.SHARE ? "Share of repositories where " + expression() + "." : expression();
    }

    @Override
    public Metric shareOf() {
        return kind == MetricKind.SHARE ? this : null;
    }

    @Override
    public double threshold() {
        return kind == MetricKind.SHARE ? 1 : Double.NaN;
    }

    /** After the built-in metrics' offsets, from the name: the same whatever other metrics there are. */
    @Override
    public long seedOffset() {
        return BuiltInMetric.values().length + Integer.toUnsignedLong(name.hashCode());
    }

    @Override
    public boolean isCustom() {
        return true;
    }
}
