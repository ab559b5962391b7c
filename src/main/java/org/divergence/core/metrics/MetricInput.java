package org.divergence.core.metrics;

import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.CountColumn;
/**
 * What the metrics read from a repository. Most inputs are one canonical column on both platforms; three are the
 * platform's counterpart of the same idea (BRIEF section 3): knowledge threads are issues on GitHub and discussions
 * on Hugging Face, derivatives are forks on GitHub and derived models on Hugging Face, endorsements are stars on
 * GitHub and likes on Hugging Face. Readers load each input from {@link #column(Platform)}.
 */
public enum MetricInput {
    CONTRIBUTORS(CountColumn.CONTRIBUTORS, CountColumn.CONTRIBUTORS),
    COMMITS(CountColumn.COMMITS, CountColumn.COMMITS),
    PULL_REQUESTS(CountColumn.PULL_REQUESTS, CountColumn.PULL_REQUESTS),
    MERGED_PULL_REQUESTS(CountColumn.MERGED_PULL_REQUESTS, CountColumn.MERGED_PULL_REQUESTS),
    KNOWLEDGE_THREADS(CountColumn.ISSUES, CountColumn.DISCUSSIONS),
    DERIVATIVES(CountColumn.FORKS, CountColumn.DERIVATIVES),
    ENDORSEMENTS(CountColumn.STARS, CountColumn.LIKES);

    private final CountColumn github;
    private final CountColumn huggingFace;

    MetricInput(CountColumn github, CountColumn huggingFace) {
        this.github = github;
        this.huggingFace = huggingFace;
    }

    /** The canonical column this input comes from on the platform. */
    public CountColumn column(Platform platform) {
        return platform == Platform.GITHUB ? github : huggingFace;
    }

    /** True when both platforms read the same column. */
    public boolean isSameOnBothPlatforms() {
        return github == huggingFace;
    }
}
