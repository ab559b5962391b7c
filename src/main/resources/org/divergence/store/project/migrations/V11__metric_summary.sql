-- Divergence Workbench project schema: the metric summary (docs/decisions/0135-comparisons-from-summaries.md).

-- Per platform, type and creation period, how many repositories there are and the frequency table (value -> count)
-- of each built-in numeric metric among them, encoded by core.metrics.SummaryCell. Periods are days ('YYYY-MM-DD')
-- and months ('YYYY-MM'); undated repositories are in the month level as period ''. Changed in the same transaction
-- as every change of the repository table (store.metrics.MetricSummaries), so it always matches the rows.
CREATE TABLE metric_summary (
    platform     TEXT NOT NULL,
    repo_type    TEXT NOT NULL,
    period       TEXT NOT NULL,
    repositories INTEGER NOT NULL CHECK (repositories > 0),
    tables       BLOB NOT NULL,
    PRIMARY KEY (platform, repo_type, period)
) WITHOUT ROWID;

-- One row once the summary matches the repositories. A project that had repositories before this version gets it
-- built by its first comparison.
CREATE TABLE metric_summary_built (
    built INTEGER PRIMARY KEY CHECK (built = 1)
);
INSERT INTO metric_summary_built (built) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM repository);
