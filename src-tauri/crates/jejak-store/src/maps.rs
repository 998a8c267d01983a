//! Library-level actions on whole maps: create, list, duplicate, trash, restore, purge, load.

use std::collections::HashMap;

use jejak_core::templates::{blueprint, Locale, Template};
use jejak_core::{
    new_id, now_millis, rank, validate, Card, Field, Id, Lane, MapDoc, MapSummary, Stage,
};
use rusqlite::{params, Connection, Row};

use crate::cached::Cached;
use crate::history;
use crate::rows::{self, id_at};
use crate::{Result, StoreError};

const SUMMARY_SQL: &str = "
    SELECT m.id, m.title, m.created_at, m.updated_at, m.deleted_at,
           (SELECT COUNT(*) FROM stages s WHERE s.map_id = m.id),
           (SELECT COUNT(*) FROM cards c WHERE c.map_id = m.id)
    FROM maps m";

fn summary_from(row: &Row) -> rusqlite::Result<MapSummary> {
    Ok(MapSummary {
        id: id_at(row, 0)?,
        title: row.get(1)?,
        created_at: row.get(2)?,
        updated_at: row.get(3)?,
        deleted_at: row.get(4)?,
        stage_count: row.get(5)?,
        card_count: row.get(6)?,
        found_in_card: None,
    })
}

pub(crate) fn summary(conn: &Connection, id: Id) -> Result<MapSummary> {
    let sql = format!("{SUMMARY_SQL} WHERE m.id = ?1");
    conn.row_cached(&sql, [id.to_string()], summary_from)
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => StoreError::not_found("map", id),
            other => other.into(),
        })
}

/// Maps whose title, or one of whose cards' title or text, contains `query` (case-insensitive,
/// any script), most recently changed first. A map found by a card names that card.
pub(crate) fn list(conn: &Connection, query: &str, trashed: bool) -> Result<Vec<MapSummary>> {
    let filter = if trashed { "IS NOT NULL" } else { "IS NULL" };
    let sql =
        format!("{SUMMARY_SQL} WHERE m.deleted_at {filter} ORDER BY m.updated_at DESC, m.id DESC");
    let mut stmt = conn.prepare_cached(&sql)?;
    let all = stmt
        .query_map([], summary_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Ok(all);
    }
    // SQLite's lower() only folds ASCII; Rust folds every script.
    let by_title = |m: &MapSummary| m.title.to_lowercase().contains(&needle);
    let others: Vec<String> = all
        .iter()
        .filter(|m| !by_title(m))
        .map(|m| m.id.to_string())
        .collect();
    let by_card = if others.is_empty() {
        HashMap::new()
    } else {
        cards_containing(conn, &needle, &others)?
    };
    Ok(all
        .into_iter()
        .filter_map(|m| {
            if by_title(&m) {
                Some(m)
            } else {
                let card = by_card.get(&m.id)?.clone();
                Some(MapSummary {
                    found_in_card: Some(card),
                    ..m
                })
            }
        })
        .collect())
}

/// For each of the maps `ids` (those the title did not find), the title of its first card, in
/// board order, whose title or text contains `needle` (already lower case).
fn cards_containing(
    conn: &Connection,
    needle: &str,
    ids: &[String],
) -> Result<HashMap<Id, String>> {
    // Folding case in Rust (every script) means reading the cards; only the maps still unfound.
    let mut stmt = conn.prepare_cached(
        "SELECT c.map_id, c.title, c.body FROM cards c
         JOIN stages s ON s.id = c.stage_id
         JOIN lanes l ON l.id = c.lane_id
         WHERE c.map_id IN (SELECT value FROM json_each(?1))
         ORDER BY c.map_id, s.rank, l.rank, c.rank",
    )?;
    let wanted = serde_json::to_string(ids).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let mut rows = stmt.query([wanted])?;
    let mut found = HashMap::new();
    while let Some(row) = rows.next()? {
        let map_id = id_at(row, 0)?;
        if found.contains_key(&map_id) {
            continue;
        }
        let title: String = row.get(1)?;
        let body: String = row.get(2)?;
        if title.to_lowercase().contains(needle) || body.to_lowercase().contains(needle) {
            found.insert(map_id, title);
        }
    }
    Ok(found)
}

fn insert_map(conn: &Connection, id: Id, title: &str) -> Result<()> {
    let now = now_millis();
    conn.exec_cached(
        "INSERT INTO maps (id, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![id.to_string(), title, now],
    )?;
    Ok(())
}

