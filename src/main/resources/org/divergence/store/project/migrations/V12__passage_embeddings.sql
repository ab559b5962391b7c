-- Divergence Workbench project schema, version 12: a cache of passage embeddings for search by meaning and code
-- suggestions (ADR 0121), and where a coding came from when a model had a part in it (ADR 0122).

-- Which text and model a transcript's passage vectors were computed from: when either differs, they are recomputed.
-- A cache: never exported to REFI-QDA or carried by merge, rebuilt when missing.
CREATE TABLE passage_embedding_source (
    transcript_id  INTEGER PRIMARY KEY REFERENCES transcript (id) ON DELETE CASCADE,
    content_sha256 TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    computed_at    TEXT NOT NULL
);

-- One passage (code points [start_cp, end_cp) of the transcript) and its unit vector, little-endian float32.
CREATE TABLE passage_embedding (
    transcript_id INTEGER NOT NULL REFERENCES passage_embedding_source (transcript_id) ON DELETE CASCADE,
    start_cp      INTEGER NOT NULL,
    end_cp        INTEGER NOT NULL,
    vector        BLOB NOT NULL,
    PRIMARY KEY (transcript_id, start_cp)
) WITHOUT ROWID;

-- A coding a model suggested and a person accepted ('suggested'), or the model made as a coder ('machine').
CREATE TABLE coding_origin (
    coding_id INTEGER PRIMARY KEY REFERENCES coding (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('suggested', 'machine')),
    model     TEXT NOT NULL,
    score     REAL NOT NULL,
    made_at   TEXT NOT NULL
);
