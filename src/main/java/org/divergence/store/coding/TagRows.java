package org.divergence.store.coding;

import java.sql.Connection;
import java.sql.SQLException;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ChangeRecorder;
import org.divergence.store.undo.Tables;

/**
 * What deleting or merging a code does to the repository tags it is used as (docs/tags.md), recorded for exact
 * undo. Hand-given tags and rules are recorded rows; tags given by rules are derived data and are not: they follow
 * their rule's code by a trigger, and a rule brought back by undo is applied again (schema V4).
 */
final class TagRows {

    private TagRows() {
    }

    /** Before a code is deleted: its rules and hand-given tags, which the deletion removes by cascade. */
    static void touchForDelete(ChangeRecorder recorder, long codeId) throws SQLException {
        recorder.touchWhere(Tables.TAG_RULE, SqlText.of("code_id = ?"), codeId);
        recorder.touchWhere(Tables.REPOSITORY_TAG, SqlText.of("code_id = ? AND source = 'manual'"), codeId);
    }

    /**
     * Moves the source code's rules and hand-given tags to the target: a repository the target already tags by hand
     * loses the duplicate; the rules' tags follow their rules.
     */
    static void merge(Connection connection, ChangeRecorder recorder, long sourceId, long targetId)
            throws SQLException {
        touchForDelete(recorder, sourceId);
        Sql.update(connection,
                SqlText.of("DELETE FROM repository_tag WHERE code_id = ? AND source = 'manual' AND EXISTS (SELECT"
                        + " 1 FROM repository_tag t WHERE t.code_id = ? AND t.source = 'manual' AND t.repository_id ="
                        + " repository_tag.repository_id)"), sourceId, targetId);
        Sql.update(connection,
                SqlText.of("UPDATE repository_tag SET code_id = ? WHERE code_id = ? AND source = 'manual'"),
                targetId, sourceId);
        Sql.update(connection, SqlText.of("UPDATE tag_rule SET code_id = ? WHERE code_id = ?"), targetId, sourceId);
    }
}
