//! Snapshots of a map kept in the library: named ones the user takes, and automatic ones before
//! a replace, a restore, a bulk change and the first edit of a day. Each holds the whole map in
//! the map JSON format; restoring one is an ordinary undo step.

use jejak_core::snapshot::{SnapshotInfo, SnapshotReason, MAX_LABEL_CHARS};
use jejak_core::{mapjson, now_millis, validate, Field, Id, MapDoc, Op, Place};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::cached::Cached;
use crate::rows::id_at;
use crate::{maps, Result, StoreError};

/// Automatic snapshots kept per map and kind (the oldest go first); named ones stay until deleted.
pub const KEEP_AUTOMATIC: i64 = 30;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The UTC day a time (Unix ms) falls on, counted from 1970-01-01.
pub(crate) fn day_of(ms: i64) -> i64 {
    ms.div_euclid(DAY_MS)
}

const INFO_COLUMNS: &str = "id, map_id, taken_at, label, reason, stages, lanes, cards";

fn info_from(row: &Row) -> rusqlite::Result<SnapshotInfo> {
    let reason: String = row.get(4)?;
    Ok(SnapshotInfo {
        id: id_at(row, 0)?,
        map_id: id_at(row, 1)?,
        taken_at: row.get(2)?,
        label: row.get(3)?,
        reason: SnapshotReason::parse(&reason).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(4, Type::Text, reason.into())
        })?,
        stage_count: row.get(5)?,
        lane_count: row.get(6)?,
        card_count: row.get(7)?,
    })
}

fn not_found(id: Id) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |e| match e {
        rusqlite::Error::QueryReturnedNoRows => StoreError::not_found("snapshot", id),
        other => other.into(),
    }
}

/// Keeps the map as it is now. A named snapshot needs a label; automatic ones have none.
pub(crate) fn take(
    conn: &Connection,
    map_id: Id,
    label: &str,
    reason: SnapshotReason,
) -> Result<SnapshotInfo> {
    take_keeping(conn, map_id, label, reason, None)
}

/// [`take`], never pruning snapshot `keep` (the one being restored).
fn take_keeping(
    conn: &Connection,
    map_id: Id,
    label: &str,
    reason: SnapshotReason,
    keep: Option<Id>,
) -> Result<SnapshotInfo> {
    let label = match reason {
        SnapshotReason::Named => {
            let label = validate::name(Field::SnapshotLabel, label)?;
            if label.chars().count() > MAX_LABEL_CHARS {
                let too_long = validate::Invalid::too_long(Field::SnapshotLabel, MAX_LABEL_CHARS);
                return Err(too_long.into());
            }
            label
        }
        _ => String::new(),
    };
    let doc = maps::load(conn, map_id)?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let info = SnapshotInfo {
        id: jejak_core::new_id(),
        map_id,
        taken_at: now_millis(),
        label,
        reason,
        stage_count: count(doc.stages.len()),
        lane_count: count(doc.lanes.len()),
        card_count: count(doc.cards.len()),
    };
    conn.exec_cached(
        "INSERT INTO snapshots (id, map_id, taken_at, label, reason, stages, lanes, cards, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            info.id.to_string(),
            map_id.to_string(),
            info.taken_at,
            info.label,
            reason.as_str(),
            info.stage_count,
            info.lane_count,
            info.card_count,
            mapjson::write_compact(&doc)
        ],
    )?;
    if reason != SnapshotReason::Named {
        // Each kind has its own quota, so many restores never push out the daily ones.
        conn.exec_cached(
            "DELETE FROM snapshots WHERE map_id = ?1 AND reason = ?2 AND id != ?3 AND id NOT IN (
                 SELECT id FROM snapshots WHERE map_id = ?1 AND reason = ?2
                 ORDER BY taken_at DESC, rowid DESC LIMIT ?4)",
            params![
                map_id.to_string(),
                reason.as_str(),
                keep.map(|k| k.to_string()).unwrap_or_default(),
                KEEP_AUTOMATIC
            ],
        )?;
    }
    Ok(info)
}

