package org.divergence.exchange.repositories;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.RowProblem;

/**
 * JSON saved from the platforms' APIs: an array of GitHub repository objects, a GitHub search response
 * ({@code {"items": [...]}}), or an array of Hugging Face repository objects. Each object is read on its own, so
 * the file is never held in memory.
 */
final class PlatformJsonRowSource implements RowSource {

    private final Optional<RepoType> huggingFaceType;

    PlatformJsonRowSource(Optional<RepoType> huggingFaceType) {
        this.huggingFaceType = huggingFaceType;
    }

    @Override
    public void read(CountingInput input, RowSink sink, boolean skipInvalid, Progress progress) {
        String fileName = input.file().getFileName().toString();
        Optional<RepoType> typeForFile = huggingFaceType.or(() -> PlatformJsonMapping.typeFromFileName(fileName));
        JsonParser parser = null;
        try (JsonParser opened = JsonInput.parser(input)) {
            parser = opened;
            JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first == JsonToken.START_OBJECT && !moveToItemsArray(parser)) {
                throw new InvalidInputException(fileName + ": a JSON object without an \"items\" array; expected an"
                        + " array of repositories or a GitHub search response");
            } else if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new InvalidInputException(fileName + ":1: expected a JSON array of repositories");
            }
            long item = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new InvalidInputException(fileName + ":" + parser.currentLocation().getLineNr()
                            + ": truncated JSON (the array is never closed)");
                }
                item++;
                SourceLocation location = SourceLocation.item(input.file(),
                        parser.currentTokenLocation().getLineNr(), item);
                if (token != JsonToken.START_OBJECT) {
                    throw new InvalidInputException(location + ": expected a repository object, found " + token);
                }
                input.limitFromHere(JsonInput.MAX_RECORD_BYTES, location + ": a JSON object larger than "
                        + JsonInput.MAX_RECORD_BYTES / (1024 * 1024) + " MiB; is this really a repository sample?");
                JsonNode object = JsonInput.MAPPER.readTree(parser);
                input.endLimit();
                try {
                    sink.accept(toRow(object, typeForFile), location);
                } catch (RowProblem problem) {
                    if (!skipInvalid) {
                        throw new InvalidInputException(location + ": " + problem.describe()
                                .replace("column \"", "field \""));
                    }
                    sink.reject(location, problem.describe(), List.of(object.toString()));
                }
                if (item % 4096 == 0) {
                    progress.checkCancelled();
                    progress.update(input.position(), input.size(), String.format("%,d repositories read", item));
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

    private static boolean moveToItemsArray(JsonParser parser) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("items".equals(name) && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return token == JsonToken.START_ARRAY;
    }

    private static RepositoryRow toRow(JsonNode object, Optional<RepoType> typeForFile) {
        if (PlatformJsonMapping.looksLikeGitHub(object)) {
            return PlatformJsonMapping.github(object);
        }
        if (PlatformJsonMapping.looksLikeHuggingFace(object)) {
            RepoType type = typeForFile.or(() -> PlatformJsonMapping.guessHuggingFaceType(object))
                    .orElseThrow(PlatformJsonMapping::unknownHuggingFaceType);
            return PlatformJsonMapping.huggingFace(object, type);
        }
        throw new RowProblem(null, "is neither a GitHub repository (full_name, stargazers_count…) nor a Hugging"
                + " Face repository (id, likes, downloads…)");
    }
}
