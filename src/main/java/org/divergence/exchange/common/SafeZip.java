package org.divergence.exchange.common;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.LimitExceededException;

/**
 * Reads entries of an untrusted ZIP archive (a .qdpx, .docx or .odt) as streams, never onto disk. The archive is
 * refused as a whole when any entry name is absolute or climbs out with "..", and reading stops with a clear message
 * when the bytes inflated exceed the limits: in total, per entry, or by compression ratio (a zip bomb). Sizes are
 * counted as the bytes actually come out, not taken from the archive's own (forgeable) headers, so an entry streamed
 * with its sizes only in a data descriptor is held to the same limits.
 */
public final class SafeZip implements Closeable {

    /**
     * Limits; entries smaller than {@code ratioFloor} bytes are never refused for their ratio. An entry is read as a
     * stream, so {@code maxEntryBytes} may exceed what the heap holds only where the reader keeps less than it reads
     * (see {@link #readBytes}).
     */
    public record Limits(long maxTotalBytes, long maxEntryBytes, int maxEntries, double maxRatio, long ratioFloor) {
        /**
         * A REFI-QDA project (.qdpx): everything it holds ends up in memory at once (the project document's model
         * and every source text), so the total fits a 256 MB heap with room for the merge.
         */
        public static final Limits PROJECT_ARCHIVE = new Limits(96L << 20, 64L << 20, 100_000, 200, 1L << 20);
        /** A document (.docx, .odt): only its text is kept, itself limited, so its XML may be large. */
        public static final Limits DOCUMENT = new Limits(512L << 20, 256L << 20, 10_000, 200, 1L << 20);
    }

    private final String name;
    private final ZipFile zip;
    private final Limits limits;
    private final List<ZipEntry> entries = new ArrayList<>();
    private long inflatedSoFar;

    private SafeZip(String name, ZipFile zip, Limits limits) {
        this.name = name;
        this.zip = zip;
        this.limits = limits;
    }

