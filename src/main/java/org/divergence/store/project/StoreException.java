package org.divergence.store.project;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A database failure while reading or writing a project, with a message a user can act on. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public static StoreException of(Path file, SQLException e) {
        return new StoreException(describe(file, e), e);
    }

    static String describe(Path file, SQLException e) {
        String name = file.getFileName().toString();
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            String base = code == null ? "" : code.name();
            if (base.startsWith("SQLITE_FULL")) {
                return name + ": the disk is full; the last change was not saved and the project is as it was before it.";
            }
            if (base.startsWith("SQLITE_READONLY")) {
                return name + ": the project cannot be written (read-only file or folder); the last change was not saved.";
            }
            if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
                return name + ": the project is busy: another program is writing to it (for example an import on the"
                        + " command line); try again when it has finished.";
            }
            if (base.startsWith("SQLITE_CORRUPT") || base.startsWith("SQLITE_NOTADB")) {
                return name + ": the project file is damaged (" + firstLine(e.getMessage()) + ").";
            }
            if (base.startsWith("SQLITE_IOERR") || base.startsWith("SQLITE_CANTOPEN")) {
                return name + ": the project file could not be read or written (" + firstLine(e.getMessage())
                        + "); the drive may have been removed. The last change was not saved.";
            }
        }
        return name + ": database error: " + firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
