//! Undo/redo that lives in the library file: one `history` row per undo step.

use jejak_core::{now_millis, HistoryState, Id, Op, Patch};
use rusqlite::{params, Connection, OptionalExtension};

use crate::apply::{apply, Touched};
use crate::cached::Cached;
use crate::{changes, rows};
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
        return Err(jejak_core::validate::Invalid::blank(jejak_core::Field::Edit).into());
    }
    rows::map_meta(conn, map_id)?;
    changes::ensure_genesis(conn, map_id)?;
    let mut touched = Touched::default();
    let mut forward = Vec::with_capacity(ops.len());
    let mut inverses = Vec::with_capacity(ops.len());
    for op in ops {
        let applied = apply(conn, map_id, op, &mut touched)?;
        forward.push(applied.resolved);
        inverses.push(applied.inverse);
    }
    // Undo runs the inverses of the last op first.
    let inverse: Vec<Op> = inverses.into_iter().rev().flatten().collect();
    changes::record_local(conn, map_id, &forward, &inverse)?;
    if let Some(key) = merge_key {
        if let Some((seq, old_forward, old_inverse)) = mergeable_step(conn, map_id, key)? {
            // Saves of one field visit set the same thing again and again: the step keeps only the
            // latest value forward and the value before the visit backward, so it stays small.
            let all_forward = merge_sets(old_forward, forward);
            let all_inverse = merge_sets(inverse, old_inverse);
            conn.exec_cached(
                "UPDATE history SET forward = ?1, inverse = ?2 WHERE seq = ?3",
                params![to_json(&all_forward)?, to_json(&all_inverse)?, seq],
            )?;
            return finish(conn, map_id, touched);
        }
    }
    push_step(conn, map_id, &forward, &inverse, merge_key)?;
    finish(conn, map_id, touched)
}

/// Records ops already applied (a merge) as one undo step; returns its sequence number.
pub(crate) fn record_applied(
    conn: &Connection,
    map_id: Id,
    forward: &[Op],
    inverse: &[Op],
) -> Result<i64> {
    push_step(conn, map_id, forward, inverse, None)
}

fn push_step(
    conn: &Connection,
    map_id: Id,
    forward: &[Op],
    inverse: &[Op],
    merge_key: Option<&str>,
) -> Result<i64> {
    // A new edit makes the undone steps unreachable: drop them (no branching history).
    if state(conn, map_id)?.can_redo {
        crate::merge::dismiss_undone(conn, map_id)?;
        conn.exec_cached(
            "DELETE FROM history WHERE map_id = ?1 AND undone = 1",
            [map_id.to_string()],
        )?;
    }
    conn.exec_cached(
        "INSERT INTO history (map_id, forward, inverse, undone, created_at, merge_key)
         VALUES (?1, ?2, ?3, 0, ?4, ?5)",
        params![
            map_id.to_string(),
            to_json(forward)?,
            to_json(inverse)?,
            now_millis(),
            merge_key
        ],
    )?;
    let seq = conn.last_insert_rowid();
    if seq % PRUNE_EVERY == 0 {
        prune(conn, map_id)?;
    }
    Ok(seq)
}

/// How far back undo reaches, per map. Older steps are dropped in batches.
pub const MAX_UNDO_STEPS: i64 = 1_000;
/// Pruning runs on every this many-th step (by sequence number), so its cost is spread thin.
const PRUNE_EVERY: i64 = 64;

/// Drops the map's steps older than the newest [`MAX_UNDO_STEPS`].
fn prune(conn: &Connection, map_id: Id) -> Result<()> {
    conn.exec_cached(
        "DELETE FROM history WHERE map_id = ?1 AND undone = 0 AND seq <= (
             SELECT seq FROM history WHERE map_id = ?1 AND undone = 0
             ORDER BY seq DESC LIMIT 1 OFFSET ?2)",
        params![map_id.to_string(), MAX_UNDO_STEPS],
    )?;
    Ok(())
}