    /** Opens {@code file}, which should be a {@code format} file (".qdpx"): messages say so when it is no ZIP. */
    public static SafeZip open(Path file, String format, Limits limits) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + ": is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(name + ": file not found");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw Refusal.of(name + ": is not a ZIP archive (a " + format + " file is one), or it is damaged", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        SafeZip safe = new SafeZip(name, zip, limits);
        try {
            safe.checkEntries();
        } catch (RuntimeException e) {
            safe.close();
            throw e;
        }
        return safe;
    }

    private void checkEntries() {
        Enumeration<? extends ZipEntry> all;
        try {
            all = zip.entries();
        } catch (IllegalStateException e) {
            throw Refusal.of(name + ": the archive cannot be read; nothing was imported", e);
        }
        while (all.hasMoreElements()) {
            ZipEntry entry;
            try {
                entry = all.nextElement();
            } catch (RuntimeException e) {
                throw Refusal.of(name + ": the archive's directory is damaged; nothing was imported", e);
            }
            String problem = unsafeName(entry.getName());
            if (problem != null) {
                throw new InvalidInputException(name + ": refused, the archive holds an entry with an unsafe path \u201C"
                        + printable(entry.getName()) + "\u201D (" + problem + "); nothing was imported");
            }
            entries.add(entry);
            if (entries.size() > limits.maxEntries()) {
                throw new LimitExceededException(name + ": refused, the archive holds more than " + limits.maxEntries()
                        + " entries; nothing was imported");
            }
        }
    }

    /** Why a name is unsafe, or null: absolute paths, drive letters, ".." segments and NUL characters. */
    static String unsafeName(String entryName) {
        if (entryName.indexOf('\0') >= 0) {
            return "it contains a NUL character";
        }
        String slashed = entryName.replace('\\', '/');
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*") || slashed.startsWith("//")) {
            return "absolute paths are not allowed";
        }
        for (String segment : slashed.split("/")) {
            if (segment.equals("..")) {
                return "\u201C..\u201D would leave the archive's folder";
            }
        }
        return null;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> out.append(Character.isISOControl(c)
                ? String.format(Locale.ROOT, "\\u%04X", c) : Character.toString(c)));
        return out.toString();
    }

    public String name() {
        return name;
    }

    /** The names of the files in the archive (folders left out), in archive order. */
    public List<String> fileNames() {
        return entries.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).toList();
    }

    /** The entry with exactly this name, or the first whose name matches ignoring case and slashes' direction. */
    public Optional<String> find(String wanted) {
        String normalized = wanted.replace('\\', '/');
        for (String candidate : fileNames()) {
            if (candidate.equals(normalized)) {
                return Optional.of(candidate);
            }
        }
        for (String candidate : fileNames()) {
            if (candidate.replace('\\', '/').equalsIgnoreCase(normalized)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads an entry completely into memory, refused once it passes {@code maxBytes} (checked while it inflates, as
     * every limit): for entries that must be held whole; readers that can stream use {@link #open}.
     */
    public byte[] readBytes(String entryName, long maxBytes) {
        try (InputStream in = open(entryName)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new LimitExceededException(name + " \u203A " + entryName + ": refused, it unpacks to more than "
                        + mb(maxBytes) + "; nothing was imported");
            }
            return bytes;
        } catch (IOException e) {
            throw damaged(entryName, e);
        }
    }

    /** The size the archive's directory claims for an entry (-1 when unknown): a hint, never a limit. */
    public long declaredSize(String entryName) {
        ZipEntry entry = zip.getEntry(entryName);
        return entry == null ? -1 : entry.getSize();
    }

    /** A stream of an entry's bytes that fails with a clear message once a limit is passed. */
    public InputStream open(String entryName) {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new InvalidInputException(name + ": has no entry " + entryName);
        }
        InputStream raw;
        try {
            raw = zip.getInputStream(entry);
        } catch (IOException | RuntimeException e) {
            throw damaged(entryName, e);
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        return new LimitedStream(raw, entryName, compressed);
    }

    private InvalidInputException damaged(String entryName, Exception e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid;
        }
        if (e.getCause() instanceof InvalidInputException invalid) {
            return invalid;
        }
        return Refusal.of(name + " \u203A " + entryName + ": damaged in the archive (it cannot be unpacked); nothing "
                + "was imported", e);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Closing a file we only read: nothing to lose.
        }
    }

    /** Counts the inflated bytes of one entry and of the whole archive, and stops at the limits. */
    private final class LimitedStream extends InputStream {
        private final InputStream in;
        private final String entryName;
        private final long compressed;
        private long inflated;

        LimitedStream(InputStream in, String entryName, long compressed) {
            this.in = in;
            this.entryName = entryName;
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                throw new IOException(damaged(entryName, e));
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            inflated += n;
            inflatedSoFar += n;
            String where = name + " \u203A " + entryName;
            if (inflated > limits.maxEntryBytes()) {
                throw new IOException(new LimitExceededException(where + ": refused, it unpacks to more than "
                        + mb(limits.maxEntryBytes()) + " (a zip bomb?); nothing was imported"));
            }
            if (inflatedSoFar > limits.maxTotalBytes()) {
                throw new IOException(new LimitExceededException(name + ": refused, it unpacks to more than "
                        + mb(limits.maxTotalBytes()) + " in total (a zip bomb?); nothing was imported"));
            }
            if (inflated > limits.ratioFloor() && inflated > limits.maxRatio() * compressed) {
                throw new IOException(new LimitExceededException(where + ": refused, it unpacks more than "
                        + Math.round(limits.maxRatio()) + " times its packed size (" + compressed
                        + " bytes packed; a zip bomb?); nothing was imported"));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** "64 MB": a limit as the messages say it. */
    public static String mb(long bytes) {
        return bytes >= (1L << 20) ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}
