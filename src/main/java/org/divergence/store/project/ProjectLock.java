package org.divergence.store.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.divergence.core.common.InvalidInputException;

/**
 * Guarantees one writer per project across processes: an OS lock on a {@code <project>-lock} file beside it (like
 * SQLite's own {@code -wal} and {@code -shm} files). The OS releases the lock when the process dies, so a crash
 * never leaves a project locked.
 */
final class ProjectLock implements AutoCloseable {

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** The project's folder cannot be written: the project can still be read. */
    static final class NotWritable extends InvalidInputException {
        NotWritable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Path lockFileOf(Path project) {
        return project.resolveSibling(project.getFileName() + "-lock");
    }

    static ProjectLock acquire(Path project) {
        Path lockFile = lockFileOf(project);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new NotWritable(project + ": cannot create the lock file beside the project ("
                    + e.getMessage() + "); is the folder read-only?", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readHolder(lockFile);
                channel.close();
                throw new ProjectInUseException(project, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holderDescription().getBytes(StandardCharsets.UTF_8)), 0);
            return new ProjectLock(lockFile, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new ProjectInUseException(project, "this window");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidInputException(project + ": cannot lock the project (" + e.getMessage() + ")", e);
        }
    }

    /** "pid@host", as the runtime MXBean names a process, without starting the management machinery (0.1 s). */
    private static String holderDescription() {
        return ProcessHandle.current().pid() + "@" + Host.NAME;
    }

    /** Read once per process, when the first project is locked. */
    private static final class Host {
        static final String NAME = hostName();
    }

    /**
     * This computer's name as the system has it, without a name-service lookup: InetAddress.getLocalHost() asks the
     * resolver (27 ms on every project opened, seconds where DNS is slow); the lookup stays the fallback.
     */
    private static String hostName() {
        String windows = System.getenv("COMPUTERNAME");
        if (windows != null && !windows.isBlank()) {
            return windows.strip();
        }
        for (String file : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
            try {
                String name = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException | RuntimeException notThere) {
                // Not this system's way: try the next.
            }
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String readHolder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another program" : "process " + text;
        } catch (IOException e) {
            return "another program";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing to release: the lock was never taken.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            Files.deleteIfExists(lockFile);
        } catch (IOException ignored) {
            // A leftover lock file is harmless: the OS lock, not the file, is what excludes other writers.
        }
    }
}
