package org.divergence.store.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.tags.RuleExpression;
import org.divergence.core.tags.RuleParser;
import org.divergence.core.tags.TagRule;
import org.divergence.store.expressions.RuleSql;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.repositories.RepositoryRefs;

/**
 * Saved tag rules and their application. A rule's tags are stored rows (source 'rule'), kept up to date: when the
 * rule is saved or changed (all repositories), after every import (the repositories it added or updated, inside the
 * import's transaction), and for each repository live collection stores (inside that repository's transaction).
 * Applying is incremental: rows of repositories that no longer match go, missing ones are added, the rest stay.
 */
public final class TagRules {

    static final Set<DataArea> TAGS = EnumSet.of(DataArea.TAGS);

    private TagRules() {
    }

    /** Every rule with the number of repositories it tags, oldest first (reads only: works read-only too). */
    public static List<TagRule> list(Project project) {
        return project.read(connection -> {
            Map<Long, Boolean> pending = pendingRules(connection);
            List<TagRule> rules = new ArrayList<>();
            for (TagRule rule : list(connection)) {
                // A pending rule's tags are not stored yet: count what it matches.
                rules.add(pending.containsKey(rule.id()) ? new TagRule(rule.id(), rule.codeId(), rule.expression(),
                        rule.createdAt(), matchingIds(connection, rule).length) : rule);
            }
            return rules;
        });
    }

