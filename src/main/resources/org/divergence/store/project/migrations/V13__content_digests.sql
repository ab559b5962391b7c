-- Divergence Workbench project schema, version 13: stored digests of the content, for the report's content checksum
-- (docs/decisions/0136-content-checksum-from-stored-digests.md).

-- Each content table's rows are cut into parts by their key (a rowid table: 1,024 ids per part; a table without
-- rowid: its first key column's value and 1,024 values of its second), and each part has the SHA-256 of its rows in
-- key order. The report's checksum combines the parts' digests instead of reading every row.
CREATE TABLE content_digest (
    table_name TEXT NOT NULL,
    part_a     INTEGER NOT NULL,
    part_b     INTEGER NOT NULL,
    rows       INTEGER NOT NULL CHECK (rows > 0),
    sha256     BLOB NOT NULL,
    PRIMARY KEY (table_name, part_a, part_b)
) WITHOUT ROWID;

-- Parts whose rows changed since their digest was stored: triggers on every content table add them (whatever
-- writes), and every write transaction of the app recomputes them before it commits.
CREATE TABLE content_dirty (
    table_name TEXT NOT NULL,
    part_a     INTEGER NOT NULL,
    part_b     INTEGER NOT NULL,
    PRIMARY KEY (table_name, part_a, part_b)
) WITHOUT ROWID;

-- The columns each table's digests were computed over, and so whose triggers are in place: a table that is missing
-- here, or whose columns changed (a migration), has its triggers made and every part recomputed.
CREATE TABLE content_table (
    table_name TEXT PRIMARY KEY,
    columns    TEXT NOT NULL
) WITHOUT ROWID;
