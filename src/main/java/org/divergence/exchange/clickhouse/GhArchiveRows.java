package org.divergence.exchange.clickhouse;

import java.util.regex.Pattern;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.CanonicalValues;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.RowProblem;

/**
 * Reads the lines of {@link GhArchiveQuery}'s answer (TabSeparatedWithNames). A line that is not shaped like a
 * result row (the error text a server appends after its rows, on every version) is told apart from a row whose
 * values break a rule of the canonical sample (set aside by the caller).
 */
public final class GhArchiveRows {

    private static final int FIELDS = CanonicalColumns.ALL.size();
    private static final String NULL = "\\N";
    /** The server's default DateTime text, which every version writes for {@code toString(dt, 'UTC')}. */
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    private GhArchiveRows() {
    }

    /** True when {@code line} is the header the query asks for. */
    public static boolean isHeader(String line) {
        return GhArchiveQuery.HEADER.equals(line);
    }

    /**
     * The row of one line; null when the line is not a result row at all (the caller ends the answer there). Throws
     * {@link RowProblem} for a row whose values do not fit the canonical sample.
     */
    public static RepositoryRow parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS || !fields[0].equals("github") || !fields[1].equals("code")
                || !DATE_TIME.matcher(fields[3]).matches()) {
            return null;
        }
        String name = CanonicalValues.fullName(unescape(fields[2]), Platform.GITHUB);
        RepositoryRow row = new RepositoryRow(Platform.GITHUB, RepoType.CODE, name);
        row.createdAt(CanonicalValues.createdAt(fields[3].replace(' ', 'T') + "Z", Platform.GITHUB));
        CountColumn[] counts = CountColumn.values();
        for (int i = 0; i < counts.length; i++) {
            String cell = fields[4 + i];
            if (!cell.equals(NULL)) {
                row.count(counts[i], CanonicalValues.count(cell, counts[i].column()));
            }
        }
        CanonicalValues.checkConsistency(row);
        return row;
    }

    /** TabSeparated's escapes: backslash before b, f, r, n, t, 0, ', \ (and any other character, kept as is). */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i == text.length() - 1) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            out.append(switch (next) {
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'r' -> '\r';
                case 'n' -> '\n';
                case 't' -> '\t';
                case '0' -> '\0';
                default -> next;
            });
        }
        return out.toString();
    }
}
