package org.divergence.exchange.sampling;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.sampling.DrawRecord;
import org.divergence.core.sampling.StratumDimension;

/**
 * Writes a drawn sample: the id list (one {@link RepositoryRef} per line, UTF-8, "\n") and beside it the record of the
 * draw, {@code <ids file>.draw.json} (format documented in docs/population.md). Both are written to temporary files
 * first and then moved into place, so a failed write leaves no half list behind.
 */
public final class DrawFiles {

    /** The record's format name and version. */
    public static final String FORMAT = "divergence-draw/1";
    static final String METHOD = "stratified simple random sample without replacement; proportional allocation by"
            + " largest remainder (ties: stratum order); SplitMix64 partial Fisher-Yates over each stratum in key"
            + " order";

    private DrawFiles() {
    }

    /** The record that belongs to an id list. */
    public static Path recordOf(Path idsFile) {
        return idsFile.resolveSibling(idsFile.getFileName() + ".draw.json");
    }

    /** The bytes of the id list: the same record gives the same bytes. */
    public static byte[] idsText(DrawRecord record) {
        StringBuilder text = new StringBuilder();
        for (RepositoryRef ref : record.listedIds()) {
            text.append(ref).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void write(Path idsFile, DrawRecord record) {
        Path target = idsFile.toAbsolutePath().normalize();
        byte[] ids = idsText(record);
        byte[] json = recordJson(record, target.getFileName().toString(), sha256(ids));
        Path recordFile = recordOf(target);
        try {
            Files.createDirectories(target.getParent());
            Path idsTemporary = Files.createTempFile(target.getParent(), ".draw-", ".tmp");
            Path recordTemporary = Files.createTempFile(target.getParent(), ".draw-", ".tmp");
            try {
                Files.write(idsTemporary, ids);
                Files.write(recordTemporary, json);
                Files.move(recordTemporary, recordFile, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                Files.move(idsTemporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(idsTemporary);
                Files.deleteIfExists(recordTemporary);
            }
        } catch (IOException e) {
            throw new InvalidInputException(target + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] recordJson(DrawRecord record, String idsName, String idsSha256) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("ids_file", idsName);
            json.writeStringField("ids_sha256", idsSha256);
            json.writeStringField("project", record.projectName());
            json.writeStringField("drawn_at", record.drawnAt().toString());
            json.writeStringField("method", METHOD);
            json.writeObjectFieldStart("options");
            json.writeNumberField("n", record.options().n());
            json.writeNumberField("seed", record.options().seed());
            strings(json, "strata", record.options().strata().stream().map(StratumDimension::code).toList());
            strings(json, "where", record.options().filter().whereItems());
            json.writeStringField("filter", record.options().filter().describe());
            json.writeNumberField("reserve", record.options().reserve());
            json.writeEndObject();
            json.writeObjectFieldStart("population");
            json.writeNumberField("repositories", record.populationSize());
            json.writeArrayFieldStart("batches");
            for (ImportBatch batch : record.batches()) {
                json.writeStartObject();
                json.writeNumberField("id", batch.id());
                json.writeStringField("source_name", batch.sourceName());
                json.writeStringField("source_sha256", batch.sourceSha256());
                json.writeStringField("format", batch.format());
                json.writeStringField("imported_at", batch.importedAt().toString());
                json.writeNumberField("repositories", batch.currentRepositories());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeNumberField("sample_size", record.sampleSize());
            json.writeNumberField("reserve_size", record.reserveSize());
            json.writeArrayFieldStart("strata");
            for (DrawRecord.Stratum stratum : record.strata()) {
                json.writeStartObject();
                json.writeObjectFieldStart("key");
                List<StratumDimension> dimensions = record.options().strata();
                for (int i = 0; i < dimensions.size(); i++) {
                    json.writeStringField(dimensions.get(i).code(), stratum.key().values().get(i));
                }
                json.writeEndObject();
                json.writeNumberField("population", stratum.population());
                json.writeNumberField("sample_size", stratum.sample().size());
                json.writeNumberField("reserve_size", stratum.reserve().size());
                strings(json, "sample", stratum.sample().stream().map(RepositoryRef::toString).toList());
                strings(json, "reserve", stratum.reserve().stream().map(RepositoryRef::toString).toList());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
