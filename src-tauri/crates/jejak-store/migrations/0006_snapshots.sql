-- Schema version 6: snapshots of a map, named by the user or taken automatically before an
-- import, a replace, a restore, a bulk change and the first edit of a day. `content` is the whole
-- map in the map JSON format (docs/map-json.md); the counts are kept to list without reading it.
CREATE TABLE snapshots (
    id        TEXT    PRIMARY KEY,
    map_id    TEXT    NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    taken_at  INTEGER NOT NULL,
    label     TEXT    NOT NULL,
    reason    TEXT    NOT NULL CHECK (reason IN ('named', 'daily', 'replace', 'restore', 'bulk')),
    stages    INTEGER NOT NULL,
    lanes     INTEGER NOT NULL,
    cards     INTEGER NOT NULL,
    content   TEXT    NOT NULL
) STRICT;
CREATE INDEX snapshots_by_map ON snapshots(map_id, taken_at);
