package org.divergence.core.collect;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.divergence.core.common.InvalidInputException;

/**
 * What {@code collect clickhouse} asks a ClickHouse server for: the per-repository aggregation of a GH Archive
 * {@code github_events} table over a window of days, split into shards. Stored with the collection so that a resumed
 * one runs the same queries. Never holds a password: only the name of the environment variable it came from.
 *
 * @param serverUrl        the server's HTTP(S) base URL without user name, password, query or fragment
 * @param from             the window's first day (UTC, from 00:00:00)
 * @param to               the window's last day (UTC, to its end: events at or after the next midnight never count)
 * @param passwordVariable the environment variable holding the password, or null (no password, or typed in a dialog)
 */
public record ClickHouseRequest(String serverUrl, String user, String database, String table, LocalDate from,
                                LocalDate to, int shards, String passwordVariable) {

    public static final String DEFAULT_USER = "default";
    public static final String DEFAULT_DATABASE = "default";
    public static final String DEFAULT_TABLE = "github_events";
    /**
     * The default window starts where the BigQuery query of docs/scale.md starts: GH Archive's events before 2015
     * come from GitHub's older Timeline API, whose payloads differ.
     */
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2015, 1, 1);
    /** The last day before GitHub trimmed event payloads (no push sizes from 2025-10-07 on). */
    public static final LocalDate LAST_FULL_PAYLOAD_DAY = LocalDate.of(2025, 10, 6);
    public static final int DEFAULT_SHARDS = 16;
    public static final int MAX_SHARDS = 4096;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern USER = Pattern.compile("[^\\s\\p{Cntrl}]{1,128}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final LocalDate EPOCH = LocalDate.of(1970, 1, 1);

    public ClickHouseRequest {
        Objects.requireNonNull(serverUrl);
        user = user == null || user.isBlank() ? DEFAULT_USER : user.strip();
        database = database == null || database.isBlank() ? DEFAULT_DATABASE : database.strip();
        table = table == null || table.isBlank() ? DEFAULT_TABLE : table.strip();
        from = from == null ? DEFAULT_FROM : from;
        to = to == null ? LAST_FULL_PAYLOAD_DAY : to;
        if (!USER.matcher(user).matches()) {
            throw new InvalidInputException("user \"" + user + "\": a ClickHouse user name has no spaces or control"
                    + " characters");
        }
        // Names go into the SQL text, so only plain identifiers are accepted (no quoting games).
        requireIdentifier("database", database);
        requireIdentifier("table", table);
        if (from.isBefore(EPOCH)) {
            throw new InvalidInputException("the window's first day, " + from + ", is before 1970-01-01, where"
                    + " ClickHouse times start");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("the window ends (" + to + ") before it starts (" + from + ")");
        }
        if (to.isAfter(LAST_FULL_PAYLOAD_DAY)) {
            throw new InvalidInputException("the window's last day, " + to + ", is too late: it must be "
                    + LAST_FULL_PAYLOAD_DAY + " or earlier. From 2025-10-07 on GitHub's event payloads carry no push"
                    + " sizes (and fewer pull-request fields), so commits and merged pull requests would be"
                    + " undercounted; see docs/scale.md");
        }
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new InvalidInputException("shards: " + shards + " is not between 1 and " + MAX_SHARDS);
        }
        if (passwordVariable != null && !VARIABLE.matcher(passwordVariable).matches()) {
            throw new InvalidInputException("password variable \"" + passwordVariable + "\" is not an environment"
                    + " variable name");
        }
    }

    private static void requireIdentifier(String what, String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new InvalidInputException(what + " \"" + name + "\": a plain ClickHouse name is expected (letters,"
                    + " digits and _, not starting with a digit)");
        }
    }

    /** {@code database.table}, as the SQL names it. */
    public String qualifiedTable() {
        return database + "." + table;
    }

    /** The first moment after the window: midnight (UTC) after its last day. */
    public LocalDate endExclusive() {
        return to.plusDays(1);
    }

    /**
     * The same queries, on the same server, as the same user: a collection with these is continued rather than
     * started again (how the password is given does not matter).
     */
    public boolean sameQueries(ClickHouseRequest other) {
        return serverUrl.equals(other.serverUrl) && user.equals(other.user) && database.equals(other.database)
                && table.equals(other.table) && from.equals(other.from) && to.equals(other.to)
                && shards == other.shards;
    }

    /** "default.github_events on https://play.clickhouse.com/, 2015-01-01 to 2025-10-06, 16 shards". */
    public String describe() {
        return qualifiedTable() + " on " + serverUrl + ", " + from + " to " + to + ", " + shards
                + (shards == 1 ? " shard" : " shards");
    }
}
