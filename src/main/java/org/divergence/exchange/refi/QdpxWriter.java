package org.divergence.exchange.refi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.refi.RefiProject;

/**
 * Writes .qdpx and .qdc files: the whole file is written next to the target under a temporary name and moved into
 * place only when complete, so a failed export never leaves half a file. Entries carry a fixed time, so the same
 * project gives the same bytes.
 */
public final class QdpxWriter {

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

    private QdpxWriter() {
    }

    /** Writes project.qde and one sources/GUID.txt (UTF-8) per source. */
    public static void writeProject(RefiProject project, Path out) {
        byte[] document = QdeWriter.project(project);
        writeAtomically(out, stream -> {
            try (ZipOutputStream zip = new ZipOutputStream(stream)) {
                entry(zip, "project.qde", document);
                for (RefiProject.Source source : project.sources()) {
                    entry(zip, QdeWriter.sourceEntry(source), QdeWriter.utf8(source.text()));
                }
            }
        });
    }

    /** Writes a REFI-QDA codebook (.qdc): the codes alone. */
    public static void writeCodebook(RefiProject project, Path out) {
        byte[] document = QdeWriter.codebook(project);
        writeAtomically(out, stream -> stream.write(document));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    @FunctionalInterface
    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path out, Content content) {
        Path target = out.toAbsolutePath().normalize();
        Path folder = target.getParent();
        Path temporary = null;
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
            temporary = Files.createTempFile(folder, "." + target.getFileName(), ".partial");
            try (OutputStream stream = Files.newOutputStream(temporary)) {
                content.write(stream);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InvalidInputException(target + ": cannot be written (" + e.getMessage() + ")", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Only a leftover temporary file; the export itself failed or succeeded already.
                }
            }
        }
    }
}
