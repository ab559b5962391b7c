package org.divergence.core.repositories;

import java.time.LocalDate;

/**
 * Where a batch collected from a database server came from, for its provenance: the server (its URL without
 * credentials, and the version it reported), the table, the window of events, the shard, and the exact SQL sent.
 */
public record BatchQuery(String server, String serverVersion, String table, LocalDate from, LocalDate to, int shard,
                         int shards, String sql) {

    /** "shard 3 of 16 of default.github_events, events 2015-01-01 to 2025-10-06, on https://… (ClickHouse 24.8)". */
    public String describe() {
        return "shard " + (shard + 1) + " of " + shards + " of " + table + ", events " + from + " to " + to + ", on "
                + server + " (ClickHouse " + serverVersion + ")";
    }
}
