package org.divergence.exchange.refi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.refi.RefiProject;

/** Reads a REFI-QDA codebook (.qdc): one XML document, refused unread when larger than its limit. */
public final class QdcReader {

    /** A .qdc is a single XML document; larger ones are refused before parsing. */
    public static final long MAX_CODEBOOK_BYTES = 64L << 20;

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
            if (Files.size(file) > MAX_CODEBOOK_BYTES) {
                throw new InvalidInputException(name + ": refused, larger than " + (MAX_CODEBOOK_BYTES >> 20)
                        + " MB for a codebook");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return QdeParser.parseCodebook(in, name);
            }
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
