package org.divergence.io.coding;

import java.util.List;

/**
 * The tables whose rows coding commands change, in the order their rows are restored (parents before children).
 * Every table is keyed by its primary key columns.
 */
public enum Tables {
    CODER("coder", "id"),
    CASE("interview_case", "id"),
    ATTRIBUTE("case_attribute", "id"),
    TRANSCRIPT("transcript", "id"),
    CODE("code", "id"),
    CODING("coding", "id"),
    MEMO("memo", "id"),
    ATTRIBUTE_VALUE("case_attribute_value", "case_id", "attribute_id"),
    TAG_RULE("tag_rule", "id"),
    REPOSITORY_TAG("repository_tag", "id");

    final String table;
    final List<String> key;

    Tables(String table, String... key) {
        this.table = table;
        this.key = List.of(key);
    }

    String whereKey() {
        return String.join(" AND ", key.stream().map(column -> column + " = ?").toList());
    }
}
