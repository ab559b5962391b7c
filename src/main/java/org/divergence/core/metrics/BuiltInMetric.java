package org.divergence.core.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * The twelve per-repository metrics of BRIEF section 3, in report order (grouped by dimension), computed from a
 * repository's {@link MetricInput}s (which map issues/discussions, forks/derivatives, stars/likes per platform).
 * A metric's value is NaN when it is unknown for a repository (a NULL input, or a ratio with a zero denominator):
 * that repository is left out of that metric only. A share metric's value is 1 (has it) or 0 (has not).
 */
public enum BuiltInMetric implements Metric {
    CONTRIBUTORS("contributors", Dimension.COLLABORATION_INTENSITY, MetricKind.NUMERIC, "Contributors",
            "contributors", "Number of contributors."),
    COMMITS("commits", Dimension.COLLABORATION_INTENSITY, MetricKind.NUMERIC, "Commits",
            "commits", "Number of commits."),
    COMMITS_PER_CONTRIBUTOR("commits_per_contributor", Dimension.COLLABORATION_INTENSITY, MetricKind.NUMERIC,
            "Commits per contributor", "commits per contributor",
            "commits / contributors; unknown when contributors is 0."),
    MULTI_CONTRIBUTOR("multi_contributor", Dimension.COLLABORATION_INTENSITY, MetricKind.SHARE,
            "Multi-contributor", "repositories with two or more contributors",
            "Share of repositories with contributors ≥ 2."),
    PULL_REQUESTS("pull_requests", Dimension.COLLABORATION_OPENNESS, MetricKind.NUMERIC, "Pull requests",
            "pull requests", "Number of pull requests (on Hugging Face: discussions that are pull requests)."),
    PR_ACCEPTANCE_RATE("pr_acceptance_rate", Dimension.COLLABORATION_OPENNESS, MetricKind.NUMERIC,
            "PR acceptance rate", "accepted pull requests",
            "merged_pull_requests / pull_requests; unknown when pull_requests is 0."),
    HAS_PULL_REQUESTS("has_pull_requests", Dimension.COLLABORATION_OPENNESS, MetricKind.SHARE,
            "Has pull requests", "repositories with pull requests",
            "Share of repositories with pull_requests ≥ 1."),
    KNOWLEDGE_THREADS("knowledge_threads", Dimension.KNOWLEDGE_EXCHANGE, MetricKind.NUMERIC, "Knowledge threads",
            "knowledge threads (issues, discussions)",
            "Issues on GitHub (pull requests excluded), discussions on Hugging Face."),
    HAS_KNOWLEDGE_THREADS("has_knowledge_threads", Dimension.KNOWLEDGE_EXCHANGE, MetricKind.SHARE,
            "Has knowledge threads", "repositories with knowledge threads",
            "Share of repositories with knowledge_threads ≥ 1."),
    DERIVATIVES("derivatives", Dimension.USER_INNOVATION, MetricKind.NUMERIC, "Derivatives",
            "derivatives (forks, derived models)",
            "Forks on GitHub; on Hugging Face, models naming this one as base model."),
    HAS_DERIVATIVES("has_derivatives", Dimension.USER_INNOVATION, MetricKind.SHARE, "Has derivatives",
            "repositories with derivatives", "Share of repositories with derivatives ≥ 1."),
    ENDORSEMENTS("endorsements", Dimension.POPULARITY, MetricKind.NUMERIC, "Endorsements",
            "endorsements (stars, likes)", "Stars on GitHub, likes on Hugging Face.");

    /** The day Hugging Face introduced pull requests and discussions on the Hub. */
    public static final LocalDate HUGGING_FACE_COMMUNITY_SINCE = LocalDate.of(2022, 5, 25);

    private static final List<BuiltInMetric> NUMERIC = List.of(values()).stream()
            .filter(metric -> metric.kind == MetricKind.NUMERIC).toList();
    private static final List<BuiltInMetric> SHARES = List.of(values()).stream()
            .filter(metric -> metric.kind == MetricKind.SHARE).toList();

    private final String key;
    private final Dimension dimension;
    private final MetricKind kind;
    private final String label;
    private final String noun;
    private final String definition;

    BuiltInMetric(String key, Dimension dimension, MetricKind kind, String label, String noun, String definition) {
        this.key = key;
        this.dimension = dimension;
        this.kind = kind;
        this.label = label;
        this.noun = noun;
        this.definition = definition;
    }

    /** The name in JSON and documentation, e.g. "pr_acceptance_rate". */
    @Override
    public String key() {
        return key;
    }

    @Override
    public Dimension dimension() {
        return dimension;
    }

    @Override
    public MetricKind kind() {
        return kind;
    }

    /** The name in tables, e.g. "PR acceptance rate". */
    @Override
    public String label() {
        return label;
    }

