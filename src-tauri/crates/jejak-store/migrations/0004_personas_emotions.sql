-- Schema version 4: personas of a map, and the emotion scores (-2..+2) touchpoint cards carry for
-- each persona, today ('asIs') and as designed ('toBe').
CREATE TABLE personas (
    id      TEXT PRIMARY KEY,
    map_id  TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    role    TEXT NOT NULL,
    goals   TEXT NOT NULL,
    needs   TEXT NOT NULL,
    pains   TEXT NOT NULL,
    color   TEXT NOT NULL,
    photo   TEXT,
    rank    TEXT NOT NULL,
    UNIQUE (map_id, rank)
) STRICT;

CREATE TABLE emotions (
    card_id     TEXT    NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
    persona_id  TEXT    NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    horizon     TEXT    NOT NULL CHECK (horizon IN ('asIs', 'toBe')),
    score       INTEGER NOT NULL CHECK (score BETWEEN -2 AND 2),
    PRIMARY KEY (card_id, persona_id, horizon)
) STRICT;
CREATE INDEX emotions_by_persona ON emotions(persona_id);
