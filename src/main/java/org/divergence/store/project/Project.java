package org.divergence.store.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.divergence.core.AppInfo;
import org.divergence.core.common.InvalidInputException;
import org.sqlite.SQLiteConfig;

/**
 * An open project file: one SQLite database, written by exactly one writer thread, read by pooled read-only
 * connections (WAL lets readers work while the writer writes). Every {@link #write} is one transaction, committed
 * before it returns, so there is nothing to "save" and a crash loses nothing that was reported done.
 */
public final class Project implements AutoCloseable {

    private static final int READ_POOL_SIZE = 4;

    private final Path file;
    private final ProjectLock lock;
    private final Connection writeConnection;
    private final ExecutorService writer;
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READ_POOL_SIZE);
    private final CopyOnWriteArrayList<Consumer<Set<DataArea>>> listeners = new CopyOnWriteArrayList<>();
    private volatile Thread writerThread;
    private volatile boolean closed;

    private Project(Path file, ProjectLock lock, Connection writeConnection) {
        this.file = file;
        this.lock = lock;
        this.writeConnection = writeConnection;
        this.writer = writeConnection == null ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "project-writer " + file.getFileName());
            thread.setDaemon(true);
            writerThread = thread;
            return thread;
        });
    }

    /** Opens an existing project, applying pending migrations; refuses foreign, damaged and newer files untouched. */
    public static Project open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        int headerVersion = ProjectFileCheck.requireProject(path, Migrations.newestVersion());
        return openLocked(path, true, connection -> {
            int version = Migrations.currentVersion(connection);
            if (version == 0 && headerVersion == 0) {
                throw new InvalidInputException(path + ": not a Divergence Workbench project (it has no schema)");
            }
            ProjectFileCheck.requireKnownVersion(path, version, Migrations.newestVersion());
            Migrations.migrate(connection, version);
        });
    }

    /** Prepares the writer's connection under the project lock; on any failure releases both. */
    private interface ConnectionSetup {
        void run(Connection connection) throws SQLException;
    }

    private static Project openLocked(Path path, boolean wal, ConnectionSetup setup) {
        ProjectLock lock = ProjectLock.acquire(path);
        Connection connection = null;
        try {
            connection = connect(path, false, wal);
            setup.run(connection);
            return new Project(path, lock, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            lock.close();
            throw new InvalidInputException(StoreException.describe(path, e), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            lock.close();
            throw e;
        }
    }

    /**
     * Opens a project for reading only: no lock is taken, so analyses and exports can run while the app (the one
     * writer) has the project open. A project that still needs a migration is refused: reading must not write.
     */
    public static Project openReadOnly(Path file) {
        Path path = file.toAbsolutePath().normalize();
        int headerVersion = ProjectFileCheck.requireProject(path, Migrations.newestVersion());
        Project project = new Project(path, null, null);
        try {
            int version = project.read(Migrations::currentVersion);
            if (version == 0 && headerVersion == 0) {
                throw new InvalidInputException(path + ": not a Divergence Workbench project (it has no schema)");
            }
            if (version < Migrations.newestVersion()) {
                throw new InvalidInputException(path + ": was written by an older version (project format " + version
                        + "); open it once in the app, or run a command that changes it, to upgrade it to format "
                        + Migrations.newestVersion());
            }
            return project;
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
    }

    /**
     * For commands that only read: opens the project normally when nobody else has it open (so it closes cleanly,
     * leaving no -wal or -shm file behind), and read-only beside the app when the app has it open.
     */
    public static Project openForReading(Path file) {
        try {
            return open(file);
        } catch (ProjectInUseException | ProjectLock.NotWritable cannotWrite) {
            return openReadOnly(file);
        }
    }

    public boolean isReadOnly() {
        return writeConnection == null;
    }

    /** Creates a new, empty project; refuses to overwrite an existing file. */
    public static Project create(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(path) && Files.size(path) > 0) {
                throw new InvalidInputException(path + ": already exists; open it, or choose another name");
            }
            Files.createDirectories(path.getParent());
        } catch (java.io.IOException e) {
            throw new InvalidInputException(path + ": cannot create the project (" + e.getMessage() + ")", e);
        }
        // The first schema goes straight into the main file (rollback journal), so the header that marks the file
        // as ours is on disk before anything else; only then does the project switch to WAL.
        Project project = openLocked(path, false, connection -> {
            Sql.execute(connection, SqlText.of("PRAGMA application_id = " + ProjectFileCheck.APPLICATION_ID));
            Migrations.migrate(connection, 0);
            connection.setAutoCommit(true);
            Sql.execute(connection, SqlText.of("PRAGMA journal_mode = WAL"));
            connection.setAutoCommit(false);
        });
        try {
            project.write(EnumSet.of(DataArea.META), c -> {
                putMeta(c, "guid", UUID.randomUUID().toString());
                putMeta(c, "created_at", Instant.now().toString());
                putMeta(c, "created_by", AppInfo.NAME + " " + AppInfo.version());
                return null;
            });
            return project;
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
    }

    /** Opens the project, or creates it when the file does not exist yet (the command line's import does this). */
    public static Project openOrCreate(Path file) {
        return Files.exists(file) ? open(file) : create(file);
    }

    private static Connection connect(Path path, boolean readOnly) throws SQLException {
        return connect(path, readOnly, true);
    }

    private static Connection connect(Path path, boolean readOnly, boolean wal) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTempStore(SQLiteConfig.TempStore.FILE);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(wal ? SQLiteConfig.JournalMode.WAL : SQLiteConfig.JournalMode.DELETE);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
        connection.setAutoCommit(false);
        return connection;
    }

    private static void putMeta(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                SqlText.of("INSERT INTO project_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value ="
                        + " excluded.value"))) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }

    public Path file() {
        return file;
    }

    /** The file name without its extension: what the window title shows. */
    public String name() {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(AppInfo.PROJECT_EXTENSION)
                ? fileName.substring(0, fileName.length() - AppInfo.PROJECT_EXTENSION.length())
                : fileName;
    }

    /**
     * Runs {@code work} on the writer thread in one transaction and commits it before returning. Work that fails or
     * is cancelled is rolled back completely. Called from the writer thread itself, it joins the running transaction.
     */
    public <T> T write(Set<DataArea> changes, SqlWork<T> work) {
        requireWritable();
        if (Thread.currentThread() == writerThread) {
            return runWork(writeConnection, work);
        }
        return commitOnWriter(changes, false, work);
    }

    /**
     * Like {@link #write}, for a bulk load while nothing else reads the project (the command line's import): the
     * transaction uses a rollback journal instead of the WAL, so every new page is written once, to the file, instead
     * of to the WAL and again at the checkpoint. Just as atomic: after a crash, SQLite rolls the journal back on the
     * next open. When another connection has the file open, the journal cannot change and this is a plain write.
     */
    public <T> T writeAlone(Set<DataArea> changes, SqlWork<T> work) {
        requireWritable();
        if (Thread.currentThread() == writerThread) {
            throw new IllegalStateException("writeAlone cannot be nested in another write");
        }
        return commitOnWriter(changes, true, work);
    }

    private <T> T commitOnWriter(Set<DataArea> changes, boolean alone, SqlWork<T> work) {
        Future<T> result = writer.submit(() -> {
            boolean journalSwitched = alone && switchJournal("delete");
            try {
                T value = work.run(writeConnection);
                // The digests of the parts this write changed, in its transaction (docs/decisions/0136).
                ContentDigests.settle(writeConnection);
                writeConnection.commit();
                return value;
            } catch (Throwable e) {
                rollbackQuietly();
                throw e;
            } finally {
                if (journalSwitched) {
                    // Should another connection have opened the file meanwhile, the next open returns it to WAL.
                    switchJournal("wal");
                }
            }
        });
        T value = await(result);
        if (!changes.isEmpty()) {
            Set<DataArea> changed = Set.copyOf(changes);
            listeners.forEach(listener -> listener.accept(changed));
        }
        return value;
    }

    /** Runs {@code work} on a pooled read-only connection, as one consistent snapshot. */
    public <T> T read(SqlWork<T> work) {
        requireOpen();
        Connection connection = borrowReader();
        try {
            return runWork(connection, work);
        } finally {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // A failed rollback of a read-only snapshot leaves nothing behind.
            }
            if (closed || !idleReaders.offer(connection)) {
                closeQuietly(connection);
            }
        }
    }

    /** A dedicated read-only connection for a long-lived reader (e.g. a table's temporary sort order); caller closes. */
    public Connection openReadConnection() {
        requireOpen();
        try {
            return connect(file, true);
        } catch (SQLException e) {
            throw StoreException.of(file, e);
        }
    }

    /** Called after each committed write with what it changed; called on the thread that asked for the write. */
    public void addChangeListener(Consumer<Set<DataArea>> listener) {
        listeners.add(listener);
    }

    public void removeChangeListener(Consumer<Set<DataArea>> listener) {
        listeners.remove(listener);
    }

    public String meta(String key) {
        return read(c -> {
            try (PreparedStatement statement = Sql.prepare(c,
                    SqlText.of("SELECT value FROM project_meta WHERE key = ?"))) {
                statement.setString(1, key);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    public void putMeta(String key, String value) {
        write(EnumSet.of(DataArea.META), c -> {
            putMeta(c, key, value);
            return null;
        });
    }

    /**
     * Gives a project that ships with the app fixed creation stamps (the schema history's times, created_at, guid),
     * so that building it twice gives the same file.
     */
    public void stampCreation(String time, String guid) {
        write(EnumSet.of(DataArea.META), c -> {
            // The replaced values' bytes would stay in the pages' free space: zero them.
            Sql.execute(c, SqlText.of("PRAGMA secure_delete = ON"));
            Sql.update(c, SqlText.of("UPDATE schema_version SET applied_at = ?"), time);
            putMeta(c, "created_at", time);
            putMeta(c, "guid", guid);
            Sql.execute(c, SqlText.of("PRAGMA secure_delete = OFF"));
            return null;
        });
    }

    public int schemaVersion() {
        return read(Migrations::currentVersion);
    }

    private Connection borrowReader() {
        Connection connection = idleReaders.poll();
        if (connection != null) {
            return connection;
        }
        try {
            return connect(file, true);
        } catch (SQLException e) {
            if (isReadOnly()) {
                return connectImmutable(e);
            }
            throw StoreException.of(file, e);
        }
    }

    /**
     * On read-only media (a read-only share, a locked USB stick) SQLite cannot create the WAL's shared-memory file;
     * a reader that only reads may then open the file as immutable.
     */
    private Connection connectImmutable(SQLException original) {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1",
                    config.toProperties());
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw StoreException.of(file, original);
        }
    }

    private <T> T runWork(Connection connection, SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreException.of(file, e);
        }
    }

    private <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.divergence.core.common.CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw StoreException.of(file, sql);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Changes the journal mode between transactions; returns whether it changed. Leaving WAL needs the file to
     * itself, so this process's idle readers are closed first; any other open connection keeps it in WAL.
     */
    private boolean switchJournal(String mode) throws SQLException {
        Connection reader;
        while ((reader = idleReaders.poll()) != null) {
            closeQuietly(reader);
        }
        try {
            // Ends the empty transaction the driver keeps open between writes.
            writeConnection.setAutoCommit(true);
        } catch (SQLException alreadyEnded) {
            // A write that failed on a full disk was rolled back by SQLite itself, which ended that transaction;
            // the driver is in autocommit mode all the same.
        }
        try (PreparedStatement statement = Sql.prepare(writeConnection,
                SqlText.of("PRAGMA journal_mode = ").append(SqlText.identifier(mode)));
             ResultSet rs = statement.executeQuery()) {
            return rs.next() && mode.equalsIgnoreCase(rs.getString(1));
        } catch (SQLException busy) {
            return false;
        } finally {
            writeConnection.setAutoCommit(false);
        }
    }

    private void rollbackQuietly() {
        try {
            writeConnection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what the caller needs to see.
        }
    }

    private void requireWritable() {
        requireOpen();
        if (isReadOnly()) {
            throw new IllegalStateException(file + " was opened read-only");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort; SQLite recovers any leftover WAL on the next open.
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (isReadOnly()) {
            closed = true;
            Connection reader;
            while ((reader = idleReaders.poll()) != null) {
                closeQuietly(reader);
            }
            return;
        }
        Future<?> last = writer.submit(() -> {
            Sql.execute(writeConnection, SqlText.of("PRAGMA optimize"));
            writeConnection.commit();
            return null;
        });
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // Optimising is a courtesy; closing proceeds.
        }
        closed = true;
        writer.shutdown();
        Connection reader;
        while ((reader = idleReaders.poll()) != null) {
            closeQuietly(reader);
        }
        closeQuietly(writeConnection);
        lock.close();
    }
}
