package org.divergence.store.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.divergence.core.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTest {

    @TempDir
    Path folder;

    @Test
    void createdProjectIsWalWithForeignKeysAndRecordsItsSchemaVersion() throws Exception {
        Path file = folder.resolve("study.divergence");
        try (Project project = Project.create(file)) {
            assertEquals("study", project.name());
            assertEquals(Migrations.newestVersion(), project.schemaVersion());
            assertEquals("wal", project.read(c -> single(c, "PRAGMA journal_mode")));
            assertEquals("1", project.write(EnumSet.noneOf(DataArea.class), c -> single(c, "PRAGMA foreign_keys")));
            assertTrue(project.meta("guid").matches("[0-9a-f-]{36}"));
        }
        try (Project reopened = Project.open(file)) {
            assertEquals(Migrations.newestVersion(), reopened.schemaVersion());
            assertEquals("1", reopened.read(c -> single(c, "SELECT count(*) FROM schema_version WHERE version = 1")));
        }
    }

    @Test
    void writesAreCommittedBeforeWriteReturnsAndVisibleToReaders() {
        Path file = folder.resolve("writes.divergence");
        List<Object> notices = new CopyOnWriteArrayList<>();
        try (Project project = Project.create(file)) {
            project.addChangeListener(notices::add);
            project.write(EnumSet.of(DataArea.CODEBOOK), c -> {
                try (Statement statement = c.createStatement()) {
                    statement.executeUpdate("INSERT INTO code(guid, name) VALUES ('g1', 'Compute requirements')");
                }
                return null;
            });
            assertEquals("1", project.read(c -> single(c, "SELECT count(*) FROM code")));
            assertEquals(List.of(java.util.Set.of(DataArea.CODEBOOK)), notices);
        }
        // A separate connection, as another process would see the file.
        assertEquals("1", rawQuery(file, "SELECT count(*) FROM code"));
    }

    @Test
    void failedWriteIsRolledBackCompletely() {
        Path file = folder.resolve("rollback.divergence");
        try (Project project = Project.create(file)) {
            assertThrows(IllegalStateException.class, () -> project.write(EnumSet.noneOf(DataArea.class), c -> {
                try (Statement statement = c.createStatement()) {
                    statement.executeUpdate("INSERT INTO code(guid, name) VALUES ('g1', 'kept?')");
                }
                throw new IllegalStateException("boom");
            }));
            assertEquals("0", project.read(c -> single(c, "SELECT count(*) FROM code")));
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        Path file = folder.resolve("fk.divergence");
        try (Project project = Project.create(file)) {
            StoreException error = assertThrows(StoreException.class, () -> project.write(
                    EnumSet.noneOf(DataArea.class), c -> {
                        try (Statement statement = c.createStatement()) {
                            return statement.executeUpdate("INSERT INTO coding(guid, transcript_id, code_id, coder_id,"
                                    + " start_cp, end_cp, created_at) VALUES ('x', 99, 99, 99, 0, 1, 'now')");
                        }
                    }));
            assertTrue(error.getMessage().contains("FOREIGN KEY"), error.getMessage());
        }
    }

    @Test
    void textFileIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("notes.divergence");
        Files.writeString(file, "just some notes, not a database\n".repeat(20));
        assertRefusedUntouched(file, "not a Divergence Workbench project (not an SQLite database)");
    }

    @Test
    void emptyFileIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("empty.divergence");
        Files.createFile(file);
        assertRefusedUntouched(file, "not an SQLite database");
    }

    @Test
    void sqliteDatabaseOfAnotherApplicationIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE t(x)");
            statement.executeUpdate("INSERT INTO t VALUES (1)");
        }
        assertRefusedUntouched(file, "an SQLite database of another application");
    }

    @Test
    void projectFromNewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("future.divergence");
        Project.create(file).close();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(60, Migrations.newestVersion() + 5);
        Files.write(file, bytes);
        assertRefusedUntouched(file, "written by a newer version of Divergence Workbench");
    }

    @Test
    void damagedProjectIsRefusedWithAClearMessage() throws Exception {
        Path file = folder.resolve("damaged.divergence");
        Project.create(file).close();
        byte[] bytes = Files.readAllBytes(file);
        // Keep the 100-byte header (so it looks like ours) and scramble every page after it.
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        assertRefusedUntouched(file, "damaged");
    }

    @Test
    void secondWriterIsRefusedWhileTheFirstHasTheProjectOpen() {
        Path file = folder.resolve("shared.divergence");
        try (Project first = Project.create(file)) {
            ProjectInUseException error = assertThrows(ProjectInUseException.class, () -> Project.open(file));
            assertTrue(error.getMessage().contains("already open"), error.getMessage());
            assertTrue(first.schemaVersion() > 0);
        }
        Project.open(file).close();
    }

    @Test
    void theLockFileNamesThisProcessAndThisComputerAsTheResolverKnowsIt() throws Exception {
        Path file = folder.resolve("held.divergence");
        try (Project held = Project.create(file)) {
            String holder = Files.readString(ProjectLock.lockFileOf(file), StandardCharsets.UTF_8);
            // The lock reads the name without a lookup; the resolver's answer is the reference.
            assertEquals(ProcessHandle.current().pid() + "@" + java.net.InetAddress.getLocalHost().getHostName(),
                    holder);
            assertTrue(held.schemaVersion() > 0);
        }
    }

    @Test
    void createRefusesToOverwriteAnExistingFile() throws Exception {
        Path file = folder.resolve("existing.divergence");
        Files.writeString(file, "precious");
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> Project.create(file));
        assertTrue(error.getMessage().contains("already exists"));
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void missingFileIsAClearError() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> Project.open(folder.resolve("nope.divergence")));
        assertTrue(error.getMessage().endsWith("no such project file"), error.getMessage());
        assertFalse(Files.exists(folder.resolve("nope.divergence")));
    }

    private static void assertRefusedUntouched(Path file, String expectedMessagePart) throws Exception {
        byte[] before = Files.readAllBytes(file);
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> Project.open(file));
        assertTrue(error.getMessage().contains(expectedMessagePart), error.getMessage());
        assertTrue(error.getMessage().contains(file.getFileName().toString()), error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(file.resolveSibling(file.getFileName() + "-wal")));
        assertFalse(Files.exists(ProjectLock.lockFileOf(file)));
    }

    private static String single(Connection connection, String sql) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String rawQuery(Path file, String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return single(connection, sql);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readersNeedNoLockWhileTheWriterHasTheProjectOpen() {
        Path file = folder.resolve("busy.divergence");
        try (Project writer = Project.create(file)) {
            writer.write(EnumSet.of(DataArea.CODEBOOK), c -> {
                try (Statement statement = c.createStatement()) {
                    return statement.executeUpdate("INSERT INTO code(guid, name) VALUES ('g', 'Governance')");
                }
            });
            try (Project reader = Project.openReadOnly(file)) {
                assertTrue(reader.isReadOnly());
                assertEquals("1", reader.read(c -> single(c, "SELECT count(*) FROM code")));
                IllegalStateException error = assertThrows(IllegalStateException.class,
                        () -> reader.write(EnumSet.noneOf(DataArea.class), c -> null));
                assertTrue(error.getMessage().endsWith("was opened read-only"), error.getMessage());
            }
            assertThrows(ProjectInUseException.class, () -> Project.open(file));
        }
    }

    @Test
    void writeAloneUsesARollbackJournalAndReturnsToWal() throws Exception {
        Path file = folder.resolve("alone.divergence");
        try (Project project = Project.create(file)) {
            project.read(c -> single(c, "SELECT count(*) FROM code")); // leaves an idle reader in the pool
            String during = project.writeAlone(EnumSet.of(DataArea.CODEBOOK), c -> {
                try (Statement statement = c.createStatement()) {
                    statement.executeUpdate("INSERT INTO code(guid, name) VALUES ('g1', 'Licensing')");
                }
                return single(c, "PRAGMA journal_mode");
            });
            assertEquals("delete", during);
            assertEquals("wal", project.read(c -> single(c, "PRAGMA journal_mode")));
            assertEquals("1", project.read(c -> single(c, "SELECT count(*) FROM code")));
            assertEquals("1", project.write(EnumSet.noneOf(DataArea.class), c -> single(c, "PRAGMA foreign_keys")));
        }
        assertFalse(Files.exists(Path.of(file + "-journal")));
        assertEquals("1", rawQuery(file, "SELECT count(*) FROM code"));
    }

    @Test
    void failedWriteAloneIsRolledBackAndReturnsToWal() {
        Path file = folder.resolve("alone-fails.divergence");
        try (Project project = Project.create(file)) {
            assertThrows(IllegalStateException.class, () -> project.writeAlone(EnumSet.of(DataArea.CODEBOOK), c -> {
                try (Statement statement = c.createStatement()) {
                    statement.executeUpdate("INSERT INTO code(guid, name) VALUES ('g1', 'Licensing')");
                }
                throw new IllegalStateException("stop");
            }));
            assertEquals("0", project.read(c -> single(c, "SELECT count(*) FROM code")));
            assertEquals("wal", project.read(c -> single(c, "PRAGMA journal_mode")));
        }
    }

    @Test
    void writeAloneStaysInWalWhileAnotherConnectionHasTheFileOpen() throws Exception {
        Path file = folder.resolve("shared.divergence");
        try (Project project = Project.create(file);
             Connection other = project.openReadConnection()) {
            assertEquals("0", single(other, "SELECT count(*) FROM code"));
            String during = project.writeAlone(EnumSet.of(DataArea.CODEBOOK), c -> {
                try (Statement statement = c.createStatement()) {
                    statement.executeUpdate("INSERT INTO code(guid, name) VALUES ('g1', 'Licensing')");
                }
                return single(c, "PRAGMA journal_mode");
            });
            assertEquals("wal", during);
            other.rollback();
            assertEquals("1", single(other, "SELECT count(*) FROM code"));
        }
    }

    @Test
    void upgradeToVersion6PutsTheNameFirstInTheRepositoryKey() throws Exception {
        Path file = folder.resolve("v5.divergence");
        Project.create(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            // Back to what version 5 wrote (without the tables of later versions).
            statement.execute("DROP INDEX repository_key");
            statement.execute("CREATE UNIQUE INDEX repository_key ON repository (platform, full_name)");
            statement.execute("DROP TABLE custom_metric");
            statement.execute("DROP TABLE metric_summary");
            statement.execute("DROP TABLE metric_summary_built");
            statement.execute("DROP TABLE clickhouse_shard");
            statement.execute("DROP TABLE clickhouse_collection");
            statement.execute("ALTER TABLE import_batch DROP COLUMN as_of"); // what version 10 added
            statement.execute("ALTER TABLE import_batch DROP COLUMN note");
            statement.execute("DROP TABLE passage_embedding");
            statement.execute("DROP TABLE passage_embedding_source");
            statement.execute("DROP TABLE coding_origin");
            dropVersion13(connection); // and version 13
            statement.execute("DELETE FROM schema_version WHERE version >= 6");
            statement.execute("PRAGMA user_version = 5");
        }
        try (Project project = Project.open(file)) {
            assertEquals(Migrations.newestVersion(), project.schemaVersion());
            assertEquals("full_name,platform,repo_type", project.read(c -> single(c,
                    "SELECT group_concat(name, ',' ORDER BY seqno) FROM pragma_index_info('repository_key')")));
        }
    }

    @Test
    void upgradeToVersion9GivesBackTheRepositoriesAnImportOfAnotherTypeOverwrote() throws Exception {
        Path file = folder.resolve("v8.divergence");
        Project.create(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX repository_key");
            statement.execute("CREATE UNIQUE INDEX repository_key ON repository (full_name, platform)");
            statement.execute("ALTER TABLE import_batch DROP COLUMN as_of"); // what version 10 added
            statement.execute("ALTER TABLE import_batch DROP COLUMN note");
            statement.execute("DROP TABLE metric_summary"); // and version 11
            statement.execute("DROP TABLE metric_summary_built");
            statement.execute("DROP TABLE passage_embedding"); // and version 12
            statement.execute("DROP TABLE passage_embedding_source");
            statement.execute("DROP TABLE coding_origin");
            dropVersion13(connection); // and version 13
            statement.execute("DELETE FROM schema_version WHERE version >= 9");
            statement.execute("PRAGMA user_version = 8");
            for (int batch = 1; batch <= 4; batch++) {
                statement.execute("INSERT INTO import_batch (id, source_name, format, imported_at) VALUES (" + batch
                        + ", 'b" + batch + "', 'csv', '2026-01-0" + batch + "T00:00:00Z')");
            }
            // Version 8's upsert (as 6's): models (batches 1, 2), then datasets of the same id (3) replaced them, and a
            // model of another id that was only ever a model (4).
            statement.execute("INSERT INTO repository (id, platform, repo_type, full_name, downloads, batch_id)"
                    + " VALUES (1, 'huggingface', 'model', 'acme/x', 10, 1)");
            statement.execute("UPDATE repository SET downloads = 11, batch_id = 2 WHERE id = 1");
            statement.execute("UPDATE repository SET repo_type = 'dataset', downloads = 30, batch_id = 3 WHERE id = 1");
            statement.execute("INSERT INTO repository (id, platform, repo_type, full_name, downloads, batch_id)"
                    + " VALUES (2, 'huggingface', 'model', 'acme/y', 5, 4)");
        }
        try (Project project = Project.open(file)) {
            assertEquals(Migrations.newestVersion(), project.schemaVersion());
            assertEquals(List.of("1|dataset|acme/x|30|3", "2|model|acme/y|5|4", "3|model|acme/x|11|2"),
                    project.read(c -> rows(c, "SELECT id, repo_type, full_name, downloads, batch_id FROM repository"
                            + " ORDER BY id")));
            // The model's older version now belongs to the model, so removing batch 2 restores it.
            assertEquals(List.of("3|model|10|1"), project.read(c -> rows(c, "SELECT repository_id, repo_type,"
                    + " downloads, batch_id FROM repository_history ORDER BY id")));
            org.divergence.store.repositories.ImportBatches.remove(project, 2);
            assertEquals(List.of("1|dataset|30", "2|model|5", "3|model|10"), project.read(c -> rows(c,
                    "SELECT id, repo_type, downloads FROM repository ORDER BY id")));
        }
    }

    /** Takes back what version 13 added: the content digests' tables and the triggers made with them. */
    static void dropVersion13(Connection connection) throws SQLException {
        List<String> triggers = rows(connection, "SELECT name FROM sqlite_schema WHERE type = 'trigger'"
                + " AND name LIKE 'content\\_%' ESCAPE '\\'");
        try (Statement statement = connection.createStatement()) {
            for (String trigger : triggers) {
                statement.execute("DROP TRIGGER " + trigger);
            }
            statement.execute("DROP TABLE content_digest");
            statement.execute("DROP TABLE content_dirty");
            statement.execute("DROP TABLE content_table");
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        return org.divergence.testsupport.TableDump.rows(connection, sql);
    }
}
