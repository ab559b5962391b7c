package org.divergence.exchange.repositories;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.repositories.BaseModels;
import org.divergence.core.repositories.CanonicalValues;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RowProblem;

/**
 * A Parquet value ({@link ParquetField}) as a canonical cell: the same checks as CSV's text, so that the same rows
 * import the same from either. Numbers are checked as numbers (a count of any integer type, or a whole float, since
 * pandas writes integer columns with missing values as floats); text goes through {@link CanonicalValues}.
 */
final class ParquetValues {

    private ParquetValues() {
    }

    /** A count ≥ 0, or -1 when null. */
    static long count(Object value, String column) {
        return switch (value) {
            case null -> -1;
            case Long number -> {
                if (number < 0) {
                    throw new RowProblem(column, number + " is negative; counts are whole numbers ≥ 0");
                }
                yield number;
            }
            case Double number -> {
                if (number.isNaN()) {
                    yield -1;
                }
                if (number != Math.rint(number) || number.isInfinite() || Math.abs(number) >= 0x1p63) {
                    throw new RowProblem(column, number + " is not a whole number; counts are whole numbers ≥ 0");
                }
                if (number < 0) {
                    throw new RowProblem(column, number.longValue() + " is negative; counts are whole numbers ≥ 0");
                }
                yield number.longValue();
            }
            case String text -> CanonicalValues.count(text, column);
            default -> throw new RowProblem(column, describe(value) + " is not a count; counts are whole numbers ≥ 0");
        };
    }

    /** Text, where the column must hold text. */
    static String text(Object value, String column) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            default -> throw new RowProblem(column, describe(value) + " is not text");
        };
    }

    /**
     * A creation date as the canonical column holds it: ISO text is checked as in CSV, a timestamp is written in UTC
     * to the second (a timestamp without a zone is read as UTC), a date as YYYY-MM-DD. Hugging Face's placeholder
     * for "unknown" becomes null either way.
     */
    static String createdAt(Object value, String column, Platform platform) {
        String text = switch (value) {
            case null -> null;
            case String raw -> raw;
            case Instant instant -> DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
            case LocalDate date -> date.toString();
            default -> throw new RowProblem(column, describe(value) + " is not a date or a time");
        };
        try {
            return CanonicalValues.createdAt(text, platform);
        } catch (RowProblem problem) {
            throw new RowProblem(column, problem.detail());
        }
    }

    /** A value as the extra columns keep it (JSON-like): times as ISO text, base models as their ids. */
    static Object plain(Object value) {
        return switch (value) {
            case Instant instant -> instant.toString();
            case LocalDate date -> date.toString();
            case BaseModels base -> base.models();
            case List<?> list when list.stream().anyMatch(e -> e instanceof Instant || e instanceof LocalDate) -> {
                List<Object> plainList = new ArrayList<>(list.size());
                list.forEach(element -> plainList.add(plain(element)));
                yield plainList;
            }
            case null, default -> value;
        };
    }

    private static String describe(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
}
