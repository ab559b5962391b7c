package org.divergence.store.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.tags.RuleParser;
import org.divergence.core.undo.UndoableCommand;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * Adding, changing or removing a tag rule, undoable exactly: the rule row comes back with its id and time, and its
 * tags are derived again by applying it (they are not kept in the history: a rule may tag millions of rows).
 */
public final class RuleCommand implements UndoableCommand {

    /** A rule row as stored. */
    private record Row(long id, long codeId, String expression, String createdAt) {
    }

    private enum Kind { ADD, UPDATE, REMOVE }

    private final Project project;
    private final Kind kind;
    private final String description;
    private final long requestedId;
    private final long requestedCodeId;
    private final String requestedExpression;
    private Row before;
    private Row after;
    private boolean executed;

    private RuleCommand(Project project, Kind kind, String description, long ruleId, long codeId,
                        String expression) {
        this.project = project;
        this.kind = kind;
        this.description = description;
        this.requestedId = ruleId;
        this.requestedCodeId = codeId;
        this.requestedExpression = expression;
    }

    static RuleCommand add(Project project, long codeId, String expression) {
        return new RuleCommand(project, Kind.ADD, "add tag rule \u201C" + expression + "\u201D", -1, codeId,
                expression);
    }

    static RuleCommand update(Project project, long ruleId, String expression) {
        return new RuleCommand(project, Kind.UPDATE, "change tag rule " + ruleId + " to \u201C" + expression
                + "\u201D", ruleId, -1, expression);
    }

    static RuleCommand remove(Project project, long ruleId) {
        return new RuleCommand(project, Kind.REMOVE, "remove tag rule " + ruleId, ruleId, -1, null);
    }

    @Override
    public String description() {
        return description;
    }

    /** The rule's id (of the new rule, after adding). */
    public long ruleId() {
        return after != null ? after.id() : before != null ? before.id() : requestedId;
    }

    /** How many repositories the rule tags after the change (0 after removing). */
    public long matches() {
        return after == null ? 0 : project.read(connection -> count(connection, after.id()));
    }

    @Override
    public void execute() {
        if (executed) {
            throw new IllegalStateException("\"" + description + "\" was already executed");
        }
        project.write(TagRules.TAGS, connection -> {
            switch (kind) {
                case ADD -> {
                    String now = Instant.now().toString();
                    after = new Row(insert(connection, requestedCodeId, requestedExpression, now), requestedCodeId,
                            requestedExpression, now);
                    applyRule(connection, after, now);
                }
                case UPDATE -> {
                    before = read(connection, requestedId);
                    if (before == null) {
                        throw gone(requestedId);
                    }
                    after = new Row(before.id(), before.codeId(), requestedExpression, before.createdAt());
                    set(connection, before, after);
                }
                case REMOVE -> {
                    before = read(connection, requestedId);
                    if (before == null) {
                        throw gone(requestedId);
                    }
                    set(connection, before, null);
                }
            }
            return null;
        });
        executed = true;
    }

    @Override
    public void undo() {
        project.write(TagRules.TAGS, connection -> {
            restore(connection, after, before);
            return null;
        });
    }

    @Override
    public void redo() {
        project.write(TagRules.TAGS, connection -> {
            restore(connection, before, after);
            return null;
        });
    }

    /** Checks the rule is still as this command left it, then turns it into {@code target}. */
    private void restore(Connection connection, Row expected, Row target) throws SQLException {
        long id = expected != null ? expected.id() : target.id();
        Row current = read(connection, id);
        if (!Objects.equals(current, expected)) {
            throw new InvalidInputException("Cannot take back \"" + description + "\": the rule was changed since"
                    + " by something outside the undo history.");
        }
        set(connection, current, target);
    }

    /** Turns the rule from {@code current} into {@code target} (either may be absent) and applies it. */
    private static void set(Connection connection, Row current, Row target) throws SQLException {
        if (target == null) {
            try (PreparedStatement delete = Sql.prepare(connection, SqlText.of("DELETE FROM tag_rule WHERE id = ?"))) {
                delete.setLong(1, current.id());
                delete.executeUpdate();
            }
            return;
        }
        if (current == null) {
            TagRules.requireCode(connection, target.codeId());
            try (PreparedStatement insert = Sql.prepare(connection,
                    SqlText.of("INSERT INTO tag_rule (id, code_id, expression, created_at) VALUES (?, ?, ?, ?)"))) {
                insert.setLong(1, target.id());
                insert.setLong(2, target.codeId());
                insert.setString(3, target.expression());
                insert.setString(4, target.createdAt());
                insert.executeUpdate();
            }
        } else if (!current.equals(target)) {
            try (PreparedStatement update = Sql.prepare(connection,
                    SqlText.of("UPDATE tag_rule SET expression = ? WHERE id = ?"))) {
                update.setString(1, target.expression());
                update.setLong(2, target.id());
                update.executeUpdate();
            }
        }
        applyRule(connection, target, Instant.now().toString());
    }

    /** Stores a new rule for the code (which must exist); returns its id. */
    static long insert(Connection connection, long codeId, String expression, String createdAt)
            throws SQLException {
        TagRules.requireCode(connection, codeId);
        try (PreparedStatement insert = Sql.prepare(connection,
                SqlText.of("INSERT INTO tag_rule (code_id, expression, created_at) VALUES (?, ?, ?)"))) {
            insert.setLong(1, codeId);
            insert.setString(2, expression);
            insert.setString(3, createdAt);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Derives the rule's tags afresh (all repositories); the rule is then no longer pending. */
    private static void applyRule(Connection connection, Row rule, String now) throws SQLException {
        applyRule(connection, rule.id(), rule.codeId(), rule.expression(), now);
    }

    static void applyRule(Connection connection, long ruleId, long codeId, String expression, String now)
            throws SQLException {
        TagRules.apply(connection, ruleId, codeId, RuleParser.parse(expression), RepositoryScope.ALL, now);
        try (PreparedStatement done = Sql.prepare(connection,
                SqlText.of("DELETE FROM tag_rule_pending WHERE rule_id = ?"))) {
            done.setLong(1, ruleId);
            done.executeUpdate();
        }
    }

    private static Row read(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT id, code_id, expression, created_at FROM tag_rule WHERE id = ?"))) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)) : null;
            }
        }
    }

    private static long count(Connection connection, long ruleId) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT count(*) FROM repository_tag WHERE code_id = (SELECT code_id FROM tag_rule WHERE id"
                        + " = ?1) AND source = 'rule' AND coalesce(rule_id, 0) = ?1"))) {
            statement.setLong(1, ruleId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static InvalidInputException gone(long id) {
        return new InvalidInputException("There is no tag rule " + id + "; `tag --list` shows the rules");
    }
}
