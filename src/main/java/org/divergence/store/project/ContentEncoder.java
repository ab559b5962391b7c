package org.divergence.store.project;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Feeds typed, length-prefixed values to a SHA-256 through a buffer: the one encoding of the content checksum and of
 * the stored digests it combines (docs/decisions/0080, 0136). A value read from SQLite ({@link #value}) and the same
 * value given by the code that wrote it ({@link #integer}, {@link #text}, {@link #nothing}) encode alike.
 */
final class ContentEncoder {
    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    ContentEncoder() {
        digest = sha256();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    void tag(char tag) {
        room(1);
        buffer.put((byte) tag);
    }

    /** A value as JDBC returns it from SQLite: null, Integer or Long, Double, byte[] or text. */
    void value(Object value) {
        switch (value) {
            case null -> nothing();
            case Integer n -> integer(n);
            case Long n -> integer(n);
            case Double x -> {
                tag('F');
                room(8);
                buffer.putDouble(x);
            }
            case byte[] bytes -> bytes('B', bytes);
            default -> text(value.toString());
        }
    }

    void nothing() {
        tag('N');
    }

    void text(String text) {
        bytes('T', text.getBytes(StandardCharsets.UTF_8));
    }

    void integer(long n) {
        tag('I');
        room(8);
        buffer.putLong(n);
    }

    void bytes(char tag, byte[] bytes) {
        tag(tag);
        room(4);
        buffer.putInt(bytes.length);
        if (bytes.length > buffer.remaining()) {
            flush();
            digest.update(bytes);
        } else {
            buffer.put(bytes);
        }
    }

    private void room(int bytes) {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() {
        digest.update(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    /** The digest of everything fed since the last finish; the encoder starts afresh. */
    byte[] finish() {
        flush();
        return digest.digest();
    }
}
