-- Divergence Workbench project schema, version 8: custom metrics (docs/metrics.md, "Your own metrics").

-- A metric the project defines by an expression over the canonical columns and kept extra fields: a number per
-- repository (kind 'numeric') or whether a condition holds (kind 'share'). The expression is kept in its normal form
-- and parsed again whenever the metric is computed; the name is its key in comparisons, charts and reports, unique
-- ignoring case (built-in metric names are refused before a row is written).
CREATE TABLE custom_metric (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    expression TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('numeric', 'share')),
    dimension  TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX custom_metric_by_name ON custom_metric (lower(name));
