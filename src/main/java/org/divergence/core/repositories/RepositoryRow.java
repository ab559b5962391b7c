package org.divergence.core.repositories;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One repository in the canonical columns, as read from a file or an API: the unit every importer produces and
 * the project stores. Counts are whole numbers ≥ 0 or unknown; {@link #extra()} keeps columns outside the canonical
 * set (values are JSON-like: String, Number, Boolean, List, Map).
 */
public final class RepositoryRow {

    private static final int COUNTS = CountColumn.values().length;

    private Platform platform;
    private RepoType type;
    private String fullName;
    private String createdAt;
    private final long[] counts = new long[COUNTS];
    private final boolean[] known = new boolean[COUNTS];
    private Map<String, Object> extra;
    private String extraJson;
    private BaseModels baseModels;

    public RepositoryRow(Platform platform, RepoType type, String fullName) {
        this.platform = Objects.requireNonNull(platform);
        this.type = Objects.requireNonNull(type);
        this.fullName = Objects.requireNonNull(fullName);
        if (type.platform() != platform) {
            throw new IllegalArgumentException(type + " is not a " + platform + " repository type");
        }
    }

    public Platform platform() {
        return platform;
    }

    public RepoType type() {
        return type;
    }

    public String fullName() {
        return fullName;
    }

    /** ISO-8601: {@code YYYY-MM-DD} or {@code YYYY-MM-DDTHH:MM:SSZ} (UTC); null when unknown. */
    public String createdAt() {
        return createdAt;
    }

    public RepositoryRow createdAt(String isoDateOrInstant) {
        this.createdAt = isoDateOrInstant;
        return this;
    }

    public boolean isKnown(CountColumn column) {
        return known[column.ordinal()];
    }

    /** The count, or -1 when unknown. */
    public long count(CountColumn column) {
        return known[column.ordinal()] ? counts[column.ordinal()] : -1;
    }

    public Long countOrNull(CountColumn column) {
        return known[column.ordinal()] ? counts[column.ordinal()] : null;
    }

    public RepositoryRow count(CountColumn column, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(column.column() + " must be ≥ 0, was " + value);
        }
        counts[column.ordinal()] = value;
        known[column.ordinal()] = true;
        return this;
    }

    public RepositoryRow count(CountColumn column, Long valueOrNull) {
        if (valueOrNull == null) {
            known[column.ordinal()] = false;
            return this;
        }
        return count(column, valueOrNull.longValue());
    }

    public Map<String, Object> extra() {
        return extra == null ? Map.of() : extra;
    }

    public RepositoryRow putExtra(String key, Object value) {
        if (extraJson != null) {
            throw new IllegalStateException("the extra columns of " + fullName + " are already written as JSON");
        }
        if (extra == null) {
            extra = new LinkedHashMap<>();
        }
        extra.put(key, value);
        return this;
    }

    /**
     * The extra columns as the JSON object text the project stores, when the source wrote them itself rather than
     * into {@link #extra()} (a Parquet import writes them straight from the file's bytes, so that two million rows
     * make no map or value objects: docs/decisions/0115); null otherwise. A row has its extras one way or the other.
     */
    public String extraJson() {
        return extraJson;
    }

    public RepositoryRow extraJson(String json) {
        if (extra != null && !extra.isEmpty()) {
            throw new IllegalStateException("the extra columns of " + fullName + " are already in a map");
        }
        this.extraJson = json;
        return this;
    }

    /** Whether the row has any extra column, in either form. */
    public boolean hasExtra() {
        return extraJson != null || extra != null && !extra.isEmpty();
    }

    /**
     * The models a Hugging Face model names as its base, when the import counts derivatives itself (a snapshot
     * without the platform's own count): they are counted among the models of the same import. Null otherwise.
     */
    public BaseModels baseModels() {
        return baseModels;
    }

    public RepositoryRow baseModels(BaseModels value) {
        this.baseModels = value;
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RepositoryRow row && platform == row.platform && type == row.type
                && fullName.equals(row.fullName) && Objects.equals(createdAt, row.createdAt)
                && Arrays.equals(known, row.known) && Arrays.equals(maskedCounts(), row.maskedCounts())
                && extra().equals(row.extra()) && Objects.equals(extraJson, row.extraJson);
    }

    private long[] maskedCounts() {
        long[] masked = new long[COUNTS];
        for (int i = 0; i < COUNTS; i++) {
            masked[i] = known[i] ? counts[i] : -1;
        }
        return masked;
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, fullName);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(platform.code()).append('/').append(type.code()).append(' ')
                .append(fullName).append(" created=").append(createdAt);
        for (CountColumn column : CountColumn.values()) {
            if (isKnown(column)) {
                text.append(' ').append(column.column()).append('=').append(count(column));
            }
        }
        if (extra != null) {
            text.append(" extra=").append(extra);
        }
        if (extraJson != null) {
            text.append(" extra=").append(extraJson);
        }
        return text.toString();
    }
}