    static List<TagRule> list(Connection connection) throws SQLException {
        List<TagRule> rules = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT r.id, r.code_id, r.expression,"
                + " r.created_at, (SELECT count(*) FROM repository_tag t WHERE t.code_id = r.code_id AND t.source ="
                + " 'rule' AND coalesce(t.rule_id, 0) = r.id) FROM tag_rule r ORDER BY r.id"));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rules.add(new TagRule(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
        }
        return rules;
    }

    /** Rules brought back by undo whose tags are not derived yet; readers evaluate them instead of reading rows. */
    static List<TagRule> pending(Connection connection) throws SQLException {
        Map<Long, Boolean> pending = pendingRules(connection);
        if (pending.isEmpty()) {
            return List.of();
        }
        return list(connection).stream().filter(rule -> pending.containsKey(rule.id())).toList();
    }

    /** The ids of the repositories a rule matches now, ascending. */
    static long[] matchingIds(Connection connection, TagRule rule) throws SQLException {
        RuleSql sql = RuleSql.compile(rule.parsed());
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("SELECT id FROM repository WHERE ").append(sql.condition(), SqlText.of(" ORDER BY id")))) {
            sql.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** How many repositories the rule would tag now; a malformed rule throws with the position of the problem. */
    public static long countMatches(Project project, String expression) {
        RuleSql rule = RuleSql.compile(RuleParser.parse(expression));
        return project.read(connection -> {
            try (PreparedStatement statement = Sql.prepare(connection,
                    SqlText.of("SELECT count(*) FROM repository WHERE ").append(rule.condition()))) {
                rule.bind(statement, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Saves a rule with a fixed creation time and applies it, not undoable: for a project being built (the sample
     * project), so that the same project is built every time.
     */
    public static void addFixed(Project project, long codeId, String expression, String createdAt) {
        String text = RuleParser.parse(expression).text();
        project.write(TAGS, connection -> {
            long id = RuleCommand.insert(connection, codeId, text, createdAt);
            RuleCommand.applyRule(connection, id, codeId, text, createdAt);
            return null;
        });
    }

    /** Saves a rule for the code and applies it to every repository (undoable; undo removes its tags too). */
    public static RuleCommand add(Project project, long codeId, String expression) {
        RuleExpression parsed = RuleParser.parse(expression);
        return RuleCommand.add(project, codeId, parsed.text());
    }

    /** Changes a rule's expression and applies it again (undoable). */
    public static RuleCommand update(Project project, long ruleId, String expression) {
        RuleExpression parsed = RuleParser.parse(expression);
        return RuleCommand.update(project, ruleId, parsed.text());
    }

    /** Removes a rule and the tags only it gave (undoable). */
    public static RuleCommand remove(Project project, long ruleId) {
        return RuleCommand.remove(project, ruleId);
    }

    /** Applies every rule to every repository again; returns the rows added and removed. */
    public static long[] reapplyAll(Project project) {
        return project.write(TAGS, TagRules::reapplyAll);
    }

    /** {@link #reapplyAll(Project)} inside the caller's transaction. */
    public static long[] reapplyAll(Connection connection) throws SQLException {
        return applyAll(connection, RepositoryScope.ALL);
    }

    /**
     * Applies the rules to the repositories the batches added or updated, inside the caller's transaction: how an
     * import keeps tags in step with what it stored.
     */
    public static void applyToBatches(Connection connection, List<Long> batchIds) throws SQLException {
        applyAll(connection, RepositoryScope.batches(batchIds));
    }

    /**
     * Applies the rules to one repository, inside the caller's transaction: how live collection keeps the tags of a
     * repository it stores in step with it.
     */
    public static void applyToRepository(Connection connection, RepositoryRef repository) throws SQLException {
        Optional<RepositoryRefs.Found> found = RepositoryRefs.find(connection, repository);
        if (found.isPresent()) {
            applyAll(connection, RepositoryScope.repository(found.get().id()));
        }
    }

    /**
     * Applies rules that came back through undo (of a code's deletion) and wait to be applied; a cheap check when
     * there are none. The GUI calls it when the codebook changes, and commands that write before they tag; readers
     * need not (they evaluate pending rules themselves), so reading never writes.
     */
    public static boolean applyPendingIfAny(Project project) {
        boolean pending = project.read(connection -> {
            try (PreparedStatement statement = Sql.prepare(connection,
                    SqlText.of("SELECT 1 FROM tag_rule_pending LIMIT 1"));
                 ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        });
        if (pending) {
            project.write(TAGS, connection -> {
                applyPending(connection);
                return null;
            });
        }
        return pending;
    }

    /** Every rule on the scope, and pending rules on all repositories; returns {added, removed}. */
    static long[] applyAll(Connection connection, RepositoryScope scope) throws SQLException {
        long[] total = new long[2];
        List<TagRule> rules = list(connection);
        if (rules.isEmpty()) {
            return total;
        }
        Map<Long, Boolean> pending = pendingRules(connection);
        String now = Instant.now().toString();
        RepositoryScope found = scope.materialise(connection);
        try {
            for (TagRule rule : rules) {
                RepositoryScope where = pending.containsKey(rule.id()) ? RepositoryScope.ALL : found;
                long[] changed = apply(connection, rule.id(), rule.codeId(), rule.parsed(), where, now);
                total[0] += changed[0];
                total[1] += changed[1];
            }
        } finally {
            if (scope.byBatch()) {
                RepositoryScope.release(connection);
            }
        }
        clearPending(connection);
        return total;
    }

    static void applyPending(Connection connection) throws SQLException {
        Map<Long, Boolean> pending = pendingRules(connection);
        String now = Instant.now().toString();
        for (TagRule rule : list(connection)) {
            if (pending.containsKey(rule.id())) {
                apply(connection, rule.id(), rule.codeId(), rule.parsed(), RepositoryScope.ALL, now);
            }
        }
        clearPending(connection);
    }

    /** Applies one rule to the repositories of the scope; returns {rows added, rows removed}. */
    static long[] apply(Connection connection, long ruleId, long codeId, RuleExpression expression,
                        RepositoryScope scope, String now) throws SQLException {
        RuleSql rule = RuleSql.compile(expression);
        long removed;
        // Rows of one rule are reached through its code: (code_id, repository_id, source, rule) is the index.
        try (PreparedStatement delete = Sql.prepare(connection, SqlText.of("DELETE FROM repository_tag WHERE"
                + " code_id = ? AND source = 'rule' AND coalesce(rule_id, 0) = ? AND repository_id IN (SELECT id FROM"
                + " repository WHERE ").append(scope.condition(), SqlText.of(" AND NOT coalesce("), rule.condition(),
                SqlText.of(", 0))")))) {
            int index = 1;
            delete.setLong(index++, codeId);
            delete.setLong(index++, ruleId);
            index = bind(delete, index, scope.parameters());
            rule.bind(delete, index);
            removed = delete.executeUpdate();
        }
        long added;
        try (PreparedStatement insert = Sql.prepare(connection, SqlText.of("INSERT INTO repository_tag"
                + " (repository_id, code_id, source, rule_id, created_at) SELECT id, ?, 'rule', ?, ? FROM repository"
                + " WHERE ").append(scope.condition(), SqlText.of(" AND "), rule.condition(), SqlText.of(" AND NOT"
                + " EXISTS (SELECT 1 FROM repository_tag t WHERE t.code_id = ? AND t.repository_id = repository.id"
                + " AND t.source = 'rule' AND coalesce(t.rule_id, 0) = ?) ORDER BY id")))) {
            int index = 1;
            insert.setLong(index++, codeId);
            insert.setLong(index++, ruleId);
            insert.setString(index++, now);
            index = bind(insert, index, scope.parameters());
            index = rule.bind(insert, index);
            insert.setLong(index++, codeId);
            insert.setLong(index, ruleId);
            added = insert.executeUpdate();
        }
        return new long[] {added, removed};
    }

    private static int bind(PreparedStatement statement, int first, List<Object> parameters) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    private static Map<Long, Boolean> pendingRules(Connection connection) throws SQLException {
        Map<Long, Boolean> pending = new HashMap<>();
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT rule_id FROM tag_rule_pending"));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                pending.put(rs.getLong(1), Boolean.TRUE);
            }
        }
        return pending;
    }

    private static void clearPending(Connection connection) throws SQLException {
        Sql.update(connection, SqlText.of("DELETE FROM tag_rule_pending"));
    }

    static void requireCode(Connection connection, long codeId) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection, SqlText.of("SELECT 1 FROM code WHERE id = ?"))) {
            statement.setLong(1, codeId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidInputException("The code no longer exists (it was deleted or merged).");
                }
            }
        }
    }
}
