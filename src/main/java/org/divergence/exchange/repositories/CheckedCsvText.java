package org.divergence.exchange.repositories;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The text of a CSV file as FastCSV reads it, checked on the way: strict UTF-8 (a byte-order mark is dropped),
 * no NUL characters, and RFC 4180 quoting (no bare quote inside an unquoted field, no quoted field left open at
 * the end of the file — FastCSV itself accepts both). A problem stops the read with {@link Problem}, which names
 * the line and column.
 */
final class CheckedCsvText extends Reader {

    /** Thrown through FastCSV (as the cause of an UncheckedIOException) and unwrapped by the CSV source. */
    static final class Problem extends IOException {
        Problem(String message) {
            super(message);
        }
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN }

    private final InputStream bytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer input = ByteBuffer.allocate(64 * 1024).flip();
    private boolean endOfInput;
    private String pendingEncodingError;
    private final Path file;
    private State state = State.FIELD_START;
    private long line = 1;
    private long column;
    private long quoteOpenedOnLine;
    private boolean first = true;
    private boolean previousWasCarriageReturn;

    CheckedCsvText(InputStream bytes, Path file) {
        this.bytes = bytes;
        this.file = file;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = decode(buffer, offset, length);
        if (n < 0) {
            if (state == State.QUOTED) {
                throw problem(quoteOpenedOnLine, 0, "a quoted field is never closed (its quote opens on line "
                        + quoteOpenedOnLine + "; the file may be truncated)");
            }
            return n;
        }
        int start = offset;
        if (first && n > 0) {
            first = false;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        // Most characters are ordinary (none of NUL, CR, LF, quote, comma; '#' and above but the comma) and only move
        // the column: they are counted here, in locals, and only the others go through check() (a fifth of reading).
        State current = state;
        long at = column;
        boolean carriageReturnBefore = previousWasCarriageReturn;
        for (int i = start; i < start + n; i++) {
            char c = buffer[i];
            if (c >= '#' && c != ',' && current != State.QUOTE_SEEN) {
                at++;
                carriageReturnBefore = false;
                if (current == State.FIELD_START) {
                    current = State.UNQUOTED;
                }
            } else {
                state = current;
                column = at;
                previousWasCarriageReturn = carriageReturnBefore;
                check(c);
                current = state;
                at = column;
                carriageReturnBefore = previousWasCarriageReturn;
            }
        }
        state = current;
        column = at;
        previousWasCarriageReturn = carriageReturnBefore;
        return n;
    }

    /**
     * Decodes UTF-8 strictly. Characters before a bad byte are delivered first, so the line and column counted
     * over them say exactly where the bad byte is.
     */
    private int decode(char[] buffer, int offset, int length) throws IOException {
        if (pendingEncodingError != null) {
            throw problem(line, column + 1, pendingEncodingError);
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            CoderResult result = decoder.decode(input, out, endOfInput);
            int produced = out.position() - offset;
            // A UTF-16 byte-order mark only counts at the very first byte; FF FE further on is just invalid UTF-8.
            if (result.isError() && first && produced == 0 && input.position() == 0 && isUtf16ByteOrderMark()) {
                throw problem(1, 0, "is UTF-16 text; save the file as UTF-8");
            }
            if (result.isError()) {
                String message = String.format("invalid UTF-8 (byte 0x%02X; save the file as UTF-8)",
                        input.get(input.position()) & 0xFF);
                if (produced > 0) {
                    pendingEncodingError = message;
                    return produced;
                }
                throw problem(line, column + 1, message);
            }
            if (produced > 0) {
                return produced;
            }
            if (endOfInput) {
                return -1;
            }
            input.compact();
            int read = bytes.read(input.array(), input.position(), input.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                input.position(input.position() + read);
            }
            input.flip();
        }
    }

    private boolean isUtf16ByteOrderMark() {
        int at = input.position();
        if (input.limit() - at < 2) {
            return false;
        }
        int first = input.get(at) & 0xFF;
        int second = input.get(at + 1) & 0xFF;
        return (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE);
    }

    private void check(char c) throws Problem {
        column++;
        if (c == '\0') {
            throw problem(line, column, "contains a NUL character; is this a binary file rather than CSV?");
        }
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = State.QUOTED;
                    quoteOpenedOnLine = line;
                } else if (c != ',' && c != '\n' && c != '\r') {
                    state = State.UNQUOTED;
                }
            }
            case UNQUOTED -> {
                if (c == ',' || c == '\n' || c == '\r') {
                    state = State.FIELD_START;
                } else if (c == '"') {
                    throw problem(line, column, "malformed quote: a quote inside an unquoted field (quote the"
                            + " whole field and double the quote: \"\")");
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_SEEN;
                }
            }
            case QUOTE_SEEN -> {
                if (c == '"') {
                    state = State.QUOTED;
                } else if (c == ',' || c == '\n' || c == '\r') {
                    state = State.FIELD_START;
                } else {
                    throw problem(line, column, "malformed quote: unexpected character after a closing quote");
                }
            }
            default -> throw new IllegalStateException();
        }
        if (c == '\n') {
            if (!previousWasCarriageReturn) {
                line++;
            }
            column = 0;
        } else if (c == '\r') {
            line++;
            column = 0;
        }
        previousWasCarriageReturn = c == '\r';
    }

    private Problem problem(long atLine, long atColumn, String what) {
        String place = file.getFileName() + ":" + atLine + (atColumn > 0 ? ": character " + atColumn : "");
        return new Problem(place + ": " + what);
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
