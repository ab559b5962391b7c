package org.divergence.exchange.repositories;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of one input file, read once: it counts them (for progress) and hashes them (SHA-256, recorded with the
 * import batch so every number can be traced to the exact file it came from).
 */
public final class CountingInput extends FilterInputStream {

    private final Path file;
    private final long size;
    private final MessageDigest digest;
    private long position;
    private long limitEnd = Long.MAX_VALUE;
    private String limitDescription;

    private CountingInput(Path file, InputStream in, long size) {
        super(in);
        this.file = file;
        this.size = size;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CountingInput open(Path file) throws IOException {
        return new CountingInput(file, Files.newInputStream(file), Files.size(file));
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    long position() {
        return position;
    }

    /**
     * From here on at most {@code maxBytes} may be read before {@link #endLimit}: bounds the memory one JSON record
     * can take, however it is shaped (Jackson reads ahead by a buffer, so the bound is approximate).
     */
    void limitFromHere(long maxBytes, String description) {
        limitEnd = position + maxBytes;
        limitDescription = description;
    }

    void endLimit() {
        limitEnd = Long.MAX_VALUE;
    }

    private void checkLimit() throws IOException {
        if (position > limitEnd) {
            throw new RecordTooLarge(limitDescription);
        }
    }

    /** One record is larger than anything a real repository needs. */
    static final class RecordTooLarge extends IOException {
        RecordTooLarge(String message) {
            super(message);
        }
    }

    @Override
    public int read() throws IOException {
        checkLimit();
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkLimit();
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    /** Reads what is left (so the hash covers the whole file) and returns the hex SHA-256. */
    public String finishSha256() throws IOException {
        byte[] rest = new byte[65536];
        while (read(rest, 0, rest.length) >= 0) {
            // Drain: e.g. trailing blank lines the parser did not ask for.
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Parsers close what they read; the file stays open until its owner has drained and hashed it. */
    @Override
    public void close() {
    }

    public void closeFile() throws IOException {
        super.close();
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
