-- Divergence Workbench project schema, version 9: a repository is keyed by (platform, repo_type, full_name).

-- On Hugging Face a model, a dataset and a space may share one id (org/name). Keyed by (platform, full_name), an
-- import of datasets overwrote the models of the same id. The type joins the key; on GitHub it is always 'code', so
-- nothing changes there. The name stays first (migration V6: SQLite's sorter settles almost every comparison on it).
DROP INDEX repository_key;

-- What such an overwrite replaced is in repository_history (one version per batch). It comes back as a repository of
-- its own: for each repository and each other type in its history, the newest version of that type; the older
-- versions of that type follow it, so removing its batch restores them as before.
CREATE TEMP TABLE identity_split AS
    SELECT max(h.id) AS history_id, h.repository_id AS repository_id, h.repo_type AS repo_type
    FROM repository_history h JOIN repository r ON r.id = h.repository_id
    WHERE h.repo_type <> r.repo_type
    GROUP BY h.repository_id, h.repo_type;

INSERT INTO repository (platform, repo_type, full_name, created_at, contributors, commits, pull_requests,
                        merged_pull_requests, issues, discussions, stars, forks, downloads, likes, derivatives, extra,
                        batch_id)
    SELECT h.platform, h.repo_type, h.full_name, h.created_at, h.contributors, h.commits, h.pull_requests,
           h.merged_pull_requests, h.issues, h.discussions, h.stars, h.forks, h.downloads, h.likes, h.derivatives,
           h.extra, h.batch_id
    FROM identity_split s JOIN repository_history h ON h.id = s.history_id
    ORDER BY s.history_id;

CREATE UNIQUE INDEX repository_key ON repository (full_name, platform, repo_type);

UPDATE repository_history
SET repository_id = (SELECT r.id FROM repository r WHERE r.full_name = repository_history.full_name
                     AND r.platform = repository_history.platform AND r.repo_type = repository_history.repo_type)
WHERE EXISTS (SELECT 1 FROM identity_split s WHERE s.repository_id = repository_history.repository_id
              AND s.repo_type = repository_history.repo_type);

DELETE FROM repository_history WHERE id IN (SELECT history_id FROM identity_split);

DROP TABLE identity_split;
