-- Schema version 7: comments on a card or on a stage. A thread is a first comment and the replies
-- naming it (`reply_to`); it is resolved or open as a whole, on its first comment. Deleting the
-- card, stage or first comment deletes the comments with it.
CREATE TABLE comments (
    id          TEXT    PRIMARY KEY,
    map_id      TEXT    NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    card_id     TEXT    REFERENCES cards(id) ON DELETE CASCADE,
    stage_id    TEXT    REFERENCES stages(id) ON DELETE CASCADE,
    reply_to    TEXT    REFERENCES comments(id) ON DELETE CASCADE,
    author      TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    CHECK ((card_id IS NULL) <> (stage_id IS NULL))
) STRICT;
CREATE INDEX comments_by_map ON comments(map_id, created_at);
CREATE INDEX comments_by_card ON comments(card_id);
CREATE INDEX comments_by_stage ON comments(stage_id);
CREATE INDEX comments_by_thread ON comments(reply_to);