    /** What sentences count, e.g. "contributors" in "… have 40% fewer contributors". */
    @Override
    public String noun() {
        return noun;
    }

    @Override
    public String definition() {
        return definition;
    }

    /**
     * What a reader must know when Hugging Face repositories are compared on this metric, or null: pull requests and
     * discussions exist there only since {@link #HUGGING_FACE_COMMUNITY_SINCE}, and derivatives are not forks.
     */
    @Override
    public String caveat() {
        return switch (this) {
            case PULL_REQUESTS, PR_ACCEPTANCE_RATE, HAS_PULL_REQUESTS ->
                    "Hugging Face pull requests exist only since " + HUGGING_FACE_COMMUNITY_SINCE + ".";
            case KNOWLEDGE_THREADS, HAS_KNOWLEDGE_THREADS ->
                    "Hugging Face discussions exist only since " + HUGGING_FACE_COMMUNITY_SINCE + ".";
            case DERIVATIVES, HAS_DERIVATIVES -> "Hugging Face has no forks: its derivatives are models naming the "
                    + "repository as their base model.";
            default -> null;
        };
    }

    /** True when the caveat is about repositories created before {@link #HUGGING_FACE_COMMUNITY_SINCE}. */
    @Override
    public boolean caveatIsAboutAge() {
        return switch (this) {
            case PULL_REQUESTS, PR_ACCEPTANCE_RATE, HAS_PULL_REQUESTS, KNOWLEDGE_THREADS, HAS_KNOWLEDGE_THREADS -> true;
            default -> false;
        };
    }

    /**
     * The metric of one repository; NaN when unknown. A switch rather than a function per constant: it runs for
     * every metric of millions of rows, and one monomorphic method with a jump table inlines where twelve lambdas
     * would not.
     */
    public double valueOf(RepositoryCounts r) {
        return switch (this) {
            case CONTRIBUTORS -> count(r, MetricInput.CONTRIBUTORS);
            case COMMITS -> count(r, MetricInput.COMMITS);
            case COMMITS_PER_CONTRIBUTOR -> ratio(count(r, MetricInput.COMMITS), count(r, MetricInput.CONTRIBUTORS));
            case MULTI_CONTRIBUTOR, HAS_PULL_REQUESTS, HAS_KNOWLEDGE_THREADS, HAS_DERIVATIVES ->
                    atLeast(shareOf().valueOf(r), threshold());
            case PULL_REQUESTS -> count(r, MetricInput.PULL_REQUESTS);
            case PR_ACCEPTANCE_RATE -> ratio(count(r, MetricInput.MERGED_PULL_REQUESTS),
                    count(r, MetricInput.PULL_REQUESTS));
            case KNOWLEDGE_THREADS -> count(r, MetricInput.KNOWLEDGE_THREADS);
            case DERIVATIVES -> count(r, MetricInput.DERIVATIVES);
            case ENDORSEMENTS -> count(r, MetricInput.ENDORSEMENTS);
        };
    }

    /**
     * For a share metric, the numeric metric it thresholds (e.g. multi_contributor: contributors ≥ 2); it is known
     * exactly where that metric is, so shares come from the numeric metric's frequency table. Null for numeric ones.
     */
    @Override
    public BuiltInMetric shareOf() {
        return switch (this) {
            case MULTI_CONTRIBUTOR -> CONTRIBUTORS;
            case HAS_PULL_REQUESTS -> PULL_REQUESTS;
            case HAS_KNOWLEDGE_THREADS -> KNOWLEDGE_THREADS;
            case HAS_DERIVATIVES -> DERIVATIVES;
            default -> null;
        };
    }

    /** For a share metric, the smallest value of {@link #shareOf()} that counts as having the property. */
    @Override
    public double threshold() {
        return this == MULTI_CONTRIBUTOR ? 2 : kind == MetricKind.SHARE ? 1 : Double.NaN;
    }

    /** The order of BRIEF section 3: what the bootstrap streams of the twelve metrics always were. */
    @Override
    public long seedOffset() {
        return ordinal();
    }

    public static List<BuiltInMetric> numeric() {
        return NUMERIC;
    }

    public static List<BuiltInMetric> shares() {
        return SHARES;
    }

    public static BuiltInMetric ofKey(String key) {
        for (BuiltInMetric metric : values()) {
            if (metric.key.equals(key)) {
                return metric;
            }
        }
        return null;
    }

    private static double count(RepositoryCounts r, MetricInput input) {
        long count = r.get(input);
        return count == RepositoryCounts.UNKNOWN ? Double.NaN : count;
    }

    private static double atLeast(double count, double threshold) {
        return Double.isNaN(count) ? Double.NaN : count >= threshold ? 1.0 : 0.0;
    }

    /** numerator / denominator; unknown when either is unknown or the denominator is 0. */
    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
