package org.divergence.store.undo;

import java.util.List;
import org.divergence.store.project.SqlText;

/**
 * The tables whose rows undoable commands change, in the order their rows are restored (parents before children).
 * Every table is keyed by its primary key columns. Public so that other features' stores can record their own rows
 * through {@link ChangeRecorder}; the descriptors themselves stay package-private.
 */
public enum Tables {
    CODER("coder", "id"),
    CASE("interview_case", "id"),
    ATTRIBUTE("case_attribute", "id"),
    TRANSCRIPT("transcript", "id"),
    CODE("code", "id"),
    CODING("coding", "id"),
    MEMO("memo", "id"),
    CODING_ORIGIN("coding_origin", "coding_id"),
    ATTRIBUTE_VALUE("case_attribute_value", "case_id", "attribute_id"),
    TAG_RULE("tag_rule", "id"),
    REPOSITORY_TAG("repository_tag", "id"),
    EVIDENCE_LINK("evidence_link", "id"),
    INTERPRETATION("interpretation", "id"),
    CUSTOM_METRIC("custom_metric", "id");

    /** A child table's rows that ON DELETE CASCADE removes with a parent row: those {@code where} selects by its id. */
    record Cascade(Tables child, SqlText where) {
    }

    final SqlText table;
    final List<String> key;

    Tables(String table, String... key) {
        this.table = SqlText.identifier(table);
        this.key = List.of(key);
    }

    /**
     * The rows deleting a row of this table cascades to, that commands do not touch themselves: touching a row
     * touches these too, so every command that deletes codes or codings restores their evidence links on undo.
     */
    List<Cascade> cascades() {
        return switch (this) {
            case CODE -> List.of(new Cascade(EVIDENCE_LINK, SqlText.of("code_id = ?")));
            case CODING -> List.of(new Cascade(EVIDENCE_LINK, SqlText.of("coding_id = ?")),
                    new Cascade(CODING_ORIGIN, SqlText.of("coding_id = ?")));
            default -> List.of();
        };
    }

    /** "id = ?" or "case_id = ? AND attribute_id = ?": the condition that selects one row by its key. */
    SqlText whereKey() {
        return SqlText.join(SqlText.of(" AND "),
                key.stream().map(column -> SqlText.identifier(column).append(SqlText.of(" = ?"))).toList());
    }
}
