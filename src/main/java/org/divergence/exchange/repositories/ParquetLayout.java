package org.divergence.exchange.repositories;

import dev.hardwood.reader.ColumnReaders;
import dev.hardwood.schema.FileSchema;
import dev.hardwood.schema.SchemaNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.BaseModels;
import org.divergence.core.repositories.CanonicalColumns;
import org.divergence.core.repositories.CanonicalValues;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;
import org.divergence.core.repositories.RowProblem;

/**
 * What a Parquet file holds, told by its fields, and how its rows become canonical rows: the canonical columns
 * (exactly as in CSV), or a Hub snapshot ({@code models}, {@code datasets}, {@code spaces} in the Hub's field
 * names: {@code id}, {@code createdAt}, {@code downloads}, {@code likes}, for models {@code childrenModelCount} or
 * {@code baseModels}), its other plain fields kept as extras (docs/metrics.md).
 */
final class ParquetLayout {

    /** Fields only a model, a space or a dataset of the Hub's snapshots has. */
    private static final Set<String> MODEL_FIELDS = Set.of("pipeline_tag", "library_name", "childrenModelCount",
            "baseModels", "safetensors", "modelId", "transformersInfo", "gguf");
    private static final Set<String> SPACE_FIELDS = Set.of("sdk", "runtime", "subdomain");
    private static final Set<String> DATASET_FIELDS = Set.of("citation", "paperswithcode_id");
    static final String BASE_MODELS = "baseModels";
    static final String CHILDREN = "childrenModelCount";

    private final RepoType hubType;
    private final List<String> fields;
    private final SourceDetails details;

    private ParquetLayout(RepoType hubType, List<String> fields, SourceDetails details) {
        this.hubType = hubType;
        this.fields = fields;
        this.details = details;
    }

    /** The top-level fields to read. */
    List<String> fields() {
        return fields;
    }

    SourceDetails details() {
        return details;
    }

    static ParquetLayout of(String fileName, FileSchema schema, Optional<RepoType> huggingFaceType) {
        Map<String, SchemaNode> byName = new LinkedHashMap<>();
        schema.getRootNode().children().forEach(node -> byName.put(node.name(), node));
        if (byName.keySet().containsAll(CanonicalColumns.ALL)) {
            return new ParquetLayout(null, readable(byName, Set.of()), new SourceDetails("Parquet, canonical columns",
                    false));
        }
        RepoType type = huggingFaceType.or(() -> hubTypeByFields(byName.keySet()))
                .or(() -> byName.containsKey("id") ? PlatformJsonMapping.typeFromFileName(fileName) : Optional.empty())
                .orElseThrow(() -> unknownKind(fileName, byName.keySet()));
        if (!byName.containsKey("id")) {
            throw new InvalidInputException(fileName + ": a Hugging Face " + type.code() + " snapshot needs the field"
                    + " \"id\" (the repository id); the file has " + String.join(", ", byName.keySet()));
        }
        boolean counts = false;
        String derivatives = null;
        if (type == RepoType.MODEL) {
            if (byName.containsKey(CHILDREN)) {
                derivatives = "derivatives: the snapshot's childrenModelCount";
            } else if (byName.containsKey(BASE_MODELS)) {
                if (!ParquetField.isBaseModelsShape(byName.get(BASE_MODELS))) {
                    throw new InvalidInputException(fileName + ": field baseModels is not the Hub's"
                            + " {relation: string, models: list<struct{id: string}>}, so derivatives cannot be"
                            + " counted from it");
                }
                counts = true;
                derivatives = "derivatives: models of this import naming it in baseModels (any relation)";
            } else {
                derivatives = "derivatives unknown (neither childrenModelCount nor baseModels)";
            }
        }
        Set<String> skipped = PlatformJsonMapping.HUGGING_FACE_MAPPED;
        List<String> read = readable(byName, skipped);
        for (String mapped : List.of("id", "createdAt", "downloads", "likes", CHILDREN, BASE_MODELS)) {
            if (byName.containsKey(mapped) && !read.contains(mapped)) {
                read.add(mapped);
            }
        }
        String description = "Parquet, Hugging Face " + type.code() + "s snapshot (Hub fields)"
                + (derivatives == null ? "" : "; " + derivatives);
        return new ParquetLayout(type, read, new SourceDetails(description, counts));
    }

