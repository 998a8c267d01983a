//! The conflicts a merge found, kept until the user dismisses them or takes the other version.
//! Each belongs to its merge's undo step: listed while that step is done, gone with it when a new
//! edit drops it from the history.

use jejak_core::sync::{Conflict, ConflictKind, Side};
use jejak_core::{Id, Op, Patch, Place};
use rusqlite::{params, Connection};

use super::fields;
use crate::cached::Cached;
use crate::{history, Library, Result, StoreError};

pub(super) fn insert(conn: &Connection, map_id: Id, step: i64, found: &[Conflict]) -> Result<()> {
    for c in found {
        let content = serde_json::to_string(c)
            .map_err(|e| StoreError::Corrupt(format!("cannot encode a conflict: {e}")))?;
        conn.exec_cached(
            "INSERT INTO conflicts (id, map_id, step, content) VALUES (?1, ?2, ?3, ?4)",
            params![c.id.to_string(), map_id.to_string(), step, content],
        )?;
    }
    Ok(())
}

/// The map's conflicts whose merge is not undone, in the order they were found.
pub(crate) fn of_map(conn: &Connection, map_id: Id) -> Result<Vec<Conflict>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.content FROM conflicts c LEFT JOIN history h ON h.seq = c.step
         WHERE c.map_id = ?1 AND coalesce(h.undone, 0) = 0 ORDER BY c.rowid",
    )?;
    let rows = stmt.query_map([map_id.to_string()], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for content in rows {
        let conflict: Conflict = serde_json::from_str(&content?)
            .map_err(|e| StoreError::Corrupt(format!("a conflict cannot be read: {e}")))?;
        out.push(conflict);
    }
    Ok(out)
}

/// Forgets the conflicts of undone steps about to be dropped from the history.
pub(crate) fn dismiss_undone(conn: &Connection, map_id: Id) -> Result<()> {
    conn.exec_cached(
        "DELETE FROM conflicts WHERE map_id = ?1 AND step IN
             (SELECT seq FROM history WHERE map_id = ?1 AND undone = 1)",
        [map_id.to_string()],
    )?;
    Ok(())
}

fn delete(conn: &Connection, map_id: Id, id: Id) -> Result<()> {
    let n = conn.exec_cached(
        "DELETE FROM conflicts WHERE id = ?1 AND map_id = ?2",
        params![id.to_string(), map_id.to_string()],
    )?;
    if n == 0 {
        return Err(StoreError::not_found("conflict", id));
    }
    Ok(())
}

/// The op that puts the version the merge did not keep in place; `None` when there is none (or
/// the thing is gone).
fn other_version(conn: &Connection, map_id: Id, c: &Conflict) -> Result<Option<Op>> {
    if c.kind != ConflictKind::BothChanged {
        return Ok(None);
    }
    let other = match c.kept {
        Side::Ours => &c.theirs.value,
        Side::Theirs => &c.ours.value,
    };
    let id = c.thing_id;
    let (kind, rest) = c.target.split_once(':').unwrap_or((c.target.as_str(), ""));
    if kind == "cell" {
        let cell: Option<(Id, Id)> = other
            .get("stageId")
            .zip(other.get("laneId"))
            .and_then(|(s, l)| Some((s.as_str()?.parse().ok()?, l.as_str()?.parse().ok()?)));
        return Ok(cell.map(|(stage_id, lane_id)| Op::MoveCard {
            id,
            stage_id,
            lane_id,
            place: Place::End,
        }));
    }
    let probe = match kind {
        "map" => Op::RenameMap { title: "".into() },
        "stage" => Op::RenameStage {
            id,
            title: "".into(),
        },
        "lane" => Op::UpdateLane {
            id,
            title: "".into(),
            kind: jejak_core::LaneKind::Notes,
        },
        "text" => Op::UpdateCard {
            id,
            title: "".into(),
            body: "".into(),
        },
        "attrs" => Op::SetCardAttrs {
            id,
            attrs: Default::default(),
        },
        "persona" => Op::UpdatePersona {
            persona: jejak_core::PersonaFields {
                id,
                name: String::new(),
                role: String::new(),
                goals: String::new(),
                needs: String::new(),
                pains: String::new(),
                color: String::new(),
                photo: None,
            },
        },
        "comment" => Op::EditComment {
            id,
            text: "".into(),
        },
        "resolved" => Op::ResolveComment {
            id,
            resolved: false,
        },
        "emotion" => {
            let mut parts = rest.split(':');
            let persona = parts.nth(1).and_then(|p| p.parse().ok());
            let horizon = parts.next().and_then(jejak_core::Horizon::parse);
            let (Some(persona_id), Some(horizon)) = (persona, horizon) else {
                return Ok(None);
            };
            Op::SetEmotion {
                card_id: id,
                persona_id,
                horizon,
                score: None,
            }
        }
        _ => return Ok(None),
    };
    let Some(current) = fields::current(conn, map_id, &probe)? else {
        return Ok(None);
    };
    let pointer = format!("/{}", c.field);
    Ok(Some(fields::with(&current, &[(pointer, other.clone())])?))
}

impl Library {
    /// The map's conflicts from merges, still to be looked at.
    pub fn conflicts(&self, map_id: Id) -> Result<Vec<Conflict>> {
        of_map(self.conn()?, map_id)
    }

    /// Forgets a conflict (the map stays as it is).
    pub fn dismiss_conflict(&mut self, map_id: Id, id: Id) -> Result<()> {
        self.write(|tx| delete(tx, map_id, id))
    }

    /// Puts the version the merge did not keep in place, as one undo step, and forgets the
    /// conflict.
    pub fn use_other_version(&mut self, map_id: Id, id: Id) -> Result<Patch> {
        self.write(|tx| {
            let conflict = of_map(tx, map_id)?
                .into_iter()
                .find(|c| c.id == id)
                .ok_or_else(|| StoreError::not_found("conflict", id))?;
            let op = other_version(tx, map_id, &conflict)?.ok_or_else(|| {
                StoreError::Conflict("this conflict has no other version to use".into())
            })?;
            let patch = history::record_group(tx, map_id, &[op], None)?;
            delete(tx, map_id, id)?;
            Ok(patch)
        })
    }
}
