package org.divergence.store.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.divergence.core.common.InvalidInputException;

/**
 * Decides from the file's first 100 bytes (the SQLite header) whether a file is one of our projects, before SQLite
 * opens it: a foreign or newer file is refused without a single byte of it being written.
 */
final class ProjectFileCheck {

    /** "DIVG": stored in SQLite's application_id header field of every project. */
    static final int APPLICATION_ID = 0x44495647;

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;
    private static final int USER_VERSION_OFFSET = 60;
    private static final int APPLICATION_ID_OFFSET = 68;

    private ProjectFileCheck() {
    }

    /** Returns the schema version the header records, after refusing anything that is not a project we can open. */
    static int requireProject(Path file, int newestKnownVersion) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + ": is a folder, not a project file");
        }
        if (!Files.exists(file)) {
            throw new InvalidInputException(name + ": no such project file");
        }
        byte[] header = new byte[HEADER_SIZE];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, HEADER_SIZE);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (read < HEADER_SIZE || !Arrays.equals(header, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
            throw new InvalidInputException(name + ": not a Divergence Workbench project (not an SQLite database)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(header);
        int applicationId = buffer.getInt(APPLICATION_ID_OFFSET);
        if (applicationId != APPLICATION_ID) {
            throw new InvalidInputException(name
                    + ": not a Divergence Workbench project (an SQLite database of another application)");
        }
        int version = buffer.getInt(USER_VERSION_OFFSET);
        requireKnownVersion(file, version, newestKnownVersion);
        return version;
    }

    static void requireKnownVersion(Path file, int version, int newestKnownVersion) {
        if (version > newestKnownVersion) {
            throw new InvalidInputException(file + ": written by a newer version of Divergence Workbench (project format "
                    + version + ", this version reads up to " + newestKnownVersion + "); update the app to open it");
        }
    }
}
