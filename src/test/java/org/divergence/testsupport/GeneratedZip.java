package org.divergence.testsupport;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP archives byte by byte, including entries no ordinary tool makes on demand: an entry streamed as a tool
 * writing to a pipe would (deflated, sizes only in a zip64 data descriptor after the data) that inflates to
 * gigabytes, generated in about a second from a short repeated compressed block, so a test can hand a reader a real
 * zip bomb without gigabytes of disk or minutes of compressing.
 */
public final class GeneratedZip implements Closeable {

    private record Central(byte[] name, long crc, long compressed, long size, long offset, boolean zip64,
                           boolean streamed) {
    }

    private final OutputStream out;
    private final List<Central> entries = new ArrayList<>();
    private long position;

    private GeneratedZip(Path file) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    public static GeneratedZip create(Path file) throws IOException {
        return new GeneratedZip(file);
    }

    /** An ordinary deflated entry, sizes in its local header. */
    public GeneratedZip add(String name, byte[] content) throws IOException {
        byte[] compressed = rawDeflate(content, true);
        CRC32 crc = new CRC32();
        crc.update(content);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long offset = position;
        ByteBuffer header = little(30);
        header.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8)
                .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue()).putInt(compressed.length)
                .putInt(content.length).putShort((short) nameBytes.length).putShort((short) 0);
        write(header.array());
        write(nameBytes);
        write(compressed);
        entries.add(new Central(nameBytes, crc.getValue(), compressed.length, content.length, offset, false, false));
        return this;
    }

    /**
     * A deflated entry written as a stream: {@code prefix}, then {@code block} {@code repeats} times, then
     * {@code suffix}, with its CRC and sizes only in a zip64 data descriptor (and in the central directory, as the
     * format requires). {@code block} is compressed once and its compressed form repeated, which is valid deflate
     * because each copy starts with an empty dictionary.
     */
    public GeneratedZip addStreamed(String name, byte[] prefix, byte[] block, long repeats, byte[] suffix)
            throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long offset = position;
        ByteBuffer header = little(30 + nameBytes.length + 20);
        header.putInt(0x04034b50).putShort((short) 45).putShort((short) 0x0808).putShort((short) 8)
                .putShort((short) 0).putShort((short) 0x21).putInt(0).putInt(0xFFFFFFFF).putInt(0xFFFFFFFF)
                .putShort((short) nameBytes.length).putShort((short) 20).put(nameBytes)
                .putShort((short) 0x0001).putShort((short) 16).putLong(0).putLong(0);
        write(header.array());
        CRC32 crc = new CRC32();
        long size = 0;
        long compressed = 0;
        byte[] head = rawDeflate(prefix, false);
        write(head);
        crc.update(prefix);
        size += prefix.length;
        compressed += head.length;
        byte[] repeated = rawDeflate(block, false);
        for (long i = 0; i < repeats; i++) {
            write(repeated);
            crc.update(block);
        }
        size += block.length * repeats;
        compressed += repeated.length * repeats;
        byte[] tail = rawDeflate(suffix, true);
        write(tail);
        crc.update(suffix);
        size += suffix.length;
        compressed += tail.length;
        ByteBuffer descriptor = little(24);
        descriptor.putInt(0x08074b50).putInt((int) crc.getValue()).putLong(compressed).putLong(size);
        write(descriptor.array());
        entries.add(new Central(nameBytes, crc.getValue(), compressed, size, offset, true, true));
        return this;
    }

    /**
     * The REFI-QDA archive of issue 17: a project whose one text source is a streamed, deflated zip64 entry of
     * {@code bytes} of interview text (about 2.5 GiB makes the bomb).
     */
    public static void qdpxWithStreamedSource(Path file, long bytes) throws IOException {
        String guid = "51111111-0000-4000-8000-000000000001";
        byte[] block = "Interviewer: and then? P1: we waited for the maintainers to review it.\n".repeat(1 << 14)
                .getBytes(StandardCharsets.UTF_8);
        try (GeneratedZip zip = create(file)) {
            zip.add("project.qde", ("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Bomb\"><Sources><TextSource "
                    + "guid=\"" + guid + "\" name=\"big\" plainTextPath=\"internal://" + guid + ".txt\"/></Sources>"
                    + "</Project>").getBytes(StandardCharsets.UTF_8));
            zip.addStreamed("sources/" + guid + ".txt", new byte[0], block, bytes / block.length, new byte[0]);
        }
    }

    @Override
    public void close() throws IOException {
        long start = position;
        for (Central entry : entries) {
            int extra = entry.zip64() ? 28 : 0;
            ByteBuffer header = little(46 + entry.name().length + extra);
            header.putInt(0x02014b50).putShort((short) 45).putShort((short) (entry.zip64() ? 45 : 20))
                    .putShort((short) (entry.streamed() ? 0x0808 : 0x0800)).putShort((short) 8).putShort((short) 0)
                    .putShort((short) 0x21).putInt((int) entry.crc())
                    .putInt(entry.zip64() ? 0xFFFFFFFF : (int) entry.compressed())
                    .putInt(entry.zip64() ? 0xFFFFFFFF : (int) entry.size())
                    .putShort((short) entry.name().length).putShort((short) extra).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(entry.zip64() ? 0xFFFFFFFF : (int) entry.offset()).put(entry.name());
            if (entry.zip64()) {
                header.putShort((short) 0x0001).putShort((short) 24).putLong(entry.size())
                        .putLong(entry.compressed()).putLong(entry.offset());
            }
            write(header.array());
        }
        ByteBuffer end = little(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt((int) (position - start)).putInt((int) start)
                .putShort((short) 0);
        write(end.array());
        out.close();
    }

    /** Raw deflate: the last block of the stream, or (not {@code last}) blocks ending byte-aligned with a fresh start. */
    static byte[] rawDeflate(byte[] input, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(input);
        if (last) {
            deflater.finish();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH);
            bytes.write(buffer, 0, n);
            if (last ? deflater.finished() : n < buffer.length && deflater.needsInput()) {
                break;
            }
        }
        deflater.end();
        return bytes.toByteArray();
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        position += bytes.length;
    }
}
