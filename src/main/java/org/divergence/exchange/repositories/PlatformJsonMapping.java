package org.divergence.exchange.repositories;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.divergence.core.repositories.CanonicalValues;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.RowProblem;

/**
 * Maps the platforms' own JSON onto the canonical columns: a GitHub repository object ({@code /repos/{o}/{r}} or
 * a search item) and a Hugging Face {@code /api/models|datasets|spaces} object. What the object does not say stays
 * unknown; its other plain fields are kept as extra columns (API link templates and nested objects are left out,
 * except the few nested values researchers filter on: licence, owner, base model).
 */
public final class PlatformJsonMapping {

    private static final Set<String> GITHUB_MAPPED = Set.of("full_name", "created_at", "stargazers_count",
            "forks_count", "forks", "stargazers", "watchers", "license", "owner", "name", "id", "node_id");
    /** Hub fields mapped to canonical columns, or too large or nested to keep as extras. */
    static final Set<String> HUGGING_FACE_MAPPED = Set.of("id", "modelId", "createdAt", "likes", "downloads",
            "childrenModelCount", "cardData", "_id", "siblings", "config", "spaces", "safetensors", "gguf",
            "transformersInfo", "widgetData", "model-index", "inference", "baseModels", "runtime");

    private PlatformJsonMapping() {
    }

    public static RepositoryRow github(JsonNode repository) {
        String fullName = CanonicalValues.fullName(JsonInput.text(repository, "full_name", true), Platform.GITHUB);
        RepositoryRow row = new RepositoryRow(Platform.GITHUB, RepoType.CODE, fullName)
                .createdAt(CanonicalValues.createdAt(JsonInput.text(repository, "created_at", false), Platform.GITHUB));
        setCount(row, CountColumn.STARS, JsonInput.count(repository, "stargazers_count"));
        setCount(row, CountColumn.FORKS, JsonInput.count(repository, "forks_count"));
        keepPlainFields(row, repository, GITHUB_MAPPED, true);
        textAt(repository, "license", "spdx_id").ifPresent(value -> row.putExtra("license", value));
        textAt(repository, "owner", "login").ifPresent(value -> row.putExtra("owner", value));
        textAt(repository, "owner", "type").ifPresent(value -> row.putExtra("owner_type", value));
        return row;
    }

    public static RepositoryRow huggingFace(JsonNode repository, RepoType type) {
        String id = JsonInput.text(repository, "id", false);
        if (id == null) {
            id = JsonInput.text(repository, "modelId", true);
        }
        String fullName = CanonicalValues.fullName(id, Platform.HUGGINGFACE);
        RepositoryRow row = new RepositoryRow(Platform.HUGGINGFACE, type, fullName).createdAt(
                CanonicalValues.createdAt(JsonInput.text(repository, "createdAt", false), Platform.HUGGINGFACE));
        setCount(row, CountColumn.LIKES, JsonInput.count(repository, "likes"));
        setCount(row, CountColumn.DOWNLOADS, JsonInput.count(repository, "downloads"));
        if (type == RepoType.MODEL) {
            setCount(row, CountColumn.DERIVATIVES, JsonInput.count(repository, "childrenModelCount"));
        }
        keepPlainFields(row, repository, HUGGING_FACE_MAPPED, false);
        JsonNode card = repository.get("cardData");
        if (card != null && card.isObject()) {
            for (String key : new String[] {"base_model", "license", "language"}) {
                JsonNode value = card.get(key);
                if (value != null && !value.isNull() && !row.extra().containsKey(key)) {
                    row.putExtra(key, JsonInput.plain(value));
                }
            }
        }
        return row;
    }

    /**
     * Which kind of Hugging Face repository an object describes, from the fields only that kind has; empty when it
     * cannot tell (the importer then asks for --hf-type).
     */
    public static Optional<RepoType> guessHuggingFaceType(JsonNode repository) {
        if (repository.has("modelId") || repository.has("pipeline_tag") || repository.has("library_name")
                || repository.has("childrenModelCount") || repository.has("safetensors")) {
            return Optional.of(RepoType.MODEL);
        }
        if (repository.has("sdk") || repository.has("runtime") || repository.has("subdomain")) {
            return Optional.of(RepoType.SPACE);
        }
        JsonNode tags = repository.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                String text = tag.asText("");
                if (text.startsWith("task_categories:") || text.startsWith("size_categories:")
                        || text.startsWith("format:") || text.startsWith("modality:")) {
                    return Optional.of(RepoType.DATASET);
                }
            }
        }
        return Optional.empty();
    }

    /** A GitHub repository object has these; a Hugging Face one never does. */
    public static boolean looksLikeGitHub(JsonNode object) {
        return object.has("full_name") && (object.has("stargazers_count") || object.has("html_url")
                || object.has("forks_count") || object.has("owner"));
    }

    public static boolean looksLikeHuggingFace(JsonNode object) {
        return (object.has("id") || object.has("modelId")) && !object.has("full_name")
                && (object.has("likes") || object.has("downloads") || object.has("author") || object.has("tags")
                || object.has("createdAt") || object.has("_id"));
    }

    private static void setCount(RepositoryRow row, CountColumn column, long value) {
        if (value >= 0) {
            row.count(column, value);
        }
    }

    private static void keepPlainFields(RepositoryRow row, JsonNode object, Set<String> mapped, boolean dropApiUrls) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (mapped.contains(key) || value.isNull() || value.isObject()) {
                continue;
            }
            if (dropApiUrls && key.endsWith("_url") && !key.equals("html_url")) {
                continue;
            }
            if (value.isArray() && !isArrayOfScalars(value)) {
                continue;
            }
            row.putExtra(key, JsonInput.plain(value));
        }
    }

    private static boolean isArrayOfScalars(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> textAt(JsonNode object, String parent, String child) {
        JsonNode node = object.get(parent);
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode value = node.get(child);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    static RowProblem unknownHuggingFaceType() {
        return new RowProblem(null, "cannot tell whether this Hugging Face repository is a model, dataset or space;"
                + " name the file models.json, datasets.json or spaces.json, or pass --hf-type");
    }

    static Optional<RepoType> typeFromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.contains("dataset")) {
            return Optional.of(RepoType.DATASET);
        }
        if (name.contains("space")) {
            return Optional.of(RepoType.SPACE);
        }
        if (name.contains("model")) {
            return Optional.of(RepoType.MODEL);
        }
        return Optional.empty();
    }
}
