-- Divergence Workbench project schema, version 6: numbers and quotes side by side.

-- An evidence link ties a coded segment, or a whole code, to a finding of the comparison: a metric (e.g.
-- 'pr_acceptance_rate') or a dimension (e.g. 'collaboration_openness'), with a short note saying how the quote
-- bears on it. Keys are the names docs/metrics.md uses. A link goes when its segment or code goes (undo restores
-- both: the undo recorder follows these cascades).
CREATE TABLE evidence_link (
    id          INTEGER PRIMARY KEY,
    coding_id   INTEGER REFERENCES coding (id) ON DELETE CASCADE,
    code_id     INTEGER REFERENCES code (id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('metric', 'dimension')),
    target_key  TEXT NOT NULL CHECK (length(target_key) BETWEEN 1 AND 100),
    note        TEXT,
    created_at  TEXT NOT NULL,
    CHECK ((coding_id IS NOT NULL) + (code_id IS NOT NULL) = 1)
);
CREATE UNIQUE INDEX evidence_link_unique_coding ON evidence_link (coding_id, target_kind, target_key)
    WHERE coding_id IS NOT NULL;
CREATE UNIQUE INDEX evidence_link_unique_code ON evidence_link (code_id, target_kind, target_key)
    WHERE code_id IS NOT NULL;
CREATE INDEX evidence_link_by_target ON evidence_link (target_kind, target_key);

-- The analyst's interpretation of one row of the joint display: a dimension, a metric, or a factor (a code used as
-- a repository tag, keyed by the code's GUID).
CREATE TABLE interpretation (
    id          INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('dimension', 'metric', 'factor')),
    target_key  TEXT NOT NULL CHECK (length(target_key) BETWEEN 1 AND 100),
    text        TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    UNIQUE (target_kind, target_key)
);
