-- Divergence Workbench project schema, version 1.
-- Conventions: NULL means unknown (never 0); times are ISO-8601 text; offsets into transcripts count Unicode code
-- points from 0, end exclusive (as REFI-QDA does); every user-visible entity that is exchanged has a stable GUID.

CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at  TEXT NOT NULL
);

CREATE TABLE project_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Repository samples ------------------------------------------------------------------------------------------------

-- Every import (a file, or a live collection) is a batch, so that any number can be traced to its source.
CREATE TABLE import_batch (
    id            INTEGER PRIMARY KEY,
    source_name   TEXT NOT NULL,
    source_sha256 TEXT,
    format        TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    rows_read     INTEGER NOT NULL DEFAULT 0,
    added         INTEGER NOT NULL DEFAULT 0,
    updated       INTEGER NOT NULL DEFAULT 0,
    skipped       INTEGER NOT NULL DEFAULT 0
);

-- One row per repository, in the canonical columns of the study's sample; columns outside that set are kept in
-- extra (a JSON object). The last import of a repository wins; the versions it replaced stay in repository_history.
CREATE TABLE repository (
    id                   INTEGER PRIMARY KEY,
    platform             TEXT NOT NULL CHECK (platform IN ('github', 'huggingface')),
    repo_type            TEXT NOT NULL CHECK (repo_type IN ('code', 'model', 'dataset', 'space')),
    full_name            TEXT NOT NULL,
    created_at           TEXT,
    contributors         INTEGER,
    commits              INTEGER,
    pull_requests        INTEGER,
    merged_pull_requests INTEGER,
    issues               INTEGER,
    discussions          INTEGER,
    stars                INTEGER,
    forks                INTEGER,
    downloads            INTEGER,
    likes                INTEGER,
    derivatives          INTEGER,
    extra                TEXT,
    batch_id             INTEGER NOT NULL REFERENCES import_batch (id)
);
-- The key. A separate index (not a table constraint) so that a bulk import into an empty table can build it
-- once after loading, which is several times faster than maintaining it row by row.
CREATE UNIQUE INDEX repository_key ON repository (platform, full_name);

CREATE TABLE repository_history (
    id                   INTEGER PRIMARY KEY,
    repository_id        INTEGER NOT NULL,
    batch_id             INTEGER NOT NULL,
    platform             TEXT NOT NULL,
    repo_type            TEXT NOT NULL,
    full_name            TEXT NOT NULL,
    created_at           TEXT,
    contributors         INTEGER,
    commits              INTEGER,
    pull_requests        INTEGER,
    merged_pull_requests INTEGER,
    issues               INTEGER,
    discussions          INTEGER,
    stars                INTEGER,
    forks                INTEGER,
    downloads            INTEGER,
    likes                INTEGER,
    derivatives          INTEGER,
    extra                TEXT
);
CREATE INDEX repository_history_by_repository ON repository_history (repository_id);
CREATE INDEX repository_history_by_batch ON repository_history (batch_id);

-- When a later batch overwrites a repository, keep the version it replaces, so removing that batch restores it.
CREATE TRIGGER repository_keeps_history AFTER UPDATE ON repository
WHEN old.batch_id IS NOT new.batch_id
BEGIN
    INSERT INTO repository_history (repository_id, batch_id, platform, repo_type, full_name, created_at, contributors,
                                    commits, pull_requests, merged_pull_requests, issues, discussions, stars, forks,
                                    downloads, likes, derivatives, extra)
    VALUES (old.id, old.batch_id, old.platform, old.repo_type, old.full_name, old.created_at, old.contributors,
            old.commits, old.pull_requests, old.merged_pull_requests, old.issues, old.discussions, old.stars, old.forks,
            old.downloads, old.likes, old.derivatives, old.extra);
END;

-- Interviews and their coding -----------------------------------------------------------------------------------

CREATE TABLE coder (
    id   INTEGER PRIMARY KEY,
    guid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE
);

-- A case is an interviewee; its attributes (role, organisation type, ...) are user-defined.
CREATE TABLE interview_case (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE,
    description TEXT
);

CREATE TABLE case_attribute (
    id         INTEGER PRIMARY KEY,
    guid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE,
    value_type TEXT NOT NULL DEFAULT 'text' CHECK (value_type IN ('text', 'integer', 'float', 'date', 'boolean')),
    position   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE case_attribute_value (
    case_id      INTEGER NOT NULL REFERENCES interview_case (id) ON DELETE CASCADE,
    attribute_id INTEGER NOT NULL REFERENCES case_attribute (id) ON DELETE CASCADE,
    value        TEXT,
    PRIMARY KEY (case_id, attribute_id)
) WITHOUT ROWID;

-- The text is normalised (LF line endings) and never changes once coded, so codings never shift.
CREATE TABLE transcript (
    id                 INTEGER PRIMARY KEY,
    guid               TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    case_id            INTEGER REFERENCES interview_case (id) ON DELETE SET NULL,
    content            TEXT NOT NULL,
    content_sha256     TEXT NOT NULL,
    length_code_points INTEGER NOT NULL,
    source_file        TEXT,
    source_format      TEXT,
    imported_at        TEXT NOT NULL
);

CREATE TABLE code (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    parent_id   INTEGER REFERENCES code (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    color       TEXT,
    description TEXT,
    inclusion   TEXT,
    exclusion   TEXT,
    example     TEXT,
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX code_by_parent ON code (parent_id);

CREATE TABLE coding (
    id            INTEGER PRIMARY KEY,
    guid          TEXT NOT NULL UNIQUE,
    transcript_id INTEGER NOT NULL REFERENCES transcript (id) ON DELETE CASCADE,
    code_id       INTEGER NOT NULL REFERENCES code (id) ON DELETE CASCADE,
    coder_id      INTEGER NOT NULL REFERENCES coder (id),
    start_cp      INTEGER NOT NULL,
    end_cp        INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    CHECK (0 <= start_cp AND start_cp < end_cp)
);
CREATE INDEX coding_by_transcript ON coding (transcript_id, start_cp);
CREATE INDEX coding_by_code ON coding (code_id);
CREATE INDEX coding_by_coder ON coding (coder_id);

-- A memo belongs to at most one of a coding, a transcript, a code or a case; with none, it is a project memo.
CREATE TABLE memo (
    id            INTEGER PRIMARY KEY,
    guid          TEXT NOT NULL UNIQUE,
    coding_id     INTEGER REFERENCES coding (id) ON DELETE CASCADE,
    transcript_id INTEGER REFERENCES transcript (id) ON DELETE CASCADE,
    code_id       INTEGER REFERENCES code (id) ON DELETE CASCADE,
    case_id       INTEGER REFERENCES interview_case (id) ON DELETE CASCADE,
    coder_id      INTEGER REFERENCES coder (id),
    title         TEXT,
    text          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    modified_at   TEXT NOT NULL,
    CHECK ((coding_id IS NOT NULL) + (transcript_id IS NOT NULL) + (code_id IS NOT NULL) + (case_id IS NOT NULL) <= 1)
);
CREATE INDEX memo_by_coding ON memo (coding_id);
CREATE INDEX memo_by_transcript ON memo (transcript_id);
CREATE INDEX memo_by_code ON memo (code_id);
