package org.divergence.exchange.repositories;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.divergence.core.common.InvalidInputException;

/**
 * The file formats a repository sample can come in: Parquet by its content (its magic number), the text formats by
 * extension and, for .json, by content.
 */
public enum ImportFormat {
    CSV("csv", "CSV (canonical columns)"),
    JSON_LINES("jsonl", "JSON Lines (canonical keys)"),
    PLATFORM_JSON("api-json", "JSON saved from the GitHub or Hugging Face API"),
    PARQUET("parquet", "Parquet (canonical columns, or a Hugging Face Hub snapshot)");

    private final String code;
    private final String description;

    ImportFormat(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** What the import batch records as its format. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public RowSource source(ImportOptions options) {
        return switch (this) {
            case CSV -> new CsvRowSource(options.columns());
            case JSON_LINES -> new JsonLinesRowSource();
            case PLATFORM_JSON -> new PlatformJsonRowSource(options.huggingFaceType());
            case PARQUET -> new ParquetRowSource(options.huggingFaceType());
        };
    }

    /** Checks the file is a readable regular file and decides its format. */
    public static ImportFormat detect(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file + ": is a folder, not a file");
        }
        if (!Files.exists(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": is not a regular file (a device, pipe or socket)");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(file + ": cannot be read (permission denied)");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isParquet(file)) {
            return PARQUET;
        }
        if (name.endsWith(".parquet")) {
            throw new InvalidInputException(file + ": is not a Parquet file (it does not start with PAR1)");
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (name.endsWith(".json")) {
            return sniffJson(file);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && !name.endsWith(".txt")) {
            throw new InvalidInputException(file + ": unsupported file type (" + name.substring(dot) + "); import"
                    + " CSV (.csv), JSON Lines (.jsonl), JSON saved from the GitHub or Hugging Face API (.json) or"
                    + " Parquet (.parquet)");
        }
        int first = firstSignificantByte(file);
        return first == '{' || first == '[' ? sniffJson(file) : CSV;
    }

    /** A .json file whose first object has a "platform" key is JSON Lines misnamed; otherwise API JSON. */
    private static ImportFormat sniffJson(Path file) {
        int first = firstSignificantByte(file);
        if (first != '{') {
            return PLATFORM_JSON;
        }
        try (InputStream in = Files.newInputStream(file);
             var parser = JsonInput.parser(in)) {
            parser.nextToken();
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if ("platform".equals(key)) {
                    return JSON_LINES;
                }
                if ("items".equals(key)) {
                    return PLATFORM_JSON;
                }
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException e) {
            // The real read reports the problem with its place.
        }
        return PLATFORM_JSON;
    }

    private static boolean isParquet(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = new byte[4];
            return ParquetLimits.startsWithMagic(head, in.readNBytes(head, 0, 4));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static int firstSignificantByte(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
                    continue;
                }
                return b;
            }
            return -1;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
