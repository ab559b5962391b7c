package org.divergence.exchange.clickhouse;

import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.core.repositories.CanonicalColumns;

/**
 * The per-repository aggregation of GH Archive's {@code github_events} table that {@code collect clickhouse} sends,
 * one shard at a time, in the canonical columns. The same text runs on ClickHouse 18.16 (Debian's package) and on
 * current releases (checked against chDB 26.7), which is why it is written as it is:
 * <ul>
 * <li>the aggregates are computed in an inner query under names of their own ({@code n_*}, {@code first_created}):
 *     a SELECT alias is visible in WHERE, and an alias named like a column (created_at) would turn the time filter
 *     into an aggregate (ILLEGAL_AGGREGATION);</li>
 * <li>the window's bounds and the creation time are read and written in UTC ({@code toDateTime(…, 'UTC')},
 *     {@code toString(…, 'UTC')}), whatever the server's time zone; {@code formatDateTime} is avoided, its codes
 *     differ between versions;</li>
 * <li>unknown columns are NULL, which TabSeparated writes as {@code \N}.</li>
 * </ul>
 * Only checked values are put into the text: identifiers matching {@code [A-Za-z_][A-Za-z0-9_]*}, ISO dates and
 * integers (see {@link ClickHouseRequest}).
 */
public final class GhArchiveQuery {

    /** The header line of every shard's answer: the canonical columns, tab-separated. */
    public static final String HEADER = String.join("\t", CanonicalColumns.ALL);

    private static final String TEMPLATE = """
            -- Divergence Workbench, collect clickhouse: shard {shard_number} of {shards}
            SELECT
                'github' AS platform,
                'code' AS repo_type,
                repo_name AS full_name,
                toString(first_created, 'UTC') AS created_at,
                n_contributors AS contributors,
                n_commits AS commits,
                n_pull_requests AS pull_requests,
                n_merged_pull_requests AS merged_pull_requests,
                n_issues AS issues,
                CAST(NULL AS Nullable(UInt64)) AS discussions,
                n_stars AS stars,
                n_forks AS forks,
                CAST(NULL AS Nullable(UInt64)) AS downloads,
                CAST(NULL AS Nullable(UInt64)) AS likes,
                CAST(NULL AS Nullable(UInt64)) AS derivatives
            FROM
            (
                SELECT
                    repo_name,
                    countIf(event_type = 'CreateEvent' AND ref_type = 'repository') AS n_creations,
                    minIf(created_at, event_type = 'CreateEvent' AND ref_type = 'repository') AS first_created,
                    uniqExactIf(actor_login, event_type = 'PushEvent'
                                OR (event_type = 'PullRequestEvent' AND action = 'opened')) AS n_contributors,
                    sumIf(push_distinct_size, event_type = 'PushEvent') AS n_commits,
                    uniqExactIf(number, event_type = 'PullRequestEvent' AND action = 'opened') AS n_pull_requests,
                    uniqExactIf(number, event_type = 'PullRequestEvent' AND action = 'closed' AND merged = 1)
                        AS n_merged_pull_requests,
                    uniqExactIf(number, event_type = 'IssuesEvent' AND action = 'opened') AS n_issues,
                    countIf(event_type = 'WatchEvent') AS n_stars,
                    countIf(event_type = 'ForkEvent') AS n_forks
                FROM {table}
                WHERE event_type IN ('CreateEvent', 'PushEvent', 'PullRequestEvent', 'IssuesEvent', 'WatchEvent', 'ForkEvent')
                  AND created_at >= toDateTime('{from} 00:00:00', 'UTC')
                  AND created_at < toDateTime('{end_exclusive} 00:00:00', 'UTC')
                  AND cityHash64(repo_name) % {shards} = {shard}
                GROUP BY repo_name
                HAVING n_creations > 0
            )
            ORDER BY full_name
            FORMAT TabSeparatedWithNames
            """;

    private GhArchiveQuery() {
    }

    /** The exact SQL text of shard {@code shard} (0-based) of {@code request}. */
    public static String render(ClickHouseRequest request, int shard) {
        if (shard < 0 || shard >= request.shards()) {
            throw new IllegalArgumentException("shard " + shard + " of " + request.shards());
        }
        return TEMPLATE.replace("{table}", request.qualifiedTable())
                .replace("{from}", request.from().toString())
                .replace("{end_exclusive}", request.endExclusive().toString())
                .replace("{shard_number}", Integer.toString(shard + 1))
                .replace("{shards}", Integer.toString(request.shards()))
                .replace("{shard}", Integer.toString(shard));
    }
}
