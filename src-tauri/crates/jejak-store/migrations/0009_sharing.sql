-- Schema version 9: a map can be shared through a folder that a sync tool replicates. Each laptop
-- appends its changes to a file of its own in the map's subfolder and reads the others' files;
-- the library remembers how far it has read each file and which changes are in the folder.

-- The maps shared, and through which folder.
CREATE TABLE shared_maps (
    map_id  TEXT    PRIMARY KEY REFERENCES maps(id) ON DELETE CASCADE,
    folder  TEXT    NOT NULL,
    since   INTEGER NOT NULL,
    -- The name this laptop last announced in its file (a new one is announced again).
    hello   TEXT
) STRICT;

-- How far each file of a map's folder has been taken in: always at a line's end, so a line a
-- sync tool has copied only in part is read once it is whole. `header` is the file's first line
-- (it holds an id made with the file): a file replaced by another, or shorter than what was read,
-- is read again from its start. `seen_len` is the file's length when last read: while it stays
-- so there is nothing new to read.
CREATE TABLE shared_reads (
    map_id   TEXT    NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    file     TEXT    NOT NULL,
    header   TEXT    NOT NULL,
    read_to  INTEGER NOT NULL,
    seen_len INTEGER NOT NULL,
    -- What was wrong with the file when it was last read (a SyncIssue as JSON), if anything.
    issue    TEXT,
    PRIMARY KEY (map_id, file)
) STRICT;

-- The other laptops seen in a map's folder.
CREATE TABLE shared_peers (
    map_id     TEXT    NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    device     TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    last_edit  INTEGER,
    arrived    INTEGER,
    edits      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (map_id, device)
) STRICT;

-- What each change's maker had seen: the newest stamp of every laptop's changes its library had
-- (JSON, laptop -> stamp). A merge tells by it whether two changes were made apart (a conflict)
-- or one after seeing the other. NULL for changes made before schema 9.
ALTER TABLE changes ADD COLUMN seen TEXT;

-- The newest stamp of each laptop's changes this library has of a map: what a change made here
-- now has seen.
CREATE TABLE known_stamps (
    map_id  TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    device  TEXT NOT NULL,
    stamp   TEXT NOT NULL,
    PRIMARY KEY (map_id, device)
) STRICT;
INSERT INTO known_stamps (map_id, device, stamp)
    SELECT map_id, device, max(stamp) FROM changes WHERE device != '' GROUP BY map_id, device;

-- A change already in the map's folder (written by this library or read from it) is not
-- written again.
ALTER TABLE changes ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
CREATE INDEX changes_unshared ON changes(map_id) WHERE shared = 0;