    /** The fields the import can read (primitives and lists of primitives), less {@code skipped}. */
    private static List<String> readable(Map<String, SchemaNode> byName, Set<String> skipped) {
        List<String> read = new ArrayList<>();
        for (SchemaNode node : byName.values()) {
            if (!skipped.contains(node.name()) && isReadable(node)) {
                read.add(node.name());
            }
        }
        return read;
    }

    private static boolean isReadable(SchemaNode node) {
        if (node instanceof SchemaNode.PrimitiveNode) {
            return true;
        }
        SchemaNode.GroupNode group = (SchemaNode.GroupNode) node;
        return group.isList() && group.getListElement() instanceof SchemaNode.PrimitiveNode;
    }

    private static Optional<RepoType> hubTypeByFields(Set<String> names) {
        if (!names.contains("id")) {
            return Optional.empty();
        }
        List<RepoType> told = new ArrayList<>();
        if (names.stream().anyMatch(MODEL_FIELDS::contains)) {
            told.add(RepoType.MODEL);
        }
        if (names.stream().anyMatch(SPACE_FIELDS::contains)) {
            told.add(RepoType.SPACE);
        }
        if (names.stream().anyMatch(DATASET_FIELDS::contains)) {
            told.add(RepoType.DATASET);
        }
        return told.size() == 1 ? Optional.of(told.getFirst()) : Optional.empty();
    }

    private static InvalidInputException unknownKind(String fileName, Set<String> names) {
        return new InvalidInputException(fileName + ": cannot tell what this Parquet file holds: it has neither the"
                + " canonical columns (" + String.join(",", CanonicalColumns.ALL) + ") nor the fields that tell a Hub"
                + " snapshot's type (id with pipeline_tag or library_name for models, sdk for spaces, citation for"
                + " datasets). For a Hub snapshot pass --hf-type model, dataset or space. Its fields: "
                + String.join(", ", names));
    }

    /** The layout bound to a reader's columns: rows of the current batch. */
    Bound bind(FileSchema schema, ColumnReaders readers) {
        List<ParquetField> bound = new ArrayList<>();
        for (String name : fields) {
            SchemaNode node = schema.getField(name);
            if (hubType == RepoType.MODEL && name.equals(BASE_MODELS)) {
                bound.add(ParquetField.baseModels(node, schema, readers));
            } else {
                bound.add(ParquetField.of(node, schema, readers).orElseThrow(() -> new InvalidInputException(
                        schema.getName() + ": field " + name + " has a type this import does not read")));
            }
        }
        return hubType == null ? new CanonicalRows(bound) : new HubRows(bound, hubType, details.countsDerivatives());
    }

    /**
     * Rows of the current batch of a bound layout. Each row's extras are written as JSON text by {@link #json} (one
     * per layout: the reading thread's), not put into a map.
     */
    abstract static sealed class Bound {
        private final List<ParquetField> fields;
        final ExtraJsonWriter json = new ExtraJsonWriter();

        Bound(List<ParquetField> fields) {
            this.fields = fields;
        }

        List<ParquetField> fields() {
            return fields;
        }

        void load() {
            fields.forEach(ParquetField::load);
        }

        abstract RepositoryRow row(int row);

        ParquetField field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** The canonical columns, as CSV reads them; other fields are extras. */
    private static final class CanonicalRows extends Bound {
        private final ParquetField platform;
        private final ParquetField type;
        private final ParquetField name;
        private final ParquetField created;
        private final ParquetField[] counts = new ParquetField[CountColumn.values().length];
        private final Extras extras;

        CanonicalRows(List<ParquetField> fields) {
            super(fields);
            platform = field(CanonicalColumns.PLATFORM);
            type = field(CanonicalColumns.REPO_TYPE);
            name = field(CanonicalColumns.FULL_NAME);
            created = field(CanonicalColumns.CREATED_AT);
            for (CountColumn count : CountColumn.values()) {
                counts[count.ordinal()] = field(count.column());
            }
            extras = new Extras(fields.stream().filter(f -> !CanonicalColumns.isCanonical(f.name())).toList(), json);
        }

