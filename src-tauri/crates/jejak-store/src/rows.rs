//! Reading and writing single rows of stages, lanes and cards. Ids are stored as hyphenated text.

use jejak_core::{Card, CardAttrs, Id, Lane, LaneKind, MapMeta, Stage};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::cached::Cached;
use crate::{Result, StoreError};

pub(crate) fn id_at(row: &Row, idx: usize) -> rusqlite::Result<Id> {
    let text: String = row.get(idx)?;
    Id::parse_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

fn kind_at(row: &Row, idx: usize) -> rusqlite::Result<LaneKind> {
    let text: String = row.get(idx)?;
    LaneKind::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Text,
            format!("unknown lane kind {text:?}").into(),
        )
    })
}

pub(crate) const STAGE_COLS: &str = "id, title, rank";
pub(crate) const LANE_COLS: &str = "id, title, kind, rank";
pub(crate) const CARD_COLS: &str = "id, stage_id, lane_id, title, body, rank, attrs";

pub(crate) fn stage_from(row: &Row) -> rusqlite::Result<Stage> {
    Ok(Stage {
        id: id_at(row, 0)?,
        title: row.get(1)?,
        rank: row.get(2)?,
    })
}

pub(crate) fn lane_from(row: &Row) -> rusqlite::Result<Lane> {
    Ok(Lane {
        id: id_at(row, 0)?,
        title: row.get(1)?,
        kind: kind_at(row, 2)?,
        rank: row.get(3)?,
    })
}

pub(crate) fn card_from(row: &Row) -> rusqlite::Result<Card> {
    Ok(Card {
        id: id_at(row, 0)?,
        stage_id: id_at(row, 1)?,
        lane_id: id_at(row, 2)?,
        title: row.get(3)?,
        body: row.get(4)?,
        rank: row.get(5)?,
        attrs: attrs_at(row, 6)?,
    })
}

fn attrs_at(row: &Row, idx: usize) -> rusqlite::Result<CardAttrs> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

pub(crate) fn attrs_json(attrs: &CardAttrs) -> Result<String> {
    serde_json::to_string(attrs)
        .map_err(|e| StoreError::Corrupt(format!("cannot encode card attributes: {e}")))
}

