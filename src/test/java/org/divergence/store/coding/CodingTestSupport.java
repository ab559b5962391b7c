package org.divergence.store.coding;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.divergence.store.project.Project;

/** Dumps the coding tables in full, so tests can check that undo restores exactly (same ids, GUIDs, times). */
public final class CodingTestSupport {

    private CodingTestSupport() {
    }

    public static String dump(Project project) {
        return project.read(connection -> {
            StringBuilder out = new StringBuilder();
            for (String table : List.of("coder", "interview_case", "case_attribute", "case_attribute_value",
                    "code", "coding", "memo", "evidence_link", "interpretation")) {
                out.append("# ").append(table).append('\n');
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<String> values = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            values.add(String.valueOf(rs.getObject(i)));
                        }
                        out.append(String.join("|", values)).append('\n');
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, guid, name, case_id FROM transcript ORDER BY id")) {
                while (rs.next()) {
                    out.append("transcript ").append(rs.getLong(1)).append('|').append(rs.getString(2)).append('|')
                            .append(rs.getString(3)).append('|').append(rs.getObject(4)).append('\n');
                }
            }
            return out.toString();
        });
    }
}
