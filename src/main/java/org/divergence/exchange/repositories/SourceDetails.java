package org.divergence.exchange.repositories;

/**
 * What a file turned out to hold, told before its rows: a sentence for the import batch's record (e.g. which
 * definition of derivatives a Hub snapshot's rows use), and whether the import must count derivatives itself (its
 * model rows name their base models, {@link org.divergence.core.repositories.RepositoryRow#baseModels()}).
 */
public record SourceDetails(String description, boolean countsDerivatives) {
}
