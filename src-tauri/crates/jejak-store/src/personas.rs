//! Rows of the personas and emotions tables.

use jejak_core::{EmotionScore, Horizon, Id, Persona, PersonaFields};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::cached::Cached;
use crate::rows::id_at;
use crate::Result;

const PERSONA_COLS: &str = "id, name, role, goals, needs, pains, color, photo, rank";

fn persona_from(row: &Row) -> rusqlite::Result<Persona> {
    Ok(Persona {
        id: id_at(row, 0)?,
        name: row.get(1)?,
        role: row.get(2)?,
        goals: row.get(3)?,
        needs: row.get(4)?,
        pains: row.get(5)?,
        color: row.get(6)?,
        photo: row.get(7)?,
        rank: row.get(8)?,
    })
}

fn emotion_from(row: &Row) -> rusqlite::Result<EmotionScore> {
    let horizon: String = row.get(2)?;
    Ok(EmotionScore {
        card_id: id_at(row, 0)?,
        persona_id: id_at(row, 1)?,
        horizon: Horizon::parse(&horizon).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                2,
                Type::Text,
                format!("unknown horizon {horizon:?}").into(),
            )
        })?,
        score: row.get(3)?,
    })
}

pub(crate) fn find(conn: &Connection, map_id: Id, id: Id) -> Result<Option<Persona>> {
    let sql = format!("SELECT {PERSONA_COLS} FROM personas WHERE id = ?1 AND map_id = ?2");
    Ok(conn
        .row_cached(
            &sql,
            params![id.to_string(), map_id.to_string()],
            persona_from,
        )
        .optional()?)
}

pub(crate) fn of_map(conn: &Connection, map_id: Id) -> Result<Vec<Persona>> {
    let sql = format!("SELECT {PERSONA_COLS} FROM personas WHERE map_id = ?1 ORDER BY rank");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([map_id.to_string()], persona_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert(conn: &Connection, map_id: Id, p: &PersonaFields, rank: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO personas (id, map_id, name, role, goals, needs, pains, color, photo, rank)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        p.id.to_string(),
        map_id.to_string(),
        p.name,
        p.role,
        p.goals,
        p.needs,
        p.pains,
        p.color,
        p.photo,
        rank
    ])?;
    Ok(())
}

pub(crate) fn update(conn: &Connection, p: &PersonaFields) -> Result<()> {
    conn.exec_cached(
        "UPDATE personas SET name = ?1, role = ?2, goals = ?3, needs = ?4, pains = ?5, color = ?6,
         photo = ?7 WHERE id = ?8",
        params![
            p.name,
            p.role,
            p.goals,
            p.needs,
            p.pains,
            p.color,
            p.photo,
            p.id.to_string()
        ],
    )?;
    Ok(())
}

/// Emotion scores of a map, via its cards.
pub(crate) fn emotions_of_map(conn: &Connection, map_id: Id) -> Result<Vec<EmotionScore>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.card_id, e.persona_id, e.horizon, e.score FROM emotions e
         JOIN cards c ON c.id = e.card_id WHERE c.map_id = ?1
         ORDER BY e.card_id, e.persona_id, e.horizon",
    )?;
    let rows = stmt.query_map([map_id.to_string()], emotion_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Scores whose card or persona is `id` (used before deleting either, to restore them on undo).
pub(crate) fn emotions_where(conn: &Connection, column: &str, id: Id) -> Result<Vec<EmotionScore>> {
    // `column` is "card_id" or "persona_id", chosen by our code.
    let sql = format!(
        "SELECT card_id, persona_id, horizon, score FROM emotions WHERE {column} = ?1
         ORDER BY card_id, persona_id, horizon"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([id.to_string()], emotion_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn emotion(
    conn: &Connection,
    card_id: Id,
    persona_id: Id,
    horizon: Horizon,
) -> Result<Option<i8>> {
    Ok(conn
        .row_cached(
            "SELECT score FROM emotions WHERE card_id = ?1 AND persona_id = ?2 AND horizon = ?3",
            params![
                card_id.to_string(),
                persona_id.to_string(),
                horizon.as_str()
            ],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn set_emotion(
    conn: &Connection,
    card_id: Id,
    persona_id: Id,
    horizon: Horizon,
    score: Option<i8>,
) -> Result<()> {
    match score {
        Some(score) => conn.exec_cached(
            "INSERT INTO emotions (card_id, persona_id, horizon, score) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (card_id, persona_id, horizon) DO UPDATE SET score = excluded.score",
            params![
                card_id.to_string(),
                persona_id.to_string(),
                horizon.as_str(),
                score
            ],
        )?,
        None => conn.exec_cached(
            "DELETE FROM emotions WHERE card_id = ?1 AND persona_id = ?2 AND horizon = ?3",
            params![
                card_id.to_string(),
                persona_id.to_string(),
                horizon.as_str()
            ],
        )?,
    };
    Ok(())
}
