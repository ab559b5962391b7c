package org.divergence.render.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.divergence.core.common.InvalidInputException;

/** Writes report files whole or not at all: into a temporary file beside the target, then moved over it. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, replacing it; returns the number of bytes written. */
    public static long write(Path target, String text) {
        Path file = target.toAbsolutePath().normalize();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path temporary = null;
        try {
            Path folder = file.getParent();
            Files.createDirectories(folder);
            // A plain new file (not createTempFile, whose owner-only permissions the report would keep).
            temporary = folder.resolve("." + file.getFileName() + ".partial");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return bytes.length;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write the report (" + e.getMessage() + ")", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The move succeeded or the folder is gone: nothing left to clean up.
                }
            }
        }
    }
}
