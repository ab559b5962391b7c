package org.divergence.exchange.repositories;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One row's extra columns as the JSON object text the project stores, written by a Parquet import straight from the
 * file's values (text as UTF-8 bytes), on the reading thread, so that no Java value, map or JSON generator is made
 * for them (docs/decisions/0115). The text is exactly what the store's Jackson writes for the same extras map
 * ({@code RepositoryTableWriter}): keys in the order they were first put, a key put again keeping its place and
 * taking the new value (a {@code LinkedHashMap}'s behaviour); strings with Jackson's escapes; whole numbers as
 * {@link Long#toString}, others as {@link Double#toString}, NaN and infinities as strings. Reused row after row by
 * one thread.
 */
final class ExtraJsonWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] ESCAPES = escapes();

    private final List<String> names = new ArrayList<>();
    /** Each key as written: {@code "name":}. */
    private byte[][] keys = new byte[8][];
    /** Where each key's value lies in {@link #values} in this row; -1 when it was not put. */
    private int[] start = new int[8];
    private int[] end = new int[8];
    /** The keys put in this row, in the order they were first put. */
    private int[] order = new int[8];
    private int count;
    private byte[] values = new byte[4096];
    private int size;
    private int valueStart = -1;
    private byte[] out = new byte[4096];
    /** Elements written in the list being written; -1 outside a list. */
    private int elements = -1;

    ExtraJsonWriter() {
        Arrays.fill(start, -1);
    }

    /** The id of a key (the same name always has the same id), for {@link #end(int)}. */
    int key(String name) {
        int id = names.indexOf(name);
        if (id >= 0) {
            return id;
        }
        id = names.size();
        names.add(name);
        if (id == keys.length) {
            keys = Arrays.copyOf(keys, id * 2);
            start = Arrays.copyOf(start, id * 2);
            Arrays.fill(start, id, id * 2, -1);
            end = Arrays.copyOf(end, id * 2);
            order = Arrays.copyOf(order, id * 2);
        }
        ExtraJsonWriter encoder = new ExtraJsonWriter();
        encoder.text(name);
        encoder.put((byte) ':');
        keys[id] = Arrays.copyOf(encoder.values, encoder.size);
        return id;
    }

    /** Starts a new row: nothing put. */
    void beginRow() {
        for (int i = 0; i < count; i++) {
            start[order[i]] = -1;
        }
        count = 0;
        size = 0;
        valueStart = -1;
        elements = -1;
    }

    /** Starts a value; then write it, and {@link #end} it under a key or {@link #discard} it. */
    void begin() {
        valueStart = size;
        elements = -1;
    }

    /** The value written since {@link #begin} is the key's. */
    void end(int key) {
        if (start[key] < 0) {
            order[count++] = key;
        }
        start[key] = valueStart;
        end[key] = size;
        valueStart = -1;
    }

    /** Forgets the value written since {@link #begin} (it was null: the key is not put). */
    void discard() {
        size = valueStart;
        valueStart = -1;
        elements = -1;
    }

    /** The row's extras as JSON object text, or null when no key was put. */
    String finish() {
        if (count == 0) {
            return null;
        }
        int length = 2 + count;
        for (int i = 0; i < count; i++) {
            int key = order[i];
            length += keys[key].length + end[key] - start[key];
        }
        if (out.length < length) {
            out = new byte[Math.max(length, out.length * 2)];
        }
        int at = 0;
        out[at++] = '{';
        for (int i = 0; i < count; i++) {
            int key = order[i];
            if (i > 0) {
                out[at++] = ',';
            }
            System.arraycopy(keys[key], 0, out, at, keys[key].length);
            at += keys[key].length;
            System.arraycopy(values, start[key], out, at, end[key] - start[key]);
            at += end[key] - start[key];
        }
        out[at++] = '}';
        return new String(out, 0, at, StandardCharsets.UTF_8);
    }

    /** Starts a list value; its elements follow, then {@link #endList}. */
    void beginList() {
        put((byte) '[');
        elements = 0;
    }

    void endList() {
        put((byte) ']');
        elements = -1;
    }

    private void separate() {
        if (elements > 0) {
            put((byte) ',');
        }
        if (elements >= 0) {
            elements++;
        }
    }

    /** Text given as UTF-8 bytes {@code bytes[from..to)}; bytes that are not UTF-8 read as U+FFFD, as Java reads them. */
    void text(byte[] bytes, int from, int to) {
        separate();
        ensure(6 * (to - from) + 2);
        int mark = size;
        values[size++] = '"';
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0) {
                // Not ASCII: through Java's decoding, so that malformed bytes become what a String of them holds.
                size = mark;
                writeString(new String(bytes, from, to - from, StandardCharsets.UTF_8));
                return;
            }
            if (b < 0x20 || b == '"' || b == '\\') {
                escape(b);
            } else {
                values[size++] = b;
            }
        }
        values[size++] = '"';
    }

    void text(String text) {
        separate();
        writeString(text);
    }

    private void writeString(String text) {
        int length = text.length();
        ensure(6 * length + 2);
        values[size++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Whatever is left, as UTF-8 (escaping still applies to its ASCII characters).
                writeRest(text, i);
                return;
            }
            if (c < 0x20 || c == '"' || c == '\\') {
                escape((byte) c);
            } else {
                values[size++] = (byte) c;
            }
        }
        values[size++] = '"';
    }

    private void writeRest(String text, int from) {
        StringBuilder escaped = new StringBuilder(text.length() - from + 16);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                escaped.append(new String(ESCAPES[c], StandardCharsets.US_ASCII));
            } else {
                escaped.append(c);
            }
        }
        byte[] utf8 = escaped.toString().getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length + 1);
        System.arraycopy(utf8, 0, values, size, utf8.length);
        size += utf8.length;
        values[size++] = '"';
    }

    private void escape(byte b) {
        byte[] escaped = ESCAPES[b];
        ensure(escaped.length);
        System.arraycopy(escaped, 0, values, size, escaped.length);
        size += escaped.length;
    }

    /**
     * Jackson's escapes for the ASCII characters that need one: a backslash before {@code "} and {@code \}, short
     * forms for five controls, {@code \}{@code u00XX} for the other controls; null for the rest.
     */
    private static byte[][] escapes() {
        byte[][] table = new byte[128][];
        for (int c = 0; c < 0x20; c++) {
            table[c] = new byte[] {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 0xF]};
        }
        table['"'] = new byte[] {'\\', '"'};
        table['\\'] = new byte[] {'\\', '\\'};
        table['\b'] = new byte[] {'\\', 'b'};
        table['\t'] = new byte[] {'\\', 't'};
        table['\n'] = new byte[] {'\\', 'n'};
        table['\f'] = new byte[] {'\\', 'f'};
        table['\r'] = new byte[] {'\\', 'r'};
        return table;
    }

    void number(long value) {
        separate();
        if (value >= 0 && value < 10) {
            put((byte) ('0' + value));
            return;
        }
        ascii(Long.toString(value));
    }

    void number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            text(Double.toString(value));
            return;
        }
        separate();
        ascii(Double.toString(value));
    }

    void bool(boolean value) {
        separate();
        byte[] word = value ? TRUE : FALSE;
        ensure(word.length);
        System.arraycopy(word, 0, values, size, word.length);
        size += word.length;
    }

    private void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            values[size++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        values[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > values.length) {
            values = Arrays.copyOf(values, Math.max(size + more, values.length * 2));
        }
    }
}