/// What a "set" op sets: two set ops with the same target leave the state of the later one.
pub(crate) fn set_target(op: &Op) -> Option<String> {
    match op {
        Op::RenameMap { .. } => Some("map".into()),
        Op::RenameStage { id, .. } => Some(format!("stage:{id}")),
        Op::UpdateLane { id, .. } => Some(format!("lane:{id}")),
        Op::UpdateCard { id, .. } => Some(format!("text:{id}")),
        Op::SetCardAttrs { id, .. } => Some(format!("attrs:{id}")),
        Op::UpdatePersona { persona } => Some(format!("persona:{}", persona.id)),
        Op::EditComment { id, .. } => Some(format!("comment:{id}")),
        Op::ResolveComment { id, .. } => Some(format!("resolved:{id}")),
        Op::SetEmotion {
            card_id,
            persona_id,
            horizon,
            ..
        } => Some(format!(
            "emotion:{card_id}:{persona_id}:{}",
            horizon.as_str()
        )),
        _ => None,
    }
}

/// `first` then `then`, without the sets in `first` that `then` sets again: applying the result
/// leaves the same state.
fn merge_sets(first: Vec<Op>, then: Vec<Op>) -> Vec<Op> {
    let again: Vec<String> = then.iter().filter_map(set_target).collect();
    let mut out: Vec<Op> = first
        .into_iter()
        .filter(|op| set_target(op).is_none_or(|t| !again.contains(&t)))
        .collect();
    out.extend(then);
    out
}

type Step = (i64, Vec<Op>, Vec<Op>);

