package org.divergence.exchange.repositories;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.CanonicalValues;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.RowProblem;

/** The canonical sample as JSON Lines: one object per line with the canonical keys; other keys are kept as extra. */
final class JsonLinesRowSource implements RowSource {

    private static final int PROGRESS_EVERY = 1 << 13;

    @Override
    public void read(CountingInput input, RowSink sink, boolean skipInvalid, Progress progress) {
        String fileName = input.file().getFileName().toString();
        JsonParser parser = null;
        try (JsonParser opened = JsonInput.parser(input)) {
            parser = opened;
            long rows = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                long line = parser.currentTokenLocation().getLineNr();
                SourceLocation location = SourceLocation.line(input.file(), line);
                if (token != JsonToken.START_OBJECT) {
                    throw new InvalidInputException(location + ": expected a JSON object per line, found " + token);
                }
                input.limitFromHere(JsonInput.MAX_RECORD_BYTES, location + ": a JSON object larger than "
                        + JsonInput.MAX_RECORD_BYTES / (1024 * 1024) + " MiB; is this really a repository sample?");
                JsonNode object = JsonInput.MAPPER.readTree(parser);
                input.endLimit();
                try {
                    sink.accept(toRow(object), location);
                } catch (RowProblem problem) {
                    if (!skipInvalid) {
                        throw new InvalidInputException(location + ": " + problem.describe().replace("column \"", "key \""));
                    }
                    sink.reject(location, problem.describe(), List.of(object.toString()));
                }
                if (++rows % PROGRESS_EVERY == 0) {
                    progress.checkCancelled();
                    progress.update(input.position(), input.size(), String.format("%,d rows read", rows));
                }
            }
        } catch (JsonProcessingException e) {
            throw JsonInput.problem(fileName, e, parser);
        } catch (CountingInput.RecordTooLarge e) {
            throw new InvalidInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(fileName + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static RepositoryRow toRow(JsonNode object) {
        Platform platform = CanonicalValues.platform(JsonInput.text(object, CanonicalColumns.PLATFORM, true));
        RepoType type = CanonicalValues.repoType(JsonInput.text(object, CanonicalColumns.REPO_TYPE, true), platform);
        String name = CanonicalValues.fullName(JsonInput.text(object, CanonicalColumns.FULL_NAME, true), platform);
        RepositoryRow row = new RepositoryRow(platform, type, name).createdAt(CanonicalValues.createdAt(
                JsonInput.text(object, CanonicalColumns.CREATED_AT, false), platform));
        for (CountColumn column : CountColumn.values()) {
            long value = JsonInput.count(object, column.column());
            if (value >= 0) {
                row.count(column, value);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!CanonicalColumns.isCanonical(field.getKey()) && !field.getValue().isNull()) {
                row.putExtra(field.getKey(), JsonInput.plain(field.getValue()));
            }
        }
        CanonicalValues.checkConsistency(row);
        return row;
    }
}
