package org.divergence.store.project;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SQL text made from names (tables, columns) rather than literals, for code that works on any table, e.g. the
 * undo of a recorded change. Every name is checked to be a plain identifier, so nothing but a name can get in.
 */
public final class SqlNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private SqlNames() {
    }

    public static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not an SQL identifier: " + name);
        }
        return name;
    }

    public static List<String> identifiers(Collection<String> names) {
        return names.stream().map(SqlNames::identifier).toList();
    }

    /** {@code INSERT INTO table (columns) VALUES (?, …) ON CONFLICT (key) DO UPDATE SET …} with checked names. */
    public static String upsert(String table, List<String> columns, List<String> key) {
        List<String> checked = identifiers(columns);
        List<String> updates = checked.stream().filter(column -> !key.contains(column))
                .map(column -> column + " = excluded." + column).toList();
        return "INSERT INTO " + identifier(table) + " (" + String.join(", ", checked) + ") VALUES ("
                + String.join(", ", checked.stream().map(column -> "?").toList()) + ") ON CONFLICT ("
                + String.join(", ", identifiers(key)) + ") DO "
                + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", updates));
    }
}
