package org.divergence.core.metrics;

import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.CountColumn;
import java.util.Arrays;

/**
 * One repository's platform, type and metric inputs, as the metrics read them, and the values of the custom metrics
 * the reader computed (in the order of {@link MetricSet#custom()}; NaN when unknown). Readers reuse one instance per
 * scan and overwrite it row by row (millions of rows, no garbage); {@link #UNKNOWN} marks a NULL input.
 */
public final class RepositoryCounts {

    private static final MetricInput[][][] INPUTS_OF = inputsOf();

    /** An input that is not known (NULL in the project file). */
    public static final long UNKNOWN = Long.MIN_VALUE;
    /** A creation month that is not known (or was not read). */
    public static final int UNKNOWN_MONTH = -1;

    private long id;
    private Platform platform;
    private RepoType repoType;
    private int createdMonth = UNKNOWN_MONTH;
    private final long[] inputs = new long[MetricInput.values().length];
    private final double[] customValues;

    public RepositoryCounts() {
        this(0);
    }

    /** With room for this many custom metric values. */
    public RepositoryCounts(int customMetrics) {
        customValues = new double[customMetrics];
        clear();
    }

    /** Forgets the previous row's inputs and custom values: all unknown. */
    public RepositoryCounts clear() {
        Arrays.fill(inputs, UNKNOWN);
        Arrays.fill(customValues, Double.NaN);
        return this;
    }

    public RepositoryCounts set(long repositoryId, Platform repositoryPlatform, RepoType type) {
        this.id = repositoryId;
        this.platform = repositoryPlatform;
        this.repoType = type;
        this.createdMonth = UNKNOWN_MONTH;
        return this;
    }

    /**
     * Sets the month the repository was created, as year·12 + (month − 1) (e.g. 2024-05 is 24,292), or
     * {@link #UNKNOWN_MONTH}; set it after {@link #set(long, Platform, RepoType)}, which forgets it.
     */
    public RepositoryCounts setCreatedMonth(int month) {
        this.createdMonth = month;
        return this;
    }

    /** The creation month as year·12 + (month − 1), or {@link #UNKNOWN_MONTH}. */
    public int createdMonth() {
        return createdMonth;
    }

    /** Sets an input; {@link #UNKNOWN} for NULL. Negative counts are refused (the caller names the row). */
    public RepositoryCounts set(MetricInput input, long value) {
        if (value < 0 && value != UNKNOWN) {
            throw new IllegalArgumentException(input.name().toLowerCase(java.util.Locale.ROOT) + " is " + value
                    + ": a count cannot be negative");
        }
        inputs[input.ordinal()] = value;
        return this;
    }

    /** Sets the input a canonical column feeds on this repository's platform (set the platform first). */
    public RepositoryCounts setColumn(CountColumn column, long value) {
        for (MetricInput input : INPUTS_OF[platform.ordinal()][column.ordinal()]) {
            set(input, value);
        }
        return this;
    }

    /** Per platform and column, the inputs that column feeds: readers set millions of rows' columns. */
    private static MetricInput[][][] inputsOf() {
        MetricInput[][][] inputs = new MetricInput[Platform.values().length][CountColumn.values().length][];
        for (Platform platform : Platform.values()) {
            for (CountColumn column : CountColumn.values()) {
                inputs[platform.ordinal()][column.ordinal()] = Arrays.stream(MetricInput.values())
                        .filter(input -> input.column(platform) == column).toArray(MetricInput[]::new);
            }
        }
        return inputs;
    }

    /** The repository's id in the project (0 when the reader did not load it). */
    public long id() {
        return id;
    }

    public Platform platform() {
        return platform;
    }

    public RepoType repoType() {
        return repoType;
    }

    public long get(MetricInput input) {
        return inputs[input.ordinal()];
    }

    /** Sets the value of the i-th custom metric; NaN when unknown. */
    public RepositoryCounts setCustom(int index, double value) {
        customValues[index] = value;
        return this;
    }

    /** The value of the i-th custom metric; NaN when unknown. */
    public double custom(int index) {
        return customValues[index];
    }
}
