package org.divergence.exchange.sampling;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.sampling.DrawnList;

/**
 * Reads an id list for {@code collect --ids-file}: one repository per line in the text form of ADR 0111 (blank lines
 * and lines starting with # are skipped), at most {@value #MAX_BYTES} bytes; and the draw's record beside it
 * ({@code FILE.draw.json}, at most {@value #MAX_RECORD_BYTES} bytes) when there is one, which must belong to the
 * list (its {@code ids_sha256}).
 */
public final class DrawnListReader {

    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final long MAX_RECORD_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build()).build());

    private DrawnListReader() {
    }

    public static DrawnList read(Path idsFile) {
        byte[] bytes = bytes(idsFile, MAX_BYTES);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(idsFile + ": not UTF-8 text", e);
        }
        Set<RepositoryRef> listed = new LinkedHashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            RepositoryRef ref;
            try {
                ref = RepositoryRef.parse(line);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(idsFile + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
            if (!ref.isTyped()) {
                throw new InvalidInputException(idsFile + ":" + (i + 1) + ": '" + line + "' has no type; write"
                        + " huggingface:TYPE:OWNER/NAME (TYPE model, dataset or space)");
            }
            listed.add(ref);
        }
        if (listed.isEmpty()) {
            throw new InvalidInputException(idsFile + ": lists no repositories");
        }
        String sha256 = DrawFiles.sha256(bytes);
        Path recordFile = DrawFiles.recordOf(idsFile);
        if (!Files.exists(recordFile)) {
            return new DrawnList(idsFile.getFileName().toString(), sha256, List.copyOf(listed), Map.of(), Set.of(),
                    null);
        }
        return withRecord(idsFile, recordFile, sha256, List.copyOf(listed));
    }

    private static DrawnList withRecord(Path idsFile, Path recordFile, String sha256, List<RepositoryRef> listed) {
        JsonNode record;
        try {
            record = JSON.readTree(bytes(recordFile, MAX_RECORD_BYTES));
        } catch (IOException e) {
            throw new InvalidInputException(recordFile + ": not the JSON record of a draw (" + e.getMessage() + ")", e);
        }
        if (record == null || !DrawFiles.FORMAT.equals(record.path("format").asText())) {
            throw new InvalidInputException(recordFile + ": format: expected " + DrawFiles.FORMAT);
        }
        if (!sha256.equals(record.path("ids_sha256").asText())) {
            throw new InvalidInputException(recordFile + ": ids_sha256: the record belongs to another version of "
                    + idsFile.getFileName() + " (the list was changed after the draw); draw again, or move the"
                    + " record away to crawl the list as it is");
        }
        Map<RepositoryRef, String> stratumOf = new HashMap<>();
        Set<RepositoryRef> reserve = new HashSet<>();
        for (JsonNode stratum : record.path("strata")) {
            List<String> values = new ArrayList<>();
            stratum.path("key").properties().forEach(entry -> values.add(entry.getValue().asText()));
            String label = values.isEmpty() ? "all" : String.join(" / ", values);
            for (JsonNode id : stratum.path("sample")) {
                stratumOf.put(RepositoryRef.parse(id.asText()), label);
            }
            for (JsonNode id : stratum.path("reserve")) {
                RepositoryRef ref = RepositoryRef.parse(id.asText());
                stratumOf.put(ref, label);
                reserve.add(ref);
            }
        }
        return new DrawnList(idsFile.getFileName().toString(), sha256, listed, stratumOf, reserve,
                summary(record, sha256));
    }

    private static String summary(JsonNode record, String sha256) {
        JsonNode options = record.path("options");
        List<String> batches = new ArrayList<>();
        for (JsonNode batch : record.path("population").path("batches")) {
            String digest = batch.path("source_sha256").asText("");
            batches.add(Path.of(batch.path("source_name").asText("?")).getFileName() + (digest.isEmpty() ? ""
                    : " (SHA-256 " + digest + ")"));
        }
        List<String> strata = new ArrayList<>();
        options.path("strata").forEach(node -> strata.add(node.asText()));
        return String.format("%s (SHA-256 %s): %,d drawn of %,d in %s at %s, seed %d, strata %s, %s, reserve %d per"
                        + " stratum; population from %s", record.path("ids_file").asText(), sha256,
                record.path("sample_size").asLong(), record.path("population").path("repositories").asLong(),
                record.path("project").asText(), record.path("drawn_at").asText(), options.path("seed").asLong(),
                strata.isEmpty() ? "none" : String.join(",", strata), options.path("filter").asText(),
                options.path("reserve").asInt(), batches.isEmpty() ? "no batches" : String.join(", ", batches));
    }

    private static byte[] bytes(Path file, long limit) {
        try {
            if (Files.size(file) > limit) {
                throw new InvalidInputException(file + ": larger than " + limit / (1024 * 1024) + " MiB, the limit"
                        + " for an id list or its record");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