/// When the map's newest snapshot of this kind was taken.
pub(crate) fn newest_of(
    conn: &Connection,
    map_id: Id,
    reason: SnapshotReason,
) -> Result<Option<i64>> {
    Ok(conn.row_cached(
        "SELECT max(taken_at) FROM snapshots WHERE map_id = ?1 AND reason = ?2",
        rusqlite::params![map_id.to_string(), reason.as_str()],
        |r| r.get(0),
    )?)
}

/// Takes the day's snapshot before the first edit of a day (UTC), unless the map already has a
/// snapshot from that day (it keeps the day's starting state) or was made that day (there is
/// nothing older to go back to).
pub(crate) fn daily_if_due(conn: &Connection, map_id: Id) -> Result<()> {
    let day_start = day_of(now_millis()).saturating_mul(DAY_MS);
    let found: Option<(i64, Option<i64>)> = conn
        .row_cached(
            "SELECT m.created_at, (SELECT max(taken_at) FROM snapshots WHERE map_id = m.id)
             FROM maps m WHERE m.id = ?1",
            [map_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((created, newest)) = found else {
        return Err(StoreError::not_found("map", map_id));
    };
    if created.max(newest.unwrap_or(i64::MIN)) < day_start {
        take(conn, map_id, "", SnapshotReason::Daily)?;
    }
    Ok(())
}

/// The map's snapshots, newest first.
pub(crate) fn list(conn: &Connection, map_id: Id) -> Result<Vec<SnapshotInfo>> {
    let sql = format!(
        "SELECT {INFO_COLUMNS} FROM snapshots WHERE map_id = ?1 ORDER BY taken_at DESC, rowid DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([map_id.to_string()], info_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn info(conn: &Connection, id: Id) -> Result<SnapshotInfo> {
    let sql = format!("SELECT {INFO_COLUMNS} FROM snapshots WHERE id = ?1");
    conn.row_cached(&sql, [id.to_string()], info_from)
        .map_err(not_found(id))
}

/// The map as the snapshot keeps it (its undo state is the live map's).
pub(crate) fn doc(conn: &Connection, id: Id) -> Result<MapDoc> {
    let content: String = conn
        .row_cached(
            "SELECT content FROM snapshots WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )
        .map_err(not_found(id))?;
    mapjson::read_any_size(content.as_bytes())
        .map_err(|e| StoreError::Corrupt(format!("snapshot {id} cannot be read: {}", e.detail)))
}

pub(crate) fn delete(conn: &Connection, id: Id) -> Result<()> {
    match conn.exec_cached("DELETE FROM snapshots WHERE id = ?1", [id.to_string()])? {
        0 => Err(StoreError::not_found("snapshot", id)),
        _ => Ok(()),
    }
}

/// Runs `replace` (which deletes the map's rows and writes them anew) keeping the map's
/// snapshots, which the delete would take with it.
pub(crate) fn kept_across<T>(
    conn: &Connection,
    map_id: Id,
    replace: impl FnOnce() -> Result<T>,
) -> Result<T> {
    conn.execute_batch("DROP TABLE IF EXISTS temp.kept_snapshots")?;
    conn.execute(
        "CREATE TEMP TABLE kept_snapshots AS SELECT * FROM snapshots WHERE map_id = ?1",
        [map_id.to_string()],
    )?;
    let out = replace()?;
    conn.execute_batch(
        "INSERT INTO snapshots SELECT * FROM temp.kept_snapshots;
         DROP TABLE temp.kept_snapshots;",
    )?;
    Ok(out)
}

/// Ops that turn `current` into `target` (same map): everything of the current map goes, then
/// everything of the snapshot comes back with its ids and order keys. Applied as one group they
/// are one undo step, and undo brings the current map back exactly.
pub(crate) fn restore_ops(current: &MapDoc, target: &MapDoc) -> Vec<Op> {
    let mut ops = Vec::new();
    // Personas first: their scores go with them, and come back with them on undo.
    ops.extend(
        current
            .personas
            .iter()
            .map(|p| Op::DeletePersona { id: p.id }),
    );
    ops.extend(current.stages.iter().map(|s| Op::DeleteStage { id: s.id }));
    ops.extend(current.lanes.iter().map(|l| Op::DeleteLane { id: l.id }));
    if current.map.title != target.map.title {
        ops.push(Op::RenameMap {
            title: target.map.title.clone(),
        });
    }
    ops.extend(target.stages.iter().map(|s| Op::CreateStage {
        stage: jejak_core::NewStage {
            id: s.id,
            title: s.title.clone(),
        },
        place: Place::Rank(s.rank.clone()),
    }));
    ops.extend(target.lanes.iter().map(|l| Op::CreateLane {
        lane: jejak_core::NewLane {
            id: l.id,
            title: l.title.clone(),
            kind: l.kind,
        },
        place: Place::Rank(l.rank.clone()),
    }));
    ops.extend(target.cards.iter().map(|c| Op::CreateCard {
        card: jejak_core::NewCard {
            id: c.id,
            stage_id: c.stage_id,
            lane_id: c.lane_id,
            title: c.title.clone(),
            body: c.body.clone(),
            attrs: c.attrs.clone(),
        },
        place: Place::Rank(c.rank.clone()),
    }));
    ops.extend(target.personas.iter().map(|p| Op::CreatePersona {
        persona: jejak_core::PersonaFields::from(p),
        place: Place::Rank(p.rank.clone()),
    }));
    ops.extend(target.emotions.iter().map(|e| Op::SetEmotion {
        card_id: e.card_id,
        persona_id: e.persona_id,
        horizon: e.horizon,
        score: Some(e.score),
    }));
    // First comments before replies, which name them.
    let (firsts, replies): (Vec<_>, Vec<_>) =
        target.comments.iter().partition(|c| c.reply_to.is_none());
    ops.extend(
        firsts
            .into_iter()
            .chain(replies)
            .map(|c| Op::AddComment { comment: c.clone() }),
    );
    ops
}

impl crate::Library {
    /// Keeps the map as it is now under the user's name for it.
    pub fn take_snapshot(&mut self, map_id: Id, label: &str) -> Result<SnapshotInfo> {
        self.write(|tx| take(tx, map_id, label, SnapshotReason::Named))
    }

    /// The map's snapshots, newest first.
    pub fn snapshots(&self, map_id: Id) -> Result<Vec<SnapshotInfo>> {
        list(self.conn()?, map_id)
    }

    pub fn snapshot(&self, id: Id) -> Result<SnapshotInfo> {
        info(self.conn()?, id)
    }

    /// The map as the snapshot keeps it, to look at (nothing is changed).
    pub fn snapshot_doc(&self, id: Id) -> Result<MapDoc> {
        let conn = self.conn()?;
        let mut doc = doc(conn, id)?;
        doc.history = crate::history::state(conn, doc.map.id)?;
        Ok(doc)
    }

    pub fn delete_snapshot(&mut self, id: Id) -> Result<()> {
        self.write(|tx| delete(tx, id))
    }

    /// Puts the map back as the snapshot keeps it, as one undo step, after keeping the current
    /// state in a snapshot of its own.
    pub fn restore_snapshot(&mut self, id: Id) -> Result<jejak_core::Patch> {
        self.write(|tx| {
            let snapshot = info(tx, id)?;
            let target = doc(tx, id)?;
            let current = maps::load(tx, snapshot.map_id)?;
            take_keeping(tx, snapshot.map_id, "", SnapshotReason::Restore, Some(id))?;
            let ops = restore_ops(&current, &target);
            if ops.is_empty() {
                // An empty map restored over an empty map of the same title.
                return Ok(jejak_core::Patch {
                    history: current.history,
                    ..Default::default()
                });
            }
            crate::history::record_group(tx, snapshot.map_id, &ops, None)
        })
    }

    /// Writes the map as the snapshot keeps it as a map file (without edit history).
    pub fn export_snapshot_file(&self, id: Id, dest: &std::path::Path) -> Result<()> {
        let doc = doc(self.conn()?, id)?;
        crate::mapfile::write_doc(&doc, dest)
    }
}
