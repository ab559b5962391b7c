package org.divergence.exchange.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text read from untrusted input without ever holding more than a limit of characters: decoding a stream strictly
 * ({@link #decode}), or collecting what a document parser extracts ({@link Sink}). Either stops with {@link TooLong}
 * as soon as the limit is passed, whatever the file's size says.
 */
public final class BoundedText {

    private static final int CHUNK = 64 * 1024;

    private BoundedText() {
    }

    /** More characters than the limit. */
    public static final class TooLong extends IOException {
        private final long limit;

        public TooLong(long limit) {
            super("longer than " + limit + " characters");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** Bytes that are not valid in the charset, at a byte offset of the stream (a byte order mark included). */
    public static final class Malformed extends CharacterCodingException {
        private final long offset;
        private final transient Charset charset;

        Malformed(long offset, Charset charset) {
            this.offset = offset;
            this.charset = charset;
        }

        public long offset() {
            return offset;
        }

        public Charset charset() {
            return charset;
        }

        @Override
        public String getMessage() {
            return "invalid byte at offset " + offset;
        }
    }

    /** Decoded text, the charset it was read in, and how many bytes of byte order mark came before it. */
    public record Decoded(String text, Charset charset, int byteOrderMarkLength) {
    }

    /**
     * UTF-8, or UTF-16 when the stream starts with its byte order mark; a UTF-8 byte order mark is left out.
     * {@code sizeHint} (the file's size, or -1) only sizes the first buffer.
     */
    public static Decoded decode(InputStream in, int maxChars, long sizeHint) throws IOException {
        byte[] head = in.readNBytes(3);
        Charset charset = StandardCharsets.UTF_8;
        int mark = 0;
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            mark = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            mark = 2;
        } else if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF) {
            mark = 3;
        }
        byte[] rest = java.util.Arrays.copyOfRange(head, mark, head.length);
        CharsetDecoder strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new Decoded(decode(rest, in, mark, strict, maxChars, sizeHint), charset, mark);
    }

    /** The whole stream in {@code charset}, bytes it cannot map becoming U+FFFD (no byte order mark handling). */
    public static String decodeReplacing(InputStream in, Charset charset, int maxChars, long sizeHint)
            throws IOException {
        CharsetDecoder lenient = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return decode(new byte[0], in, 0, lenient, maxChars, sizeHint);
    }

    private static String decode(byte[] first, InputStream in, long offset, CharsetDecoder decoder, int maxChars,
                                 long sizeHint) throws IOException {
        Charset charset = decoder.charset();
        Sink text = new Sink(maxChars, sizeHint);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        bytes.put(first);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long consumed = offset;
        boolean end = false;
        while (true) {
            if (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
            }
            bytes.flip();
            int before = bytes.position();
            CoderResult result = decoder.decode(bytes, chars, end);
            consumed += bytes.position() - before;
            if (result.isError()) {
                throw new Malformed(consumed, charset);
            }
            if (end && !result.isOverflow()) {
                result = decoder.flush(chars);
                if (result.isError()) {
                    throw new Malformed(consumed, charset);
                }
            }
            chars.flip();
            text.append(chars);
            chars.clear();
            bytes.compact();
            if (end && !result.isOverflow() && bytes.position() == 0) {
                return text.toString();
            }
        }
    }

    /** Collects text up to a limit: appending past it throws {@link TooLong}. */
    public static final class Sink extends Writer {
        private final StringBuilder text;
        private final long maxChars;

        public Sink(long maxChars) {
            this(maxChars, -1);
        }

        Sink(long maxChars, long sizeHint) {
            this.maxChars = maxChars;
            this.text = new StringBuilder((int) Math.clamp(sizeHint, 16, Math.min(maxChars, 1L << 24)));
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            room(length);
            text.append(buffer, offset, length);
        }

        @Override
        public void write(int c) throws IOException {
            room(1);
            text.append((char) c);
        }

        @Override
        public void write(String string, int offset, int length) throws IOException {
            room(length);
            text.append(string, offset, offset + length);
        }

        @Override
        public Sink append(CharSequence sequence) throws IOException {
            CharSequence chars = sequence == null ? "null" : sequence;
            room(chars.length());
            text.append(chars);
            return this;
        }

        /** {@code count} spaces, tabs…: one append however many. */
        public Sink repeat(char c, int count) throws IOException {
            room(count);
            text.repeat(c, count);
            return this;
        }

        private void room(long more) throws TooLong {
            if (text.length() + more > maxChars) {
                throw new TooLong(maxChars);
            }
        }

        public int length() {
            return text.length();
        }

        public long maxChars() {
            return maxChars;
        }

        public boolean isEmpty() {
            return text.isEmpty();
        }

        @Override
        public String toString() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
