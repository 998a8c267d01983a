//! Undo/redo that lives in the library file: one `history` row per undo step.

use jejak_core::{now_millis, HistoryState, Id, Op, Patch};
use rusqlite::{params, Connection, OptionalExtension};

use crate::apply::{apply, Touched};
use crate::rows;
use crate::{Result, StoreError};

/// Applies a group of ops as one undo step. Runs inside the caller's transaction.
///
/// With a `merge_key` equal to the key of the latest step (and nothing undone since), the group is
/// folded into that step instead: typing in a field is one undo step, however often it is saved.
pub(crate) fn record_group(
    conn: &Connection,
    map_id: Id,
    ops: &[Op],
    merge_key: Option<&str>,
) -> Result<Patch> {
    if ops.is_empty() {
        return Err(jejak_core::validate::Invalid::new(
            "an edit must contain at least one operation",
        )
        .into());
    }
    rows::map_meta(conn, map_id)?;
    let mut touched = Touched::default();
    let mut forward = Vec::with_capacity(ops.len());
    let mut inverses = Vec::with_capacity(ops.len());
    for op in ops {
        let applied = apply(conn, map_id, op, &mut touched)?;
        forward.push(applied.resolved);
        inverses.push(applied.inverse);
    }
    // Undo runs the inverses of the last op first.
    let mut inverse: Vec<Op> = inverses.into_iter().rev().flatten().collect();
    if let Some(key) = merge_key {
        if let Some((seq, old_forward, old_inverse)) = mergeable_step(conn, map_id, key)? {
            let mut all_forward = old_forward;
            all_forward.extend(forward);
            inverse.extend(old_inverse);
            conn.execute(
                "UPDATE history SET forward = ?1, inverse = ?2 WHERE seq = ?3",
                params![to_json(&all_forward)?, to_json(&inverse)?, seq],
            )?;
            return finish(conn, map_id, touched);
        }
    }
    // A new edit makes the undone steps unreachable: drop them (no branching history).
    conn.execute(
        "DELETE FROM history WHERE map_id = ?1 AND undone = 1",
        [map_id.to_string()],
    )?;
    conn.execute(
        "INSERT INTO history (map_id, forward, inverse, undone, created_at, merge_key)
         VALUES (?1, ?2, ?3, 0, ?4, ?5)",
        params![
            map_id.to_string(),
            to_json(&forward)?,
            to_json(&inverse)?,
            now_millis(),
            merge_key
        ],
    )?;
    finish(conn, map_id, touched)
}

type Step = (i64, Vec<Op>, Vec<Op>);

/// The latest step of the map when it carries `key` and nothing has been undone after it.
fn mergeable_step(conn: &Connection, map_id: Id, key: &str) -> Result<Option<Step>> {
    let latest: Option<(i64, Option<String>, i64, String, String)> = conn
        .query_row(
            "SELECT seq, merge_key, undone, forward, inverse FROM history
             WHERE map_id = ?1 ORDER BY seq DESC LIMIT 1",
            [map_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    match latest {
        Some((seq, Some(k), 0, forward, inverse)) if k == key => Ok(Some((
            seq,
            from_json(seq, &forward)?,
            from_json(seq, &inverse)?,
        ))),
        _ => Ok(None),
    }
}

fn from_json(seq: i64, json: &str) -> Result<Vec<Op>> {
    serde_json::from_str(json)
        .map_err(|e| StoreError::Corrupt(format!("history step {seq} cannot be read: {e}")))
}

/// Undoes the latest step; a no-op patch when there is nothing to undo.
pub(crate) fn undo(conn: &Connection, map_id: Id) -> Result<Patch> {
    rows::map_meta(conn, map_id)?;
    let step: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, inverse FROM history WHERE map_id = ?1 AND undone = 0 ORDER BY seq DESC LIMIT 1",
            [map_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    replay(conn, map_id, step, 1)
}

/// Redoes the earliest undone step; a no-op patch when there is nothing to redo.
pub(crate) fn redo(conn: &Connection, map_id: Id) -> Result<Patch> {
    rows::map_meta(conn, map_id)?;
    let step: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, forward FROM history WHERE map_id = ?1 AND undone = 1 ORDER BY seq ASC LIMIT 1",
            [map_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    replay(conn, map_id, step, 0)
}

fn replay(
    conn: &Connection,
    map_id: Id,
    step: Option<(i64, String)>,
    undone: i64,
) -> Result<Patch> {
    let Some((seq, json)) = step else {
        return Ok(Patch {
            history: state(conn, map_id)?,
            ..Patch::default()
        });
    };
    let ops = from_json(seq, &json)?;
    let mut touched = Touched::default();
    for op in &ops {
        apply(conn, map_id, op, &mut touched)?;
    }
    conn.execute(
        "UPDATE history SET undone = ?1 WHERE seq = ?2",
        params![undone, seq],
    )?;
    finish(conn, map_id, touched)
}

pub(crate) fn state(conn: &Connection, map_id: Id) -> Result<HistoryState> {
    let (can_undo, can_redo) = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM history WHERE map_id = ?1 AND undone = 0),
                EXISTS(SELECT 1 FROM history WHERE map_id = ?1 AND undone = 1)",
        [map_id.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(HistoryState { can_undo, can_redo })
}

/// Stamps the map as changed and reads back the final state of everything touched.
fn finish(conn: &Connection, map_id: Id, touched: Touched) -> Result<Patch> {
    conn.execute(
        "UPDATE maps SET updated_at = ?1 WHERE id = ?2",
        params![now_millis(), map_id.to_string()],
    )?;
    let mut patch = Patch {
        map: Some(rows::map_meta(conn, map_id)?),
        ..Patch::default()
    };
    for id in touched.stages {
        match rows::find_stage(conn, map_id, id)? {
            Some(s) => patch.stages.push(s),
            None => patch.deleted_stages.push(id),
        }
    }
    for id in touched.lanes {
        match rows::find_lane(conn, map_id, id)? {
            Some(l) => patch.lanes.push(l),
            None => patch.deleted_lanes.push(id),
        }
    }
    for id in touched.cards {
        match rows::find_card(conn, map_id, id)? {
            Some(c) => patch.cards.push(c),
            None => patch.deleted_cards.push(id),
        }
    }
    for id in touched.personas {
        match crate::personas::find(conn, map_id, id)? {
            Some(p) => patch.personas.push(p),
            None => patch.deleted_personas.push(id),
        }
    }
    for (card_id, persona_id, horizon) in touched.emotions {
        let found = crate::personas::emotion(conn, card_id, persona_id, horizon)?;
        let score = jejak_core::EmotionScore {
            card_id,
            persona_id,
            horizon,
            score: found.unwrap_or(0),
        };
        match found {
            Some(_) => patch.emotions.push(score),
            None => patch.deleted_emotions.push(score),
        }
    }
    patch.history = state(conn, map_id)?;
    Ok(patch)
}

fn to_json(ops: &[Op]) -> Result<String> {
    serde_json::to_string(ops)
        .map_err(|e| StoreError::Corrupt(format!("cannot encode history: {e}")))
}
