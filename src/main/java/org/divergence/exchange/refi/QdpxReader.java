package org.divergence.exchange.refi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.LimitExceededException;
import org.divergence.core.refi.RefiProject;
import org.divergence.core.refi.Tally;
import org.divergence.core.text.TextLimits;
import org.divergence.exchange.common.BoundedText;
import org.divergence.exchange.common.Refusal;
import org.divergence.exchange.common.SafeXml;
import org.divergence.exchange.common.SafeZip;
import org.divergence.exchange.transcripts.DocxText;

/**
 * Reads a .qdpx archive into a {@link RefiProject}, safely (see {@link SafeZip} and {@link SafeXml}), within a
 * memory budget ({@link SafeZip.Limits#PROJECT_ARCHIVE}, and each source's text no longer than a transcript), and
 * leniently:
 * the project document may be named after the project instead of project.qde, the sources folder may be "Sources",
 * paths may lack "internal://", texts may be UTF-16 or (with a note in the report) Windows-1252, and a source with
 * rich text only is read from its .docx. Nothing is written anywhere.
 */
public final class QdpxReader {

    private QdpxReader() {
    }

    public static RefiProject read(Path file) {
        return read(file, SafeZip.Limits.PROJECT_ARCHIVE);
    }

    public static RefiProject read(Path file, SafeZip.Limits limits) {
        try (SafeZip zip = SafeZip.open(file, ".qdpx", limits)) {
            String document = projectDocument(zip);
            String where = zip.name() + " \u203A " + document;
            try (InputStream in = zip.open(document)) {
                return QdeParser.parseProject(in, where, new ArchiveTexts(zip));
            } catch (IOException e) {
                InvalidInputException ours = SafeXml.refusalIn(e);
                throw ours != null ? ours : Refusal.of(where + ": cannot be read; nothing was imported", e);
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
            return text(zip, entry.get(), adjusted);
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
            try (InputStream in = zip.open(entry.get())) {
                return DocxText.read(in, zip.name() + " \u203A " + entry.get(), TextLimits.MAX_TRANSCRIPT_CHARS);
            } catch (LimitExceededException e) {
                throw e;
            } catch (InvalidInputException | IOException e) {
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

    /**
     * A source's text, decoded as it inflates and never longer than a transcript may be: UTF-8 (BOM or not) or
     * UTF-16 with a BOM; other bytes are read (again) as Windows-1252, and the report says so.
     */
    static String text(SafeZip zip, String entry, Tally adjusted) {
        String where = zip.name() + " \u203A " + entry;
        long hint = zip.declaredSize(entry);
        String text;
        try (InputStream in = zip.open(entry)) {
            BoundedText.Decoded decoded = BoundedText.decode(in, TextLimits.MAX_TRANSCRIPT_CHARS, hint);
            if (decoded.byteOrderMarkLength() > 0) {
                adjusted.add("byte order marks before source texts left out (positions count from the first "
                        + "character after them)");
            }
            text = decoded.text();
        } catch (BoundedText.Malformed e) {
            adjusted.add("source texts that are not UTF-8 read as Windows-1252");
            text = windows1252(zip, entry, hint);
        } catch (BoundedText.TooLong e) {
            throw tooLong(where, e.limit());
        } catch (IOException e) {
            throw failure(where, e);
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException(where + ": contains NUL characters; it is not text. Nothing was "
                    + "imported");
        }
        return text;
    }

    private static String windows1252(SafeZip zip, String entry, long hint) {
        String where = zip.name() + " \u203A " + entry;
        try (InputStream in = zip.open(entry)) {
            return BoundedText.decodeReplacing(in, Charset.forName("windows-1252"), TextLimits.MAX_TRANSCRIPT_CHARS, hint);
        } catch (BoundedText.TooLong e) {
            throw tooLong(where, e.limit());
        } catch (IOException e) {
            throw failure(where, e);
        }
    }

    private static InvalidInputException tooLong(String where, long limit) {
        return new LimitExceededException(where + ": refused, the text is longer than "
                + TextLimits.characters(limit) + " (the limit for one transcript); nothing was imported");
    }

    private static InvalidInputException failure(String where, IOException e) {
        InvalidInputException ours = SafeXml.refusalIn(e);
        return ours != null ? ours : Refusal.of(where + ": cannot be read; nothing was imported", e);
    }
}
