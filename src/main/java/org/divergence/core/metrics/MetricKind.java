package org.divergence.core.metrics;

/** A numeric metric is a per-repository number; a share metric is the share of repositories with a property. */
public enum MetricKind {
    NUMERIC("numeric"), SHARE("share");

    private final String key;

    MetricKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
