//! Copying one map, with its personas, scores, comments and edit history, from one database to
//! another: out of the library into a map file, and from a map file into the library. Every row
//! is validated as an edit would be, so a hand-made file cannot bring in what the app refuses.

use std::collections::HashMap;

use jejak_core::validate;
use jejak_core::{CommentOn, Field, Id, MapDoc, PersonaFields};
use rusqlite::{params, Connection};
use serde_json::Value;

use crate::cached::Cached;
use crate::{comments, personas, rows};
use crate::{Result, StoreError};

/// One row of a map's edit history, without its library-wide sequence number.
pub(super) struct HistoryRow {
    forward: String,
    inverse: String,
    undone: bool,
    created_at: i64,
    merge_key: Option<String>,
}

/// The map's history, oldest first.
pub(super) fn history_of(conn: &Connection, map_id: Id) -> Result<Vec<HistoryRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT forward, inverse, undone, created_at, merge_key FROM history
         WHERE map_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([map_id.to_string()], |r| {
        Ok(HistoryRow {
            forward: r.get(0)?,
            inverse: r.get(1)?,
            undone: r.get::<_, i64>(2)? != 0,
            created_at: r.get(3)?,
            merge_key: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// New ids for a copy: every id of the map, and every id its history mentions (cards deleted long
/// ago included), each replaced consistently.
pub(super) struct Renames(HashMap<Id, Id>);

impl Renames {
    pub fn none() -> Self {
        Renames(HashMap::new())
    }

    /// Fresh ids for everything in `doc` and `history`.
    pub fn fresh(doc: &MapDoc, history: &[HistoryRow]) -> Result<Self> {
        let mut renames = Renames(HashMap::new());
        let ids = std::iter::once(doc.map.id)
            .chain(doc.stages.iter().map(|s| s.id))
            .chain(doc.lanes.iter().map(|l| l.id))
            .chain(doc.cards.iter().map(|c| c.id))
            .chain(doc.personas.iter().map(|p| p.id))
            .chain(doc.comments.iter().map(|c| c.id));
        for id in ids {
            renames.add(id);
        }
        for row in history {
            for text in [&row.forward, &row.inverse] {
                let ops: Value = serde_json::from_str(text).map_err(corrupt_history)?;
                renames.collect(&ops);
            }
        }
        Ok(renames)
    }

    fn add(&mut self, id: Id) {
        self.0.entry(id).or_insert_with(jejak_core::new_id);
    }

    fn collect(&mut self, value: &Value) {
        match value {
            Value::String(s) => {
                if let Ok(id) = Id::parse_str(s) {
                    self.add(id);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| self.collect(v)),
            Value::Object(fields) => fields
                .iter()
                .filter(|(key, _)| key.as_str() != OTHER_MAP)
                .for_each(|(_, v)| self.collect(v)),
            _ => {}
        }
    }

    pub fn id(&self, id: Id) -> Id {
        self.0.get(&id).copied().unwrap_or(id)
    }

    /// Ops JSON with every renamed id replaced.
    fn ops(&self, text: &str) -> Result<String> {
        if self.0.is_empty() {
            return Ok(text.to_owned());
        }
        let mut value: Value = serde_json::from_str(text).map_err(corrupt_history)?;
        self.rewrite(&mut value);
        serde_json::to_string(&value).map_err(corrupt_history)
    }

    fn rewrite(&self, value: &mut Value) {
        match value {
            Value::String(s) => {
                if let Ok(id) = Id::parse_str(s) {
                    *s = self.id(id).to_string();
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.rewrite(v)),
            Value::Object(fields) => fields
                .iter_mut()
                .filter(|(key, _)| key.as_str() != OTHER_MAP)
                .for_each(|(_, v)| self.rewrite(v)),
            _ => {}
        }
    }
}

/// The attribute naming another map of the library (a card's link): not an id of this map, so a
/// copy keeps it as it is, in the cards and in every step of their history.
const OTHER_MAP: &str = "linkedMap";

fn corrupt_history(e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(format!("an edit in the map's history cannot be read: {e}"))
}

/// Writes `doc` and its history into `conn` (inside the caller's transaction), renamed by
/// `renames`, titled `title`. Refuses what an edit would refuse.
pub(super) fn write_map(
    conn: &Connection,
    doc: &MapDoc,
    history: &[HistoryRow],
    renames: &Renames,
    title: &str,
) -> Result<Id> {
    let map_id = renames.id(doc.map.id);
    let title = validate::name(Field::MapTitle, title)?;
    conn.exec_cached(
        "INSERT INTO maps (id, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            map_id.to_string(),
            title,
            doc.map.created_at,
            doc.map.updated_at
        ],
    )?;
    for s in &doc.stages {
        let title = validate::name(Field::StageTitle, &s.title)?;
        let id = renames.id(s.id);
        let rank = s.rank.clone();
        rows::insert_stage(conn, map_id, &jejak_core::Stage { id, title, rank })?;
    }
    for l in &doc.lanes {
        let title = validate::name(Field::LaneTitle, &l.title)?;
        let lane = jejak_core::Lane {
            id: renames.id(l.id),
            title,
            ..l.clone()
        };
        rows::insert_lane(conn, map_id, &lane)?;
    }
    for c in &doc.cards {
        validate::card_text(&c.title, &c.body)?;
        let card = jejak_core::Card {
            id: renames.id(c.id),
            stage_id: renames.id(c.stage_id),
            lane_id: renames.id(c.lane_id),
            attrs: c.attrs.validated()?,
            ..c.clone()
        };
        rows::insert_card(conn, map_id, &card)?;
    }
    for p in &doc.personas {
        let fields = PersonaFields {
            id: renames.id(p.id),
            ..PersonaFields::from(p)
        }
        .validated()?;
        personas::insert(conn, map_id, &fields, &p.rank)?;
    }
    for e in &doc.emotions {
        let score = jejak_core::persona::check_score(e.score)?;
        let (card, persona) = (renames.id(e.card_id), renames.id(e.persona_id));
        personas::set_emotion(conn, card, persona, e.horizon, Some(score))?;
    }
    // One level of replies, about what their thread is about: what edits keep (a stray reply
    // would vanish with another card's thread, out of reach of undo).
    if let Some(id) = jejak_core::comment::stray_reply(&doc.comments) {
        return Err(StoreError::Corrupt(format!(
            "comment {id} replies to a thread the map does not have"
        )));
    }
    // First comments before replies, which name them.
    let (firsts, replies): (Vec<_>, Vec<_>) =
        doc.comments.iter().partition(|c| c.reply_to.is_none());
    for c in firsts.into_iter().chain(replies) {
        let comment = jejak_core::Comment {
            id: renames.id(c.id),
            on: match c.on {
                CommentOn::Card(id) => CommentOn::Card(renames.id(id)),
                CommentOn::Stage(id) => CommentOn::Stage(renames.id(id)),
            },
            reply_to: c.reply_to.map(|r| renames.id(r)),
            ..c.validated()?
        };
        comments::insert(conn, map_id, &comment)?;
    }
    for h in history {
        conn.exec_cached(
            "INSERT INTO history (map_id, forward, inverse, undone, created_at, merge_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                map_id.to_string(),
                renames.ops(&h.forward)?,
                renames.ops(&h.inverse)?,
                h.undone,
                h.created_at,
                h.merge_key
            ],
        )?;
    }
    Ok(map_id)
}
