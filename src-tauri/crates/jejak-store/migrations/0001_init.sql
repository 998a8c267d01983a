-- Jejak library schema, version 1. Shipped migrations never change: add a new file instead.

CREATE TABLE maps (
    id          TEXT    PRIMARY KEY,
    title       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;

CREATE TABLE stages (
    id      TEXT PRIMARY KEY,
    map_id  TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    title   TEXT NOT NULL,
    rank    TEXT NOT NULL,
    UNIQUE (map_id, rank)
) STRICT;

CREATE TABLE lanes (
    id      TEXT PRIMARY KEY,
    map_id  TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    title   TEXT NOT NULL,
    kind    TEXT NOT NULL,
    rank    TEXT NOT NULL,
    UNIQUE (map_id, rank)
) STRICT;

CREATE TABLE cards (
    id        TEXT PRIMARY KEY,
    map_id    TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    stage_id  TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    lane_id   TEXT NOT NULL REFERENCES lanes(id) ON DELETE CASCADE,
    title     TEXT NOT NULL,
    body      TEXT NOT NULL,
    rank      TEXT NOT NULL,
    UNIQUE (stage_id, lane_id, rank)
) STRICT;
CREATE INDEX cards_by_map ON cards(map_id);
CREATE INDEX cards_by_lane ON cards(lane_id);

-- One row per undo step (a group of ops). `forward` replays it, `inverse` undoes it.
CREATE TABLE history (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id      TEXT    NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    forward     TEXT    NOT NULL,
    inverse     TEXT    NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX history_by_map ON history(map_id, seq);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;
