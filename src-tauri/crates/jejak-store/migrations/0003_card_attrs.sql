-- Schema version 3: touchpoint attributes (channel, kind, phase, moment of truth, owner, evidence,
-- tags, link, colour, priority) as one JSON object per card; '{}' means none set.
ALTER TABLE cards ADD COLUMN attrs TEXT NOT NULL DEFAULT '{}';
