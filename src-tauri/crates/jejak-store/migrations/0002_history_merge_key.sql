-- Schema version 2: consecutive edits of one field (typing in the inspector) share an undo step.
-- Steps recorded with the same merge key, one right after the other, are folded into one row.
ALTER TABLE history ADD COLUMN merge_key TEXT;
