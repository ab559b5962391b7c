package org.divergence.store.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.divergence.core.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored content digests (docs/decisions/0136): kept by the tables' triggers and the writes' settling whatever
 * writes, in parts by key (rowid tables and tables without rowid), made for every table when an older project is
 * migrated, and checked against the rows; the checksum they give is the one the rows give.
 */
class ContentDigestsTest {

    @TempDir
    Path folder;

    @Test
    void everyWriteKeepsThePartsItTouchedAndOnlyThose() {
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            write(project, "INSERT INTO crawl (id, platform, repo_type, api_url, request, description, state,"
                    + " created_at, updated_at) VALUES (1, 'github', 'code', 'u', '{}', 'd', 'running', 't', 't')",
                    "WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < 2999)"
                            + " INSERT INTO crawl_item (crawl_id, position, name) SELECT 1, x, 'o/r' || x FROM n",
                    "INSERT INTO code (id, guid, name) VALUES (1, 'g1', 'Licensing'), (1500, 'g2', 'Funding')");
            assertKept(project);
            // A rowid table in parts of 1,024 ids; a table without rowid by its first key and blocks of its second.
            assertEquals(List.of("code|0|0|1", "code|1|0|1", "crawl|0|0|1", "crawl_item|1|0|1024",
                    "crawl_item|1|1|1024", "crawl_item|1|2|952"), rows(project, "SELECT table_name, part_a, part_b,"
                    + " rows FROM content_digest ORDER BY 1, 2, 3"));
            List<String> before = rows(project, "SELECT table_name, part_a, part_b, hex(sha256) FROM content_digest"
                    + " ORDER BY 1, 2, 3");
            String checksum = ProjectChecksum.of(project, Progress.NONE);

            write(project, "UPDATE crawl_item SET state = 'done' WHERE crawl_id = 1 AND position = 2000");
            assertKept(project);
            List<String> after = rows(project, "SELECT table_name, part_a, part_b, hex(sha256) FROM content_digest"
                    + " ORDER BY 1, 2, 3");
            List<String> changed = new ArrayList<>(after);
            changed.removeAll(before);
            assertEquals(1, changed.size(), "only the changed part: " + changed);
            assertTrue(changed.getFirst().startsWith("crawl_item|1|1|"), changed.getFirst());
            assertNotEquals(checksum, ProjectChecksum.of(project, Progress.NONE));

            // Taking the change back gives the same digests and checksum; so does a cascade removing all items.
            write(project, "UPDATE crawl_item SET state = 'pending' WHERE crawl_id = 1 AND position = 2000");
            assertEquals(before, rows(project, "SELECT table_name, part_a, part_b, hex(sha256) FROM content_digest"
                    + " ORDER BY 1, 2, 3"));
            assertEquals(checksum, ProjectChecksum.of(project, Progress.NONE));
            write(project, "DELETE FROM crawl WHERE id = 1");
            assertKept(project);
            assertEquals(List.of("code|0|0|1", "code|1|0|1"), rows(project, "SELECT table_name, part_a, part_b,"
                    + " rows FROM content_digest ORDER BY 1, 2, 3"));
            assertEquals(List.of("0"), rows(project, "SELECT count(*) FROM content_dirty"));
        }
    }

    @Test
    void changesMadeOutsideTheAppAreRecomputedByTheChecksumAndSettledByTheNextWrite() throws SQLException {
        Path file = folder.resolve("outside.divergence");
        try (Project project = Project.create(file)) {
            write(project, "INSERT INTO code (id, guid, name) VALUES (1, 'g1', 'Licensing')");
        }
        try (Connection shell = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = shell.createStatement()) {
            statement.execute("UPDATE code SET name = 'Licences' WHERE id = 1");
        }
        try (Project project = Project.open(file)) {
            assertEquals(List.of("code|0|0"), rows(project, "SELECT * FROM content_dirty"));
            assertEquals(project.read(c -> ProjectChecksum.fromRows(c, Progress.NONE)),
                    ProjectChecksum.of(project, Progress.NONE));
            assertEquals(List.of(), project.read(ContentDigests::check), "a noted part is no difference");
            write(project, "INSERT INTO coder (guid, name) VALUES ('c', 'Ana')");
            assertEquals(List.of("0"), rows(project, "SELECT count(*) FROM content_dirty"));
            assertKept(project);
        }
    }

    @Test
    void theCheckFindsDigestsThatDoNotMatchTheRows() throws SQLException {
        Path file = folder.resolve("tampered.divergence");
        try (Project project = Project.create(file)) {
            write(project, "INSERT INTO code (id, guid, name) VALUES (1, 'g1', 'Licensing')",
                    "INSERT INTO coder (id, guid, name) VALUES (1, 'c', 'Ana')");
        }
        try (Connection shell = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = shell.createStatement()) {
            statement.execute("UPDATE content_digest SET sha256 = zeroblob(32) WHERE table_name = 'coder'");
            // A write that got past the triggers, and a row no part was ever made for.
            statement.execute("DROP TRIGGER content_code_update");
            statement.execute("UPDATE code SET name = 'Licences' WHERE id = 1");
            statement.execute("DROP TRIGGER content_code_insert");
            statement.execute("INSERT INTO code (id, guid, name) VALUES (5000, 'g5', 'Funding')");
        }
        try (Project project = Project.open(file)) {
            List<String> differences = project.read(ContentDigests::check);
            assertEquals(5, differences.size(), differences.toString());
            assertTrue(differences.get(0).startsWith("code: no trigger notes its changes on insert"), differences.get(0));
            assertTrue(differences.get(1).startsWith("code: no trigger notes its changes on update"), differences.get(1));
            assertTrue(differences.get(2).startsWith("code part [0, 0]: stored (0, 0): 1 rows, "), differences.get(2));
            assertTrue(differences.get(3).startsWith("code part [4, 0]: no digest stored, rows give (4, 0): 1 rows"),
                    differences.get(3));
            assertTrue(differences.get(4).startsWith("coder part [0, 0]: stored (0, 0): 1 rows, 0000"),
                    differences.get(4));
        }
    }

    @Test
    void aMigratedProjectGetsTheDigestsOfAllItsTablesAndKeepsItsChecksum() throws SQLException {
        Path file = folder.resolve("v12.divergence");
        String checksum;
        try (Project project = Project.create(file)) {
            write(project, "INSERT INTO import_batch (id, source_name, format, imported_at) VALUES (1, 'f', 'csv', 't')",
                    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2500)"
                            + " INSERT INTO repository (platform, repo_type, full_name, stars, batch_id)"
                            + " SELECT 'github', 'code', 'o/r' || x, x, 1 FROM n",
                    "INSERT INTO interview_case (id, guid, name) VALUES (1, 'k', 'Case 1')",
                    "INSERT INTO case_attribute (id, guid, name) VALUES (1, 'a', 'Role')",
                    "INSERT INTO case_attribute_value (case_id, attribute_id, value) VALUES (1, 1, 'maintainer')");
            checksum = ProjectChecksum.of(project, Progress.NONE);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            ProjectTest.dropVersion13(connection);
            statement.execute("DELETE FROM schema_version WHERE version >= 13");
            statement.execute("PRAGMA user_version = 12");
        }
        try (Project project = Project.open(file)) {
            assertEquals(Migrations.newestVersion(), project.schemaVersion());
            assertEquals(List.of("case_attribute|1", "case_attribute_value|1", "import_batch|1", "interview_case|1",
                    "repository|3"), rows(project, "SELECT table_name, count(*) FROM content_digest GROUP BY 1"));
            assertKept(project);
            assertEquals(checksum, ProjectChecksum.of(project, Progress.NONE));
        }
    }

    private static void assertKept(Project project) {
        assertEquals(List.of(), project.read(ContentDigests::check));
        assertEquals(project.read(c -> ProjectChecksum.fromRows(c, Progress.NONE)),
                ProjectChecksum.of(project, Progress.NONE));
    }

    private static void write(Project project, String... statements) {
        project.write(EnumSet.noneOf(DataArea.class), connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }

    private static List<String> rows(Project project, String sql) {
        return project.read(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(rs.getString(i));
                    }
                    rows.add(String.join("|", values));
                }
            }
            return rows;
        });
    }
}
