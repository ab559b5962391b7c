package org.divergence.exchange.repositories;

import dev.hardwood.metadata.ColumnChunk;
import dev.hardwood.metadata.ColumnMetaData;
import dev.hardwood.metadata.CompressionCodec;
import dev.hardwood.metadata.RowGroup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;

/**
 * What a Parquet file must keep to be streamed in a small heap, checked before a single value is decoded. The reader
 * (Hardwood) keeps compressed bytes off the heap and decodes one page at a time per column, so memory follows the
 * pages, not the row groups: a row group of any size streams. Each page header is read here (a few bytes per page;
 * the Thrift compact protocol, walked without decoding the pages) and the file is refused, with the limit in the
 * message, when a page is larger than {@link #MAX_PAGE_BYTES} or the largest pages of the columns read together
 * exceed {@link #MAX_PAGES_TOGETHER_BYTES}.
 */
final class ParquetLimits {

    /** One page, uncompressed. pyarrow, Spark and parquet-java write 1 MiB pages; DuckDB ≥ 2.0 with a limit too. */
    static final long MAX_PAGE_BYTES = 16L * 1024 * 1024;
    /** One page of each column read, together: what is decoded at once (measured: docs/decisions/0110). */
    static final long MAX_PAGES_TOGETHER_BYTES = 48L * 1024 * 1024;
    /** The footer (schema and row-group metadata), read whole. */
    static final long MAX_FOOTER_BYTES = 16L * 1024 * 1024;
    /** Hardwood maps one column chunk as one buffer. */
    static final long MAX_CHUNK_BYTES = Integer.MAX_VALUE;
    /** Codecs the shipped decompressors read. */
    static final Set<CompressionCodec> CODECS = Set.of(CompressionCodec.UNCOMPRESSED, CompressionCodec.SNAPPY,
            CompressionCodec.GZIP, CompressionCodec.ZSTD);

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int FIRST_READ = 256;
    private static final int MAX_HEADER_BYTES = 1024 * 1024;

    private ParquetLimits() {
    }

    /** Whether the file starts with Parquet's magic number. */
    static boolean startsWithMagic(byte[] head, int length) {
        return length >= 4 && head[0] == MAGIC[0] && head[1] == MAGIC[1] && head[2] == MAGIC[2] && head[3] == MAGIC[3];
    }

