package org.divergence.store.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.divergence.core.common.InvalidInputException;
import org.sqlite.SQLiteConnection;

/**
 * Rotating backups of a project, taken when it is opened: a consistent copy made with SQLite's online backup API
 * (while readers and the writer carry on), kept in the user data folder, the newest N per project.
 */
public final class Backups {

    public static final int DEFAULT_KEEP = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final String SUFFIX = ".divergence";

    /** One backup file and when it was taken. */
    public record Backup(Path file, Instant takenAt, long sizeBytes) {
    }

    private Backups() {
    }

    /** Each project's backups get their own folder, named after the project and a hash of its path. */
    public static Path folderFor(Path backupsRoot, Path project) {
        Path absolute = project.toAbsolutePath().normalize();
        String stem = absolute.getFileName().toString().replaceFirst("\\.divergence$", "");
        return backupsRoot.resolve(stem.replaceAll("[^\\p{L}\\p{N}._-]", "_") + "-" + shortHash(absolute.toString()));
    }

    /** Copies the open project into a new backup and deletes the oldest beyond {@code keep}. */
    public static Backup take(Project project, Path backupsRoot, int keep) {
        Path folder = folderFor(backupsRoot, project.file());
        Instant now = Instant.now();
        Path target = folder.resolve(STAMP.format(now) + SUFFIX);
        Path partial = folder.resolve(STAMP.format(now) + ".partial");
        try {
            Files.createDirectories(folder);
            project.read(connection -> {
                int rc = ((SQLiteConnection) connection).getDatabase().backup("main", partial.toString(), null);
                if (rc != 0) {
                    throw new SQLException("SQLite backup failed with code " + rc);
                }
                return null;
            });
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            prune(folder, keep);
            return new Backup(target, now, Files.size(target));
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Cannot write a backup into " + folder, e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** The project's backups, newest first. */
    public static List<Backup> list(Path backupsRoot, Path project) {
        Path folder = folderFor(backupsRoot, project);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                String stamp = file.getFileName().toString().replace(SUFFIX, "");
                Instant takenAt;
                try {
                    takenAt = STAMP.parse(stamp, Instant::from);
                } catch (java.time.format.DateTimeParseException e) {
                    takenAt = Files.getLastModifiedTime(file).toInstant();
                }
                backups.add(new Backup(file, takenAt, Files.size(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        backups.sort(Comparator.comparing(Backup::takenAt).reversed());
        return backups;
    }

    /**
     * Replaces a closed project's file by a backup. The current file is first kept as a backup of its own, so a
     * restore can itself be undone; the copy is made under a temporary name and moved into place.
     */
    public static void restore(Path backup, Path project, Path backupsRoot) {
        ProjectFileCheck.requireProject(backup, Migrations.newestVersion());
        Path folder = folderFor(backupsRoot, project);
        try {
            Files.createDirectories(folder);
            if (Files.exists(project)) {
                // Through SQLite, so that changes still in the -wal file are part of the copy.
                Path before = folder.resolve(STAMP.format(Instant.now()) + "-before-restore" + SUFFIX);
                try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project)) {
                    int rc = ((SQLiteConnection) connection).getDatabase().backup("main", before.toString(), null);
                    if (rc != 0) {
                        throw new IOException("SQLite backup failed with code " + rc);
                    }
                } catch (SQLException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            Path partial = project.resolveSibling(project.getFileName() + ".restoring");
            Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
            for (String sidecar : new String[] {"-wal", "-shm"}) {
                Files.deleteIfExists(project.resolveSibling(project.getFileName() + sidecar));
            }
            Files.move(partial, project, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException(project + ": cannot be restored from " + backup + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void prune(Path folder, int keep) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(folder)) {
            backups = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
        }
        for (int i = keep; i < backups.size(); i++) {
            Files.deleteIfExists(backups.get(i));
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Nothing else to clean up.
        }
    }
}
