-- Live collection from the GitHub and Hugging Face APIs: a crawl's plan and progress live in the project, so that
-- an interrupted crawl (Ctrl-C, a crash, a lost network) resumes where it stopped. A repository's row in
-- `repository` and its crawl_item's 'done' commit in one transaction: nothing is ever stored half.

CREATE TABLE crawl (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL CHECK (platform IN ('github', 'huggingface')),
    repo_type    TEXT NOT NULL CHECK (repo_type IN ('code', 'model', 'dataset', 'space')),
    api_url      TEXT NOT NULL,
    -- What was asked (named repositories, or query/author/sort/limit) as JSON. Never a token.
    request      TEXT NOT NULL,
    description  TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('planning', 'running', 'finished')),
    -- The batch the collected repositories are stored in; a removed batch is replaced on resume.
    batch_id     INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
    requests     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    finished_at  TEXT,
    -- Why the crawl last stopped before finishing (network, malformed answer, cancelled), for `collect status`.
    last_error   TEXT
);

CREATE TABLE crawl_item (
    crawl_id    INTEGER NOT NULL REFERENCES crawl (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    -- What the listing said about the repository (a search result), so a resumed crawl need not list again.
    listing     TEXT,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    -- 'added' or 'updated' for a done item: the batch's counts are summed from these.
    outcome     TEXT CHECK (outcome IN ('added', 'updated')),
    -- The name the platform stored it under (a renamed GitHub repository answers under its new name).
    stored_name TEXT,
    message     TEXT,
    finished_at TEXT,
    PRIMARY KEY (crawl_id, position)
) WITHOUT ROWID;
CREATE UNIQUE INDEX crawl_item_by_name ON crawl_item (crawl_id, name);
CREATE INDEX crawl_item_pending ON crawl_item (crawl_id, state, position);