    /** The file's tail: the footer's magic and length, before the reader reads the footer whole. */
    static void checkFooter(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (size < 12 || channel.read(tail, size - 8) != 8) {
                throw new InvalidInputException(name(file) + ": is not a whole Parquet file (too short; it may be"
                        + " truncated)");
            }
            byte[] magic = new byte[4];
            tail.get(4, magic);
            if ("PARE".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new InvalidInputException(name(file) + ": is an encrypted Parquet file; decrypt it first");
            }
            if (!"PAR1".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new InvalidInputException(name(file) + ": does not end with Parquet's footer (PAR1); the file is"
                        + " truncated or was still being written");
            }
            long footer = Integer.toUnsignedLong(tail.getInt(0));
            if (footer > size - 12) {
                throw new InvalidInputException(name(file) + ": its footer claims " + footer + " bytes, more than the"
                        + " file holds; the file is damaged");
            }
            if (footer > MAX_FOOTER_BYTES) {
                throw new InvalidInputException(name(file) + ": its footer (schema and row-group metadata) is "
                        + mebibytes(footer) + "; this import reads footers of at most "
                        + mebibytes(MAX_FOOTER_BYTES));
            }
        } catch (IOException e) {
            throw new InvalidInputException(name(file) + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Walks the pages of the columns that will be read, and refuses what cannot be streamed in a small heap. */
    static void checkPages(Path file, List<RowGroup> rowGroups, java.util.Collection<String> topLevelFields) {
        long[] largestPerColumn = null;
        String[] columnNames = null;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            PageWalk walk = new PageWalk(channel, channel.size(), name(file));
            for (RowGroup group : rowGroups) {
                List<ColumnChunk> chunks = group.columns();
                if (largestPerColumn == null) {
                    largestPerColumn = new long[chunks.size()];
                    columnNames = new String[chunks.size()];
                }
                for (int i = 0; i < chunks.size(); i++) {
                    ColumnMetaData meta = chunks.get(i).metaData();
                    if (!topLevelFields.contains(meta.pathInSchema().topLevelName())) {
                        continue;
                    }
                    String column = String.join(".", meta.pathInSchema().elements());
                    if (!CODECS.contains(meta.codec())) {
                        throw new InvalidInputException(name(file) + ": column " + column + " is compressed with "
                                + meta.codec() + "; this import reads Parquet compressed with Snappy, Zstandard or"
                                + " Gzip, or uncompressed (rewrite it, e.g. with COMPRESSION zstd)");
                    }
                    if (meta.totalCompressedSize() > MAX_CHUNK_BYTES) {
                        throw new InvalidInputException(name(file) + ": column " + column + " has a column chunk of "
                                + mebibytes(meta.totalCompressedSize()) + " compressed; this import reads chunks of"
                                + " at most 2 GiB (write smaller row groups)");
                    }
                    long largest = walk.largestPage(chunks.get(i).chunkStartOffset(), meta.totalCompressedSize(),
                            column);
                    if (largest > MAX_PAGE_BYTES) {
                        throw new InvalidInputException(name(file) + ": column " + column + " has data pages of "
                                + mebibytes(largest) + " (uncompressed); this import streams files whose pages are at"
                                + " most " + mebibytes(MAX_PAGE_BYTES) + ". Rewrite it with smaller pages: pyarrow,"
                                + " Spark and parquet-java write 1 MiB pages; DuckDB ≥ 2.0 with DATA_PAGE_SIZE_LIMIT"
                                + " 1048576");
                    }
                    largestPerColumn[i] = Math.max(largestPerColumn[i], largest);
                    columnNames[i] = column;
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(name(file) + ": cannot be read (" + e.getMessage() + ")", e);
        }
        long together = 0;
        for (long largest : largestPerColumn == null ? new long[0] : largestPerColumn) {
            together += largest;
        }
        if (together > MAX_PAGES_TOGETHER_BYTES) {
            throw new InvalidInputException(name(file) + ": the " + topLevelFields.size() + " fields this import reads"
                    + " have pages of " + mebibytes(together) + " together (the largest of each column); this import"
                    + " streams files whose pages add up to at most " + mebibytes(MAX_PAGES_TOGETHER_BYTES)
                    + ". Rewrite it with smaller pages (1 MiB, as pyarrow and Spark write them), or with fewer"
                    + " columns");
        }
    }

    /** Reads page headers one after another through a column chunk. */
    private static final class PageWalk {
        private final FileChannel channel;
        private final long fileSize;
        private final String fileName;
        private ByteBuffer buffer = ByteBuffer.allocate(FIRST_READ);

        PageWalk(FileChannel channel, long fileSize, String fileName) {
            this.channel = channel;
            this.fileSize = fileSize;
            this.fileName = fileName;
        }

        long largestPage(long start, long length, String column) throws IOException {
            long end = start + length;
            if (start < 4 || end > fileSize) {
                throw damaged(column, "its column chunk lies outside the file");
            }
            long position = start;
            long largest = 0;
            while (position < end) {
                int[] header = header(position, end, column);
                int headerLength = header[0];
                int uncompressed = header[1];
                int compressed = header[2];
                if (uncompressed < 0 || compressed < 0) {
                    throw damaged(column, "a page header gives a negative size");
                }
                largest = Math.max(largest, uncompressed);
                position += headerLength + (long) compressed;
            }
            return largest;
        }

        /** {header length, uncompressed size, compressed size} of the page header at {@code position}. */
        private int[] header(long position, long end, String column) throws IOException {
            int window = FIRST_READ;
            while (true) {
                int length = (int) Math.min(window, end - position);
                if (buffer.capacity() < length) {
                    buffer = ByteBuffer.allocate(length);
                }
                buffer.clear().limit(length);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw damaged(column, "it ends inside a page header");
                    }
                }
                buffer.flip();
                try {
                    return CompactStruct.pageHeader(buffer);
                } catch (java.nio.BufferUnderflowException e) {
                    if (length < window || window >= MAX_HEADER_BYTES) {
                        throw damaged(column, length < window ? "a page header runs past its column chunk"
                                : "a page header is larger than 1 MiB");
                    }
                    window *= 16;
                } catch (IllegalArgumentException e) {
                    throw damaged(column, "a page header cannot be read (" + e.getMessage() + ")");
                }
            }
        }

        private InvalidInputException damaged(String column, String detail) {
            return new InvalidInputException(fileName + ": column " + column + ": " + detail
                    + "; the file is damaged");
        }
    }

    /** Just enough of the Thrift compact protocol to read a PageHeader's sizes and skip the rest of it. */
    private static final class CompactStruct {
        private static final int STOP = 0;
        private static final int TRUE = 1;
        private static final int FALSE = 2;
        private static final int BYTE = 3;
        private static final int I16 = 4;
        private static final int I32 = 5;
        private static final int I64 = 6;
        private static final int DOUBLE = 7;
        private static final int BINARY = 8;
        private static final int LIST = 9;
        private static final int SET = 10;
        private static final int MAP = 11;
        private static final int STRUCT = 12;
        private static final int MAX_DEPTH = 32;

        static int[] pageHeader(ByteBuffer in) {
            int start = in.position();
            int[] sizes = new int[4];
            int field = 0;
            while (true) {
                int header = in.get() & 0xFF;
                int type = header & 0x0F;
                if (type == STOP) {
                    break;
                }
                int delta = header >>> 4;
                field = delta == 0 ? (int) zigzag(varint(in)) : field + delta;
                if ((field == 2 || field == 3) && type == I32) {
                    sizes[field] = (int) zigzag(varint(in));
                } else {
                    skip(in, type, 0);
                }
            }
            return new int[] {in.position() - start, sizes[2], sizes[3]};
        }

        private static void skip(ByteBuffer in, int type, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("nested too deeply");
            }
            switch (type) {
                case TRUE, FALSE -> {
                    // A boolean field carries its value in the type.
                }
                case BYTE -> in.get();
                case I16, I32, I64 -> varint(in);
                case DOUBLE -> in.position(in.position() + 8);
                case BINARY -> skipBytes(in, varint(in));
                case LIST, SET -> {
                    int header = in.get() & 0xFF;
                    long size = header >>> 4 == 15 ? varint(in) : header >>> 4;
                    int elementType = header & 0x0F;
                    for (long i = 0; i < size; i++) {
                        skipElement(in, elementType, depth + 1);
                    }
                }
                case MAP -> {
                    long size = varint(in);
                    if (size > 0) {
                        int types = in.get() & 0xFF;
                        for (long i = 0; i < size; i++) {
                            skipElement(in, types >>> 4, depth + 1);
                            skipElement(in, types & 0x0F, depth + 1);
                        }
                    }
                }
                case STRUCT -> {
                    while (true) {
                        int header = in.get() & 0xFF;
                        if ((header & 0x0F) == STOP) {
                            break;
                        }
                        if (header >>> 4 == 0) {
                            varint(in);
                        }
                        skip(in, header & 0x0F, depth + 1);
                    }
                }
                default -> throw new IllegalArgumentException("unknown field type " + type);
            }
        }

        /** In collections a boolean is a byte of its own. */
        private static void skipElement(ByteBuffer in, int type, int depth) {
            if (type == TRUE || type == FALSE) {
                in.get();
            } else {
                skip(in, type, depth);
            }
        }

        private static void skipBytes(ByteBuffer in, long length) {
            if (length < 0 || length > in.remaining()) {
                throw new java.nio.BufferUnderflowException();
            }
            in.position(in.position() + (int) length);
        }

        private static long varint(ByteBuffer in) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.get() & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a number longer than ten bytes");
        }

        private static long zigzag(long value) {
            return (value >>> 1) ^ -(value & 1);
        }
    }

    static String name(Path file) {
        return file.getFileName().toString();
    }

    static String mebibytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0)
                : String.format(java.util.Locale.ROOT, "%,d bytes", bytes);
    }
}