pub(crate) fn map_meta(conn: &Connection, map_id: Id) -> Result<MapMeta> {
    conn.row_cached(
        "SELECT id, title, created_at, updated_at FROM maps WHERE id = ?1",
        [map_id.to_string()],
        |r| {
            Ok(MapMeta {
                id: id_at(r, 0)?,
                title: r.get(1)?,
                created_at: r.get(2)?,
                updated_at: r.get(3)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::not_found("map", map_id))
}

pub(crate) fn find_stage(conn: &Connection, map_id: Id, id: Id) -> Result<Option<Stage>> {
    let sql = format!("SELECT {STAGE_COLS} FROM stages WHERE id = ?1 AND map_id = ?2");
    Ok(conn
        .row_cached(
            &sql,
            params![id.to_string(), map_id.to_string()],
            stage_from,
        )
        .optional()?)
}

pub(crate) fn find_lane(conn: &Connection, map_id: Id, id: Id) -> Result<Option<Lane>> {
    let sql = format!("SELECT {LANE_COLS} FROM lanes WHERE id = ?1 AND map_id = ?2");
    Ok(conn
        .row_cached(&sql, params![id.to_string(), map_id.to_string()], lane_from)
        .optional()?)
}

pub(crate) fn find_card(conn: &Connection, map_id: Id, id: Id) -> Result<Option<Card>> {
    let sql = format!("SELECT {CARD_COLS} FROM cards WHERE id = ?1 AND map_id = ?2");
    Ok(conn
        .row_cached(&sql, params![id.to_string(), map_id.to_string()], card_from)
        .optional()?)
}

pub(crate) fn stage(conn: &Connection, map_id: Id, id: Id) -> Result<Stage> {
    find_stage(conn, map_id, id)?.ok_or_else(|| StoreError::not_found("stage", id))
}

pub(crate) fn lane(conn: &Connection, map_id: Id, id: Id) -> Result<Lane> {
    find_lane(conn, map_id, id)?.ok_or_else(|| StoreError::not_found("lane", id))
}

pub(crate) fn card(conn: &Connection, map_id: Id, id: Id) -> Result<Card> {
    find_card(conn, map_id, id)?.ok_or_else(|| StoreError::not_found("card", id))
}

pub(crate) fn stages_of(conn: &Connection, map_id: Id) -> Result<Vec<Stage>> {
    let sql = format!("SELECT {STAGE_COLS} FROM stages WHERE map_id = ?1 ORDER BY rank");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([map_id.to_string()], stage_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn lanes_of(conn: &Connection, map_id: Id) -> Result<Vec<Lane>> {
    let sql = format!("SELECT {LANE_COLS} FROM lanes WHERE map_id = ?1 ORDER BY rank");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([map_id.to_string()], lane_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Cards of a map, ordered by cell then rank.
pub(crate) fn cards_of(conn: &Connection, map_id: Id) -> Result<Vec<Card>> {
    let sql =
        format!("SELECT {CARD_COLS} FROM cards WHERE map_id = ?1 ORDER BY stage_id, lane_id, rank");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([map_id.to_string()], card_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn cards_where(conn: &Connection, column: &str, id: Id) -> Result<Vec<Card>> {
    // `column` is one of our own column names, never user input.
    let sql = format!("SELECT {CARD_COLS} FROM cards WHERE {column} = ?1 ORDER BY rank");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([id.to_string()], card_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `(id, rank)` of the cards in one cell, by rank.
pub(crate) fn cell_ranks(
    conn: &Connection,
    stage_id: Id,
    lane_id: Id,
) -> Result<Vec<(Id, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, rank FROM cards WHERE stage_id = ?1 AND lane_id = ?2 ORDER BY rank",
    )?;
    let rows = stmt.query_map(params![stage_id.to_string(), lane_id.to_string()], |r| {
        Ok((id_at(r, 0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `(id, rank)` of a map's stages or lanes, by rank.
pub(crate) fn axis_ranks(conn: &Connection, table: &str, map_id: Id) -> Result<Vec<(Id, String)>> {
    // `table` is "stages" or "lanes", chosen by our code.
    let sql = format!("SELECT id, rank FROM {table} WHERE map_id = ?1 ORDER BY rank");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([map_id.to_string()], |r| Ok((id_at(r, 0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert_stage(conn: &Connection, map_id: Id, s: &Stage) -> Result<()> {
    conn.prepare_cached("INSERT INTO stages (id, map_id, title, rank) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![
            s.id.to_string(),
            map_id.to_string(),
            s.title,
            s.rank
        ])?;
    Ok(())
}

pub(crate) fn insert_lane(conn: &Connection, map_id: Id, l: &Lane) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO lanes (id, map_id, title, kind, rank) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        l.id.to_string(),
        map_id.to_string(),
        l.title,
        l.kind.as_str(),
        l.rank
    ])?;
    Ok(())
}

pub(crate) fn insert_card(conn: &Connection, map_id: Id, c: &Card) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO cards (id, map_id, stage_id, lane_id, title, body, rank, attrs)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        c.id.to_string(),
        map_id.to_string(),
        c.stage_id.to_string(),
        c.lane_id.to_string(),
        c.title,
        c.body,
        c.rank,
        attrs_json(&c.attrs)?
    ])?;
    Ok(())
}

/// Whether an id is taken by any entity of that table, in any map.
pub(crate) fn id_exists(conn: &Connection, table: &str, id: Id) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = ?1");
    Ok(conn
        .row_cached(&sql, [id.to_string()], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(crate) fn rename_map(conn: &Connection, map_id: Id, title: &str) -> Result<()> {
    conn.exec_cached(
        "UPDATE maps SET title = ?1 WHERE id = ?2",
        params![title, map_id.to_string()],
    )?;
    Ok(())
}

pub(crate) fn rename_stage(conn: &Connection, id: Id, title: &str) -> Result<()> {
    conn.exec_cached(
        "UPDATE stages SET title = ?1 WHERE id = ?2",
        params![title, id.to_string()],
    )?;
    Ok(())
}

pub(crate) fn update_lane(conn: &Connection, id: Id, title: &str, kind: LaneKind) -> Result<()> {
    conn.exec_cached(
        "UPDATE lanes SET title = ?1, kind = ?2 WHERE id = ?3",
        params![title, kind.as_str(), id.to_string()],
    )?;
    Ok(())
}

pub(crate) fn update_card_text(conn: &Connection, id: Id, title: &str, body: &str) -> Result<()> {
    conn.exec_cached(
        "UPDATE cards SET title = ?1, body = ?2 WHERE id = ?3",
        params![title, body, id.to_string()],
    )?;
    Ok(())
}

pub(crate) fn set_card_attrs(conn: &Connection, id: Id, attrs: &CardAttrs) -> Result<()> {
    conn.exec_cached(
        "UPDATE cards SET attrs = ?1 WHERE id = ?2",
        params![attrs_json(attrs)?, id.to_string()],
    )?;
    Ok(())
}

/// Puts a card in a cell at a rank.
pub(crate) fn place_card(
    conn: &Connection,
    id: Id,
    stage_id: Id,
    lane_id: Id,
    rank: &str,
) -> Result<()> {
    conn.exec_cached(
        "UPDATE cards SET stage_id = ?1, lane_id = ?2, rank = ?3 WHERE id = ?4",
        params![
            stage_id.to_string(),
            lane_id.to_string(),
            rank,
            id.to_string()
        ],
    )?;
    Ok(())
}

/// Sets the rank of a row of a ranked table (stages, lanes, personas).
pub(crate) fn set_rank(conn: &Connection, table: &str, id: Id, rank: &str) -> Result<()> {
    // `table` is chosen by our code, never user input.
    let sql = format!("UPDATE {table} SET rank = ?1 WHERE id = ?2");
    conn.exec_cached(&sql, params![rank, id.to_string()])?;
    Ok(())
}

/// Deletes the rows of `table` whose `column` is `id`.
pub(crate) fn delete_where(conn: &Connection, table: &str, column: &str, id: Id) -> Result<()> {
    // `table` and `column` are chosen by our code, never user input.
    let sql = format!("DELETE FROM {table} WHERE {column} = ?1");
    conn.exec_cached(&sql, [id.to_string()])?;
    Ok(())
}
