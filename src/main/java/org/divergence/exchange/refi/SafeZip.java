package org.divergence.exchange.refi;

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

/**
 * Reads entries of an untrusted ZIP archive (a .qdpx) into memory, never onto disk. The archive is refused as a whole
 * when any entry name is absolute or climbs out with "..", and reading stops with a clear message when the bytes
 * inflated exceed the limits: in total, per entry, or by compression ratio (a zip bomb). Sizes are counted as the
 * bytes actually come out, not taken from the archive's own (forgeable) headers.
 */
public final class SafeZip implements Closeable {

    /** Limits; entries smaller than {@code ratioFloor} bytes are never refused for their ratio. */
    public record Limits(long maxTotalBytes, long maxEntryBytes, int maxEntries, double maxRatio, long ratioFloor) {
        public static final Limits DEFAULT = new Limits(1024L << 20, 512L << 20, 100_000, 200, 1L << 20);
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

    public static SafeZip open(Path file, Limits limits) {
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
            throw new InvalidInputException(name + ": is not a ZIP archive (a .qdpx is one): " + e.getMessage(), e);
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
            throw new InvalidInputException(name + ": the archive cannot be read (" + e.getMessage() + ")", e);
        }
        while (all.hasMoreElements()) {
            ZipEntry entry;
            try {
                entry = all.nextElement();
            } catch (RuntimeException e) {
                throw new InvalidInputException(name + ": the archive's directory is damaged (" + e.getMessage()
                        + "); nothing was imported", e);
            }
            String problem = unsafeName(entry.getName());
            if (problem != null) {
                throw new InvalidInputException(name + ": refused, the archive holds an entry with an unsafe path \u201C"
                        + printable(entry.getName()) + "\u201D (" + problem + "); nothing was imported");
            }
            entries.add(entry);
            if (entries.size() > limits.maxEntries()) {
                throw new InvalidInputException(name + ": refused, the archive holds more than " + limits.maxEntries()
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

    /** Reads an entry completely, within the limits. */
    public byte[] read(String entryName) {
        try (InputStream in = open(entryName)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw damaged(entryName, e);
        }
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
        return new InvalidInputException(name + " \u203A " + entryName + ": damaged in the archive ("
                + e.getMessage() + "); nothing was imported", e);
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
                throw new IOException(new InvalidInputException(where + ": refused, it unpacks to more than "
                        + mb(limits.maxEntryBytes()) + " (a zip bomb?); nothing was imported"));
            }
            if (inflatedSoFar > limits.maxTotalBytes()) {
                throw new IOException(new InvalidInputException(name + ": refused, it unpacks to more than "
                        + mb(limits.maxTotalBytes()) + " in total (a zip bomb?); nothing was imported"));
            }
            if (inflated > limits.ratioFloor() && inflated > limits.maxRatio() * compressed) {
                throw new IOException(new InvalidInputException(where + ": refused, it unpacks more than "
                        + Math.round(limits.maxRatio()) + " times its packed size (" + compressed
                        + " bytes packed; a zip bomb?); nothing was imported"));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static String mb(long bytes) {
        return bytes >= (1L << 20) ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}
