-- Schema version 5: edits, undo and redo find a map's latest done or undone step through an index
-- instead of scanning all of its history (which made every edit slower as the history grew). It
-- replaces history_by_map, whose work it also does, so an edit writes one index page fewer.
CREATE INDEX history_by_state ON history(map_id, undone, seq);
DROP INDEX history_by_map;
