package org.divergence.testsupport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Writes a PDF byte by byte whose pages all show one content stream, Flate-compressed and generated from a short
 * repeated block (as {@link GeneratedZip} does for ZIP entries), so a test can hand the PDF reader a page whose
 * content unpacks to a gigabyte, or one page with millions of characters, in a file of a few megabytes.
 */
public final class GeneratedPdf {

    private GeneratedPdf() {
    }

    /** {@code pages} pages, each drawing prefix + block × repeats + suffix (PDF content operators) in Helvetica. */
    public static void write(Path file, int pages, String prefix, String block, long repeats, String suffix)
            throws IOException {
        byte[] head = GeneratedZip.rawDeflate(prefix.getBytes(StandardCharsets.ISO_8859_1), false);
        byte[] repeatedBlock = block.getBytes(StandardCharsets.ISO_8859_1);
        byte[] repeated = GeneratedZip.rawDeflate(repeatedBlock, false);
        byte[] tail = GeneratedZip.rawDeflate(suffix.getBytes(StandardCharsets.ISO_8859_1), true);
        Adler32 adler = new Adler32();
        adler.update(prefix.getBytes(StandardCharsets.ISO_8859_1));
        for (long i = 0; i < repeats; i++) {
            adler.update(repeatedBlock);
        }
        adler.update(suffix.getBytes(StandardCharsets.ISO_8859_1));
        long length = 2 + head.length + repeated.length * repeats + tail.length + 4;

        List<Long> offsets = new ArrayList<>();
        try (Counting out = new Counting(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.text("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
            offsets.add(out.count);
            out.text("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets.add(out.count);
            StringBuilder kids = new StringBuilder();
            for (int page = 0; page < pages; page++) {
                kids.append(5 + page).append(" 0 R ");
            }
            out.text("2 0 obj\n<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>\nendobj\n");
            offsets.add(out.count);
            out.text("3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
            offsets.add(out.count);
            out.text("4 0 obj\n<< /Length " + length + " /Filter /FlateDecode >>\nstream\n");
            out.write(new byte[] {0x78, 0x01});
            out.write(head);
            for (long i = 0; i < repeats; i++) {
                out.write(repeated);
            }
            out.write(tail);
            long checksum = adler.getValue();
            out.write(new byte[] {(byte) (checksum >>> 24), (byte) (checksum >>> 16), (byte) (checksum >>> 8),
                (byte) checksum});
            out.text("\nendstream\nendobj\n");
            for (int page = 0; page < pages; page++) {
                offsets.add(out.count);
                out.text((5 + page) + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
                        + "/Font << /F1 3 0 R >> >> /Contents 4 0 R >>\nendobj\n");
            }
            long xref = out.count;
            StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (long offset : offsets) {
                table.append(String.format("%010d 00000 n \n", offset));
            }
            out.text(table + "trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                    + "\n%%EOF\n");
        }
    }

    private static final class Counting extends java.io.FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        void text(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            count += bytes.length;
        }
    }
}
