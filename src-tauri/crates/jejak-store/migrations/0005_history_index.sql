-- Schema version 5: the edit history is found through an index on (map, done/undone, order)
-- instead of a scan of the map's whole history (which made every edit slower as it grew), and
-- its order key is a plain rowid: AUTOINCREMENT rewrote sqlite_sequence on every edit, one more
-- page for each durable commit. The table is rebuilt with every step kept.
CREATE TABLE history_v5 (
    seq         INTEGER PRIMARY KEY,
    map_id      TEXT    NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    forward     TEXT    NOT NULL,
    inverse     TEXT    NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    merge_key   TEXT
) STRICT;
INSERT INTO history_v5 (seq, map_id, forward, inverse, undone, created_at, merge_key)
    SELECT seq, map_id, forward, inverse, undone, created_at, merge_key FROM history;
DROP TABLE history;
ALTER TABLE history_v5 RENAME TO history;
DELETE FROM sqlite_sequence WHERE name = 'history';
CREATE INDEX history_by_state ON history(map_id, undone, seq);
