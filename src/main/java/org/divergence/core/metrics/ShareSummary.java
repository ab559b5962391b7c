package org.divergence.core.metrics;

/** A group's share metric: repositories where it is known (n), those that have it (count), and the share. */
public record ShareSummary(long n, long count, double share) {

    public static ShareSummary of(long known, long yes) {
        return new ShareSummary(known, yes, known == 0 ? Double.NaN : (double) yes / known);
    }
}
