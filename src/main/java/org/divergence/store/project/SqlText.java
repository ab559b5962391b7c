package org.divergence.store.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * SQL text, and the only thing {@link Sql} runs. It is made of fixed text ({@link #of}, whose argument must be a
 * compile-time constant: {@code SqlTextIsMadeOfConstantsTest} checks every call in the compiled product) and of
 * fragments this class builds itself from checked parts: identifiers, integers, placeholders. No runtime string
 * becomes SQL here but a checked plain name, so every value a user gives travels as a bound parameter. See
 * docs/decisions/0085-sql-text-from-constants.md.
 */
public final class SqlText {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final SqlText COMMA = new SqlText(", ");

    private final String text;

    private SqlText(String text) {
        this.text = text;
    }

    /** Fixed SQL: a literal, or constants joined by {@code +}; never a value computed at run time. */
    public static SqlText of(String constant) {
        return new SqlText(Objects.requireNonNull(constant));
    }

    /** A table or column name, checked to be a plain lower-case identifier, so nothing but a name can get in. */
    public static SqlText identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not an SQL identifier: " + name);
        }
        return new SqlText(name);
    }

    /** Checked names separated by ", " (a column list). */
    public static SqlText identifiers(Collection<String> names) {
        return join(COMMA, names.stream().map(SqlText::identifier).toList());
    }

    /** An integer literal. */
    public static SqlText integer(long value) {
        return new SqlText(Long.toString(value));
    }

    /** "?, ?, ?" for an IN list of {@code count} parameters (none: the empty list). */
    public static SqlText placeholders(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("A negative number of parameters: " + count);
        }
        return new SqlText(count == 0 ? "" : "?" + ", ?".repeat(count - 1));
    }

    /** The numbered parameter {@code ?n}, for a value a statement uses more than once. */
    public static SqlText parameter(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("Parameters are numbered from 1, not " + number);
        }
        return new SqlText("?" + number);
    }

    public static SqlText join(SqlText separator, Collection<SqlText> parts) {
        StringBuilder joined = new StringBuilder();
        for (SqlText part : parts) {
            if (!joined.isEmpty()) {
                joined.append(separator.text);
            }
            joined.append(part.text);
        }
        return new SqlText(joined.toString());
    }

    /** This text followed by the others. */
    public SqlText append(SqlText... more) {
        StringBuilder joined = new StringBuilder(text);
        for (SqlText part : more) {
            joined.append(part.text);
        }
        return new SqlText(joined.toString());
    }

    /**
     * A migration script of the project schema, read from this package's {@code migrations} resources (the product's
     * own jar): SQL we wrote, several statements long, which only {@link Sql#executeScript} runs.
     */
    static SqlText migration(String script) {
        try (InputStream in = SqlText.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + script);
            }
            return new SqlText(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text, as it goes to SQLite. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SqlText sql && sql.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
