package org.divergence.exchange.refi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.refi.RefiProject;
import org.divergence.core.refi.Tally;

/**
 * Reads a .qdpx archive into a {@link RefiProject}, safely (see {@link SafeZip} and {@link SafeXml}) and leniently:
 * the project document may be named after the project instead of project.qde, the sources folder may be "Sources",
 * paths may lack "internal://", texts may be UTF-16 or (with a note in the report) Windows-1252, and a source with
 * rich text only is read from its .docx. Nothing is written anywhere.
 */
public final class QdpxReader {

    private QdpxReader() {
    }

    public static RefiProject read(Path file) {
        return read(file, SafeZip.Limits.DEFAULT);
    }

    public static RefiProject read(Path file, SafeZip.Limits limits) {
        try (SafeZip zip = SafeZip.open(file, limits)) {
            String document = projectDocument(zip);
            String where = zip.name() + " \u203A " + document;
            try (InputStream in = zip.open(document)) {
                return QdeParser.parseProject(in, where, new ArchiveTexts(zip));
            } catch (IOException e) {
                throw new InvalidInputException(where + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
    }

    /** project.qde at the top, else the only .qde at the top, else the only .qde anywhere. */
    static String projectDocument(SafeZip zip) {
        List<String> names = zip.fileNames();
        Optional<String> standard = zip.find("project.qde");
        if (standard.isPresent()) {
            return standard.get();
        }
        List<String> top = names.stream().filter(n -> !n.replace('\\', '/').contains("/"))
                .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".qde")).toList();
        if (top.size() == 1) {
            return top.getFirst();
        }
        List<String> anywhere = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".qde")).toList();
        if (anywhere.size() == 1) {
            return anywhere.getFirst();
        }
        if (anywhere.isEmpty()) {
            throw new InvalidInputException(zip.name() + ": holds no project document (project.qde); is it a "
                    + "REFI-QDA project? Nothing was imported");
        }
        throw new InvalidInputException(zip.name() + ": holds several project documents (" + String.join(", ",
                anywhere) + ") and none is named project.qde; nothing was imported");
    }

    /** Texts from the archive's files, found however the exporting tool named them. */
    private record ArchiveTexts(SafeZip zip) implements QdeParser.Texts {

        @Override
        public String plainText(String path, String owner, Tally notCarried, Tally adjusted) {
            Optional<String> entry = locate(path, owner, notCarried);
            if (entry.isEmpty()) {
                return null;
            }
            return decode(zip.read(entry.get()), zip.name() + " \u203A " + entry.get(), adjusted);
        }

        @Override
        public String richText(String path, String owner, Tally notCarried, Tally adjusted) {
            Optional<String> entry = locate(path, owner, notCarried);
            if (entry.isEmpty()) {
                return null;
            }
            String lower = entry.get().toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".docx")) {
                notCarried.add("sources with rich text only in a format other than .docx ("
                        + lower.substring(lower.lastIndexOf('.') + 1) + ")");
                return null;
            }
            byte[] bytes = zip.read(entry.get());
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
                 XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
                return extractor.getText();
            } catch (IOException | RuntimeException e) {
                notCarried.add("sources whose .docx could not be read");
                return null;
            }
        }

        private Optional<String> locate(String path, String owner, Tally notCarried) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.startsWith("absolute://") || lower.startsWith("relative://") || lower.startsWith("file:")
                    || lower.startsWith("http:") || lower.startsWith("https:")) {
                notCarried.add("sources stored outside the archive (" + path.substring(0, path.indexOf(':'))
                        + " paths are not read)");
                return Optional.empty();
            }
            String relative = lower.startsWith("internal://") ? path.substring("internal://".length()) : path;
            relative = relative.replace('\\', '/');
            while (relative.startsWith("/")) {
                relative = relative.substring(1);
            }
            Optional<String> found = zip.find("sources/" + relative);
            if (found.isEmpty()) {
                found = zip.find(relative);
            }
            if (found.isEmpty()) {
                String fileName = relative.substring(relative.lastIndexOf('/') + 1);
                found = zip.fileNames().stream().filter(n -> {
                    String normalized = n.replace('\\', '/');
                    return normalized.substring(normalized.lastIndexOf('/') + 1).equalsIgnoreCase(fileName);
                }).findFirst();
            }
            if (found.isEmpty()) {
                notCarried.add("sources whose file is missing from the archive (" + owner + ": " + path + ")");
            }
            return found;
        }
    }

    /** UTF-8 (BOM or not) or UTF-16 with a BOM; other bytes are read as Windows-1252, and the report says so. */
    static String decode(byte[] bytes, String where, Tally adjusted) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        }
        if (skip > 0) {
            adjusted.add("byte order marks before source texts left out (positions count from the first character "
                    + "after them)");
        }
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new InvalidInputException(where + ": contains NUL characters; it is not text. Nothing was "
                        + "imported");
            }
            return text;
        } catch (CharacterCodingException e) {
            adjusted.add("source texts that are not UTF-8 read as Windows-1252");
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
