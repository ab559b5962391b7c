package org.divergence.exchange.refi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.LimitExceededException;
import org.divergence.core.refi.RefiProject;
import org.divergence.exchange.common.CappedInputStream;
import org.divergence.exchange.common.SafeZip;

/**
 * Reads a REFI-QDA codebook (.qdc): one XML document streamed through {@link QdeParser} (whose element and markup
 * limits bound the memory it takes), refused when it is larger than its limit, checked as it is read.
 */
public final class QdcReader {

    /** A .qdc is a single XML document, as large as a .qdpx's project document may be. */
    public static final long MAX_CODEBOOK_BYTES = SafeZip.Limits.PROJECT_ARCHIVE.maxEntryBytes();

    private QdcReader() {
    }

    public static RefiProject read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + ": is a folder, not a file");
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(name + ": file not found");
            }
            String refusal = name + ": refused, larger than " + SafeZip.mb(MAX_CODEBOOK_BYTES) + " for a codebook";
            if (Files.size(file) > MAX_CODEBOOK_BYTES) {
                throw new LimitExceededException(refusal);
            }
            try (InputStream in = new CappedInputStream(Files.newInputStream(file), MAX_CODEBOOK_BYTES, refusal)) {
                return QdeParser.parseCodebook(in, name);
            }
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
