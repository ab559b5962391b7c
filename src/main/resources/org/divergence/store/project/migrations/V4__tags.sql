-- Divergence Workbench project schema, version 4: codes of the codebook as tags on repositories (docs/tags.md).

-- A saved rule: the repositories matching the expression carry the code as a tag. The expression is kept as the
-- user wrote it and parsed again whenever the rule is applied (after every import, and when it is saved).
CREATE TABLE tag_rule (
    id         INTEGER PRIMARY KEY,
    code_id    INTEGER NOT NULL REFERENCES code (id) ON DELETE CASCADE,
    expression TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX tag_rule_by_code ON tag_rule (code_id);

-- A code carried by a repository: given by hand (source 'manual', no rule) or by a rule (source 'rule'). One code
-- may come from both and from several rules; the repository carries it when any row says so.
CREATE TABLE repository_tag (
    id            INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
    code_id       INTEGER NOT NULL REFERENCES code (id) ON DELETE CASCADE,
    source        TEXT NOT NULL CHECK (source IN ('manual', 'rule')),
    rule_id       INTEGER REFERENCES tag_rule (id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    CHECK ((source = 'manual' AND rule_id IS NULL) OR (source = 'rule' AND rule_id IS NOT NULL))
);
-- Two indexes only (a rule may add a million rows; each index costs): one per code, which also makes a reason unique
-- (by hand once per code and repository; by a rule once per rule and repository), and one per repository (its tags,
-- the tag filter, and the cascade when repositories are deleted). Rows of one rule are found through its code.
CREATE UNIQUE INDEX repository_tag_by_code ON repository_tag (code_id, repository_id, source, coalesce(rule_id, 0));
CREATE INDEX repository_tag_by_repository ON repository_tag (repository_id);

-- Tags given by a rule are derived data: they always carry their rule's code (also when a code merge moves the rule,
-- or undoing one moves it back) ...
CREATE TRIGGER tag_rule_code_follows AFTER UPDATE OF code_id ON tag_rule
BEGIN
    UPDATE repository_tag SET code_id = new.code_id WHERE rule_id = new.id;
END;

-- ... and a rule that comes back by undo (of a code's deletion) waits here until it is applied again, so that its
-- possibly many tags need not be kept in the undo history. Saving a rule applies it at once, in the same transaction.
CREATE TABLE tag_rule_pending (
    rule_id INTEGER PRIMARY KEY REFERENCES tag_rule (id) ON DELETE CASCADE
);

CREATE TRIGGER tag_rule_inserted_is_pending AFTER INSERT ON tag_rule
BEGIN
    INSERT OR IGNORE INTO tag_rule_pending (rule_id) VALUES (new.id);
END;
