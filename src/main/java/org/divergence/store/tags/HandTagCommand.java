package org.divergence.store.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.undo.UndoableCommand;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * Tagging repositories by hand with a code, or taking such tags off, undoable exactly: the rows it adds or removes
 * are remembered compactly (id, repository, time: about 24 bytes each) and come back with the same ids and times.
 * Tags given by rules are not touched.
 */
public final class HandTagCommand implements UndoableCommand {

    private final Project project;
    private final boolean adding;
    private final long codeId;
    private final long[] repositoryIds;
    private final String description;
    private long[] rowIds = new long[0];
    private long[] rowRepositories = new long[0];
    private String[] rowTimes = new String[0];
    private boolean executed;

    HandTagCommand(Project project, boolean adding, long codeId, long[] repositoryIds, String description) {
        this.project = project;
        this.adding = adding;
        this.codeId = codeId;
        this.repositoryIds = Arrays.stream(repositoryIds).distinct().sorted().toArray();
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    /** How many repositories gained (or lost) the tag: those that already had it (or lacked it) do not count. */
    public int changed() {
        return rowIds.length;
    }

    @Override
    public void execute() {
        if (executed) {
            throw new IllegalStateException("\"" + description + "\" was already executed");
        }
        project.write(TagRules.TAGS, connection -> {
            TagRules.requireCode(connection, codeId);
            fillIds(connection, repositoryIds);
            if (adding) {
                requireRepositories(connection);
                tagNew(connection);
            } else {
                untagExisting(connection);
            }
            clearIds(connection);
            return null;
        });
        executed = true;
    }

    @Override
    public void undo() {
        project.write(TagRules.TAGS, connection -> {
            if (adding) {
                removeRecorded(connection);
            } else {
                restoreRecorded(connection);
            }
            return null;
        });
    }

    @Override
    public void redo() {
        project.write(TagRules.TAGS, connection -> {
            if (adding) {
                restoreRecorded(connection);
            } else {
                removeRecorded(connection);
            }
            return null;
        });
    }

    private void tagNew(Connection connection) throws SQLException {
        long maxBefore;
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT ifnull(max(id), 0) FROM repository_tag"));
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            maxBefore = rs.getLong(1);
        }
        String now = Instant.now().toString();
        try (PreparedStatement insert = Sql.prepare(connection, SqlText.of("INSERT INTO repository_tag (repository_id,"
                + " code_id, source, rule_id, created_at) SELECT t.id, ?, 'manual', NULL, ? FROM temp.tag_ids t"
                + " WHERE NOT EXISTS (SELECT 1 FROM repository_tag r WHERE r.code_id = ? AND r.source = 'manual'"
                + " AND r.repository_id = t.id) ORDER BY t.id"))) {
            insert.setLong(1, codeId);
            insert.setString(2, now);
            insert.setLong(3, codeId);
            insert.executeUpdate();
        }
        // Row ids only grow (INTEGER PRIMARY KEY): the rows above the old maximum are exactly the ones just added.
        record(connection,
                SqlText.of("SELECT id, repository_id, created_at FROM repository_tag WHERE id > ? ORDER BY id"),
                maxBefore);
    }

    private void untagExisting(Connection connection) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection, SqlText.of("SELECT id, repository_id, created_at FROM"
                + " repository_tag WHERE code_id = ? AND source = 'manual' AND repository_id IN (SELECT id FROM"
                + " temp.tag_ids) ORDER BY id"))) {
            select.setLong(1, codeId);
            read(select);
        }
        deleteRows(connection);
    }

    private void record(Connection connection, SqlText sql, long parameter) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection, sql)) {
            select.setLong(1, parameter);
            read(select);
        }
    }

    private void read(PreparedStatement select) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        List<String> times = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            String lastTime = null;
            while (rs.next()) {
                rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                String time = rs.getString(3);
                // Rows tagged together share their time: keep one string for them.
                lastTime = time.equals(lastTime) ? lastTime : time;
                times.add(lastTime);
            }
        }
        rowIds = rows.stream().mapToLong(row -> row[0]).toArray();
        rowRepositories = rows.stream().mapToLong(row -> row[1]).toArray();
        rowTimes = times.toArray(String[]::new);
    }

    /** Takes the recorded rows out, after checking they are all still there as recorded. */
    private void removeRecorded(Connection connection) throws SQLException {
        fillIds(connection, rowIds);
        long present;
        try (PreparedStatement count = Sql.prepare(connection,
                SqlText.of("SELECT count(*) FROM repository_tag WHERE id IN (SELECT id FROM temp.tag_ids) AND code_id ="
                        + " ? AND source = 'manual'"))) {
            count.setLong(1, codeId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                present = rs.getLong(1);
            }
        }
        clearIds(connection);
        if (present != rowIds.length) {
            throw changedOutside();
        }
        deleteRows(connection);
    }

    /** Puts the recorded rows back with their ids and times, after checking nothing took their place. */
    private void restoreRecorded(Connection connection) throws SQLException {
        TagRules.requireCode(connection, codeId);
        try (PreparedStatement insert = Sql.prepare(connection,
                SqlText.of("INSERT INTO repository_tag (id, repository_id, code_id, source, rule_id, created_at) VALUES"
                        + " (?, ?, ?, 'manual', NULL, ?)"))) {
            for (int i = 0; i < rowIds.length; i++) {
                insert.setLong(1, rowIds[i]);
                insert.setLong(2, rowRepositories[i]);
                insert.setLong(3, codeId);
                insert.setString(4, rowTimes[i]);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            // A row with the same id or the same tag exists, or the repository is gone.
            throw changedOutside();
        }
    }

    private void deleteRows(Connection connection) throws SQLException {
        try (PreparedStatement delete = Sql.prepare(connection,
                SqlText.of("DELETE FROM repository_tag WHERE id = ?"))) {
            for (long id : rowIds) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private void requireRepositories(Connection connection) throws SQLException {
        long found;
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT count(*) FROM repository WHERE id IN (SELECT id FROM temp.tag_ids)"));
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            found = rs.getLong(1);
        }
        if (found != repositoryIds.length) {
            throw new InvalidInputException((repositoryIds.length - found) + " of the " + repositoryIds.length
                    + " repositories no longer exist in the project (an import batch was removed?); nothing was"
                    + " tagged.");
        }
    }

    private static void fillIds(Connection connection, long[] ids) throws SQLException {
        Sql.execute(connection, SqlText.of("CREATE TEMP TABLE IF NOT EXISTS tag_ids (id INTEGER PRIMARY KEY)"));
        Sql.execute(connection, SqlText.of("DELETE FROM temp.tag_ids"));
        try (PreparedStatement insert = Sql.prepare(connection,
                SqlText.of("INSERT OR IGNORE INTO temp.tag_ids (id) VALUES (?)"))) {
            for (long id : ids) {
                insert.setLong(1, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void clearIds(Connection connection) throws SQLException {
        Sql.execute(connection, SqlText.of("DELETE FROM temp.tag_ids"));
    }

    private InvalidInputException changedOutside() {
        return new InvalidInputException("Cannot take back \"" + description + "\": the tags it changed were"
                + " changed since by something outside the undo history (a removed import, another program).");
    }
}
