-- Divergence Workbench project schema, version 7: GH Archive aggregations run on a ClickHouse server
-- (`collect clickhouse`). The server aggregates one shard of repositories per query; each shard's rows are stored as
-- one import batch, in the same transaction as the shard's record here, so a stopped collection resumes with the
-- shards it has not stored yet and a shard is never stored twice or half.

CREATE TABLE clickhouse_collection (
    id                INTEGER PRIMARY KEY,
    -- The server's URL without user name or password; the user name; never a password. password_variable names the
    -- environment variable the password was read from, so that `collect resume` can read it again.
    server_url        TEXT NOT NULL,
    user_name         TEXT NOT NULL,
    password_variable TEXT,
    database_name     TEXT NOT NULL,
    table_name        TEXT NOT NULL,
    -- The window of events, ISO dates in UTC: from the first day's 00:00:00 to the end of the last day.
    window_from       TEXT NOT NULL,
    window_to         TEXT NOT NULL,
    shards            INTEGER NOT NULL CHECK (shards >= 1),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    -- Why the collection last stopped before storing every shard (network, server error, cancelled).
    last_error        TEXT
);

-- A stored shard. Removing its batch removes this record too, so the shard is collected again on resume.
CREATE TABLE clickhouse_shard (
    collection_id  INTEGER NOT NULL REFERENCES clickhouse_collection (id) ON DELETE CASCADE,
    shard          INTEGER NOT NULL CHECK (shard >= 0),
    batch_id       INTEGER NOT NULL UNIQUE REFERENCES import_batch (id) ON DELETE CASCADE,
    -- What the server reported from SELECT version(), and the exact SQL text it ran.
    server_version TEXT NOT NULL,
    query          TEXT NOT NULL,
    rows           INTEGER NOT NULL,
    skipped        INTEGER NOT NULL DEFAULT 0,
    -- The first row set aside (it breaks a rule of the canonical sample) and why, if any.
    skipped_example TEXT,
    seconds        REAL NOT NULL,
    finished_at    TEXT NOT NULL,
    PRIMARY KEY (collection_id, shard)
) WITHOUT ROWID;
