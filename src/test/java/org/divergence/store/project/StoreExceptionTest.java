package org.divergence.store.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class StoreExceptionTest {

    private static String describe(SQLiteErrorCode code) {
        return StoreException.describe(Path.of("/data/study.divergence"), new SQLiteException("raw", code));
    }

    @Test
    void aBusyProjectSaysWhyAndWhatToDo() {
        // A reader beside the command line's bulk import, which holds the file for the whole load, waits and then
        // gets this instead of SQLite's "database is locked".
        assertEquals("study.divergence: the project is busy: another program is writing to it (for example an import"
                + " on the command line); try again when it has finished.", describe(SQLiteErrorCode.SQLITE_BUSY));
    }

    @Test
    void aFullDiskAndDamageKeepTheirMessages() {
        assertEquals("study.divergence: the disk is full; the last change was not saved and the project is as it was"
                + " before it.", describe(SQLiteErrorCode.SQLITE_FULL));
        assertEquals("study.divergence: the project file is damaged (raw).", describe(SQLiteErrorCode.SQLITE_CORRUPT));
    }
}