        @Override
        RepositoryRow row(int r) {
            Platform platformValue = CanonicalValues.platform(ParquetValues.text(platform.value(r),
                    CanonicalColumns.PLATFORM));
            RepoType typeValue = CanonicalValues.repoType(ParquetValues.text(type.value(r), CanonicalColumns.REPO_TYPE),
                    platformValue);
            RepositoryRow row = new RepositoryRow(platformValue, typeValue, CanonicalValues.fullName(
                    ParquetValues.text(name.value(r), CanonicalColumns.FULL_NAME), platformValue))
                    .createdAt(ParquetValues.createdAt(created.value(r), CanonicalColumns.CREATED_AT, platformValue));
            for (CountColumn count : CountColumn.values()) {
                long value = ParquetValues.count(counts[count.ordinal()].value(r), count.column());
                if (value >= 0) {
                    row.count(count, value);
                }
            }
            json.beginRow();
            extras.write(r);
            row.extraJson(json.finish());
            CanonicalValues.checkConsistency(row);
            return row;
        }
    }

    /** A Hub snapshot: id, createdAt, downloads (30 days), likes, derivatives for models; the rest as extras. */
    private static final class HubRows extends Bound {
        private static final Set<String> MAPPED = Set.of("id", "createdAt", "downloads", "likes", CHILDREN,
                BASE_MODELS);
        private final RepoType type;
        private final boolean countsDerivatives;
        private final ParquetField id;
        private final ParquetField created;
        private final ParquetField downloads;
        private final ParquetField likes;
        private final ParquetField children;
        private final ParquetField baseModels;
        private final int baseModelKey;
        private final int relationKey;
        private final Extras extras;

        HubRows(List<ParquetField> fields, RepoType type, boolean countsDerivatives) {
            super(fields);
            this.type = type;
            this.countsDerivatives = countsDerivatives;
            id = field("id");
            created = field("createdAt");
            downloads = field("downloads");
            likes = field("likes");
            children = type == RepoType.MODEL ? field(CHILDREN) : null;
            baseModels = type == RepoType.MODEL ? field(BASE_MODELS) : null;
            // First, as the rows of the Hub's API put them (a field of the same name later takes the value, not the place).
            baseModelKey = json.key("base_model");
            relationKey = json.key("base_model_relation");
            extras = new Extras(fields.stream().filter(f -> !MAPPED.contains(f.name())).toList(), json);
        }

        @Override
        RepositoryRow row(int r) {
            String fullName;
            try {
                fullName = CanonicalValues.fullName(ParquetValues.text(id.value(r), "id"), Platform.HUGGINGFACE);
            } catch (RowProblem problem) {
                throw new RowProblem("id", problem.detail()); // the file's field, not the canonical column
            }
            RepositoryRow row = new RepositoryRow(Platform.HUGGINGFACE, type, fullName);
            json.beginRow();
            if (created != null) {
                row.createdAt(ParquetValues.createdAt(created.value(r), "createdAt", Platform.HUGGINGFACE));
            }
            setCount(row, CountColumn.DOWNLOADS, downloads, r);
            setCount(row, CountColumn.LIKES, likes, r);
            setCount(row, CountColumn.DERIVATIVES, children, r);
            if (baseModels != null && baseModels.value(r) instanceof BaseModels base) {
                if (!base.models().isEmpty()) {
                    json.begin();
                    json.beginList();
                    base.models().forEach(json::text);
                    json.endList();
                    json.end(baseModelKey);
                }
                if (base.relation() != null) {
                    json.begin();
                    json.text(base.relation());
                    json.end(relationKey);
                }
                if (countsDerivatives && !base.models().isEmpty()) {
                    row.baseModels(base);
                }
            }
            if (countsDerivatives) {
                // Counted among the models of the import once all are stored; 0 until one names it.
                row.count(CountColumn.DERIVATIVES, 0);
            }
            extras.write(r);
            row.extraJson(json.finish());
            return row;
        }

        private static void setCount(RepositoryRow row, CountColumn column, ParquetField field, int r) {
            if (field != null) {
                long value = ParquetValues.count(field.value(r), field.name());
                if (value >= 0) {
                    row.count(column, value);
                }
            }
        }
    }

    /** The fields kept as extras, each written under its name when not null. */
    private static final class Extras {
        private final ParquetField[] fields;
        private final int[] keys;
        private final ExtraJsonWriter json;

        Extras(List<ParquetField> fields, ExtraJsonWriter json) {
            this.fields = fields.toArray(ParquetField[]::new);
            this.keys = fields.stream().mapToInt(field -> json.key(field.name())).toArray();
            this.json = json;
        }

        void write(int r) {
            for (int i = 0; i < fields.length; i++) {
                json.begin();
                if (fields[i].writeJson(r, json)) {
                    json.end(keys[i]);
                } else {
                    json.discard();
                }
            }
        }
    }
}