pub(crate) fn create(
    conn: &Connection,
    template: Template,
    locale: Locale,
    title: Option<&str>,
) -> Result<MapSummary> {
    let plan = blueprint(template, locale);
    let title = validate::name(Field::MapTitle, title.unwrap_or(plan.title))?;
    let map_id = new_id();
    insert_map(conn, map_id, &title)?;
    for (name, rank) in plan.stages.iter().zip(rank::sequence(plan.stages.len())) {
        let stage = Stage {
            id: new_id(),
            title: (*name).to_string(),
            rank,
        };
        rows::insert_stage(conn, map_id, &stage)?;
    }
    for ((name, kind), rank) in plan.lanes.iter().zip(rank::sequence(plan.lanes.len())) {
        let lane = Lane {
            id: new_id(),
            title: (*name).to_string(),
            kind: *kind,
            rank,
        };
        rows::insert_lane(conn, map_id, &lane)?;
    }
    summary(conn, map_id)
}

/// A copy with fresh ids and no history. Comments stay with the original: a copy starts a new
/// conversation.
pub(crate) fn duplicate(conn: &Connection, source: Id, title: &str) -> Result<MapSummary> {
    let title = validate::name(Field::MapTitle, title)?;
    let doc = load(conn, source)?;
    let map_id = new_id();
    insert_map(conn, map_id, &title)?;
    let mut stage_ids = HashMap::new();
    for s in &doc.stages {
        let id = new_id();
        stage_ids.insert(s.id, id);
        rows::insert_stage(conn, map_id, &Stage { id, ..s.clone() })?;
    }
    let mut card_ids = HashMap::new();
    let mut lane_ids = HashMap::new();
    for l in &doc.lanes {
        let id = new_id();
        lane_ids.insert(l.id, id);
        rows::insert_lane(conn, map_id, &Lane { id, ..l.clone() })?;
    }
    for c in &doc.cards {
        let (Some(stage_id), Some(lane_id)) =
            (stage_ids.get(&c.stage_id), lane_ids.get(&c.lane_id))
        else {
            return Err(StoreError::Corrupt(format!(
                "card {} is outside its map",
                c.id
            )));
        };
        let card = Card {
            id: new_id(),
            stage_id: *stage_id,
            lane_id: *lane_id,
            ..c.clone()
        };
        card_ids.insert(c.id, card.id);
        rows::insert_card(conn, map_id, &card)?;
    }
    let mut persona_ids = HashMap::new();
    for p in &doc.personas {
        let fields = jejak_core::PersonaFields {
            id: new_id(),
            ..jejak_core::PersonaFields::from(p)
        };
        persona_ids.insert(p.id, fields.id);
        crate::personas::insert(conn, map_id, &fields, &p.rank)?;
    }
    for e in &doc.emotions {
        if let (Some(card), Some(persona)) =
            (card_ids.get(&e.card_id), persona_ids.get(&e.persona_id))
        {
            crate::personas::set_emotion(conn, *card, *persona, e.horizon, Some(e.score))?;
        }
    }
    summary(conn, map_id)
}

/// Moves a map to the trash (or back). Trashed maps keep everything, history included.
pub(crate) fn set_trashed(conn: &Connection, id: Id, trashed: bool) -> Result<MapSummary> {
    let deleted_at = trashed.then(now_millis);
    let n = conn.exec_cached(
        "UPDATE maps SET deleted_at = ?1 WHERE id = ?2",
        params![deleted_at, id.to_string()],
    )?;
    if n == 0 {
        return Err(StoreError::not_found("map", id));
    }
    summary(conn, id)
}

/// Deletes a trashed map for good. Maps not in the trash are refused, so nothing is lost by one click.
pub(crate) fn purge(conn: &Connection, id: Id) -> Result<()> {
    let s = summary(conn, id)?;
    if s.deleted_at.is_none() {
        return Err(StoreError::Conflict(
            "only maps in the trash can be deleted for good".into(),
        ));
    }
    conn.exec_cached("DELETE FROM maps WHERE id = ?1", [id.to_string()])?;
    Ok(())
}

pub(crate) fn load(conn: &Connection, id: Id) -> Result<MapDoc> {
    Ok(MapDoc {
        map: rows::map_meta(conn, id)?,
        stages: rows::stages_of(conn, id)?,
        lanes: rows::lanes_of(conn, id)?,
        cards: rows::cards_of(conn, id)?,
        personas: crate::personas::of_map(conn, id)?,
        emotions: crate::personas::emotions_of_map(conn, id)?,
        comments: crate::comments::of_map(conn, id)?,
        history: history::state(conn, id)?,
    })
}