/// The latest step of the map when it carries `key` and nothing has been undone after it.
fn mergeable_step(conn: &Connection, map_id: Id, key: &str) -> Result<Option<Step>> {
    let latest: Option<(i64, Option<String>, String, String)> = conn
        .row_cached(
            "SELECT seq, merge_key, forward, inverse FROM history
             WHERE map_id = ?1 AND undone = 0 ORDER BY seq DESC LIMIT 1",
            [map_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((seq, Some(k), forward, inverse)) = latest else {
        return Ok(None);
    };
    if k != key || state(conn, map_id)?.can_redo {
        return Ok(None);
    }
    Ok(Some((
        seq,
        from_json(seq, &forward)?,
        from_json(seq, &inverse)?,
    )))
}

fn from_json(seq: i64, json: &str) -> Result<Vec<Op>> {
    serde_json::from_str(json)
        .map_err(|e| StoreError::Corrupt(format!("history step {seq} cannot be read: {e}")))
}

/// Undoes the latest step; a no-op patch when there is nothing to undo.
pub(crate) fn undo(conn: &Connection, map_id: Id) -> Result<Patch> {
    rows::map_meta(conn, map_id)?;
    let step: Option<StoredStep> = conn
        .row_cached(
            "SELECT seq, inverse, forward FROM history
             WHERE map_id = ?1 AND undone = 0 ORDER BY seq DESC LIMIT 1",
            [map_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    replay(conn, map_id, step, 1)
}

/// Redoes the earliest undone step; a no-op patch when there is nothing to redo.
pub(crate) fn redo(conn: &Connection, map_id: Id) -> Result<Patch> {
    rows::map_meta(conn, map_id)?;
    let step: Option<StoredStep> = conn
        .row_cached(
            "SELECT seq, forward, inverse FROM history
             WHERE map_id = ?1 AND undone = 1 ORDER BY seq ASC LIMIT 1",
            [map_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    replay(conn, map_id, step, 0)
}

/// A step to undo or redo: its sequence number, the ops to apply, and the opposite list (JSON).
type StoredStep = (i64, String, String);

fn replay(conn: &Connection, map_id: Id, step: Option<StoredStep>, undone: i64) -> Result<Patch> {
    let Some((seq, json, opposite)) = step else {
        return Ok(Patch {
            history: state(conn, map_id)?,
            ..Patch::default()
        });
    };
    let ops = from_json(seq, &json)?;
    changes::ensure_genesis(conn, map_id)?;
    let mut touched = Touched::default();
    // Teammates' edits (from a shared folder or a merged file) may have come in since the step.
    let fitted = changes::has_others(conn, map_id)?;
    let (applied, inverses) = if fitted {
        let opposite = from_json(seq, &opposite)?;
        replay_fitted(conn, map_id, &ops, opposite, &mut touched)?
    } else {
        let mut applied = Vec::with_capacity(ops.len());
        let mut inverses = Vec::with_capacity(ops.len());
        for op in &ops {
            let done = apply(conn, map_id, op, &mut touched)?;
            applied.push(done.resolved);
            inverses.push(done.inverse);
        }
        (applied, inverses)
    };
    let inverse: Vec<Op> = inverses.into_iter().rev().flatten().collect();
    if !applied.is_empty() {
        changes::record_local(conn, map_id, &applied, &inverse)?;
    }
    if fitted {
        // The step is now what was applied and what undoes that: the next redo (or undo) is
        // measured against this, not against the step as first recorded.
        let (done_col, back_col) = if undone == 1 {
            ("inverse", "forward")
        } else {
            ("forward", "inverse")
        };
        conn.exec_cached(
            &format!("UPDATE history SET {done_col} = ?1, {back_col} = ?2 WHERE seq = ?3"),
            params![to_json(&applied)?, to_json(&inverse)?, seq],
        )?;
    }
    conn.exec_cached(
        "UPDATE history SET undone = ?1 WHERE seq = ?2",
        params![undone, seq],
    )?;
    finish(conn, map_id, touched)
}

type Replayed = (Vec<Op>, Vec<Vec<Op>>);

/// Undo or redo of a step of a map others edit too: their edits may have come in since it was
/// recorded, so each op is fitted to the map as it is now, as a merge fits a change (a field set
/// back only where the step changed it and nobody changed it since, a card gone or moved since
/// left alone, a taken place moved on, a card in a stage being deleted that the step did not put
/// there parked) — undo never takes back their edits, and never fails on them.
fn replay_fitted(
    conn: &Connection,
    map_id: Id,
    ops: &[Op],
    opposite: Vec<Op>,
    touched: &mut Touched,
) -> Result<Replayed> {
    let step = changes::Change {
        id: Id::nil(),
        stamp: String::new(),
        device: String::new(),
        author: String::new(),
        ops: ops.to_vec(),
        inverse: opposite,
        seen: None,
    };
    let maker = crate::merge::Maker::of(&step, None);
    let mut track = crate::merge::Track::new(0);
    let mut applied = Vec::with_capacity(ops.len());
    let mut inverses = Vec::with_capacity(ops.len());
    for op in ops {
        let fitted = crate::merge::Fit {
            conn,
            map_id,
            track: &mut track,
            keep_newer: true,
        }
        .op(op, &step, &maker)?;
        for op in fitted {
            let done = apply(conn, map_id, &op, touched)?;
            applied.push(done.resolved);
            inverses.push(done.inverse);
        }
    }
    Ok((applied, inverses))
}

pub(crate) fn state(conn: &Connection, map_id: Id) -> Result<HistoryState> {
    let (can_undo, can_redo) = conn.row_cached(
        "SELECT EXISTS(SELECT 1 FROM history WHERE map_id = ?1 AND undone = 0),
                EXISTS(SELECT 1 FROM history WHERE map_id = ?1 AND undone = 1)",
        [map_id.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(HistoryState { can_undo, can_redo })
}

/// Stamps the map as changed and reads back the final state of everything touched.
pub(crate) fn finish(conn: &Connection, map_id: Id, touched: Touched) -> Result<Patch> {
    conn.exec_cached(
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
    for id in touched.comments {
        match crate::comments::find(conn, map_id, id)? {
            Some(c) => patch.comments.push(c),
            None => patch.deleted_comments.push(id),
        }
    }
    patch.history = state(conn, map_id)?;
    Ok(patch)
}

fn to_json(ops: &[Op]) -> Result<String> {
    serde_json::to_string(ops)
        .map_err(|e| StoreError::Corrupt(format!("cannot encode history: {e}")))
}
