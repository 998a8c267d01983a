-- Schema version 8: copies of a map can be merged. Every change of a map is kept, in the order of
-- its stamp (a hybrid logical clock reading, then the device), as one `changes` row: its ops as
-- applied where it was made, and their inverse there (what it replaced or deleted). The rows are
-- the same on every laptop that has the change; `undo` is this library's own: the ops that undo
-- it here when a merge replayed it differently (NULL: `inverse` does). Never pruned.
CREATE TABLE changes (
    id       TEXT PRIMARY KEY,
    map_id   TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    stamp    TEXT NOT NULL,
    device   TEXT NOT NULL,
    author   TEXT NOT NULL,
    ops      TEXT NOT NULL,
    inverse  TEXT NOT NULL,
    undo     TEXT,
    UNIQUE (map_id, stamp)
) STRICT;

-- What a merge found both sides did differently, until the user dismisses it. `step` is the
-- merge's undo step: undone, its conflicts are not listed; dropped, they go with it.
CREATE TABLE conflicts (
    id        TEXT    PRIMARY KEY,
    map_id    TEXT    NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    step      INTEGER NOT NULL,
    content   TEXT    NOT NULL
) STRICT;
CREATE INDEX conflicts_by_map ON conflicts(map_id, step);

-- Snapshots gain a reason: before a merge.
CREATE TABLE snapshots_v8 (
    id        TEXT    PRIMARY KEY,
    map_id    TEXT    NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    taken_at  INTEGER NOT NULL,
    label     TEXT    NOT NULL,
    reason    TEXT    NOT NULL
              CHECK (reason IN ('named', 'daily', 'replace', 'restore', 'bulk', 'merge')),
    stages    INTEGER NOT NULL,
    lanes     INTEGER NOT NULL,
    cards     INTEGER NOT NULL,
    content   TEXT    NOT NULL
) STRICT;
INSERT INTO snapshots_v8 SELECT * FROM snapshots;
DROP TABLE snapshots;
ALTER TABLE snapshots_v8 RENAME TO snapshots;
CREATE INDEX snapshots_by_map ON snapshots(map_id, taken_at);
