//! Merging another copy of a map into the library's: the union of both change logs, replayed in
//! stamp order.
//!
//! The library's map is always its log replayed in stamp order. Changes that come in are added
//! to the log; the library's own changes stamped after the earliest newcomer are undone (each
//! with the ops that undo it here, newest first), and then everything from that point is replayed
//! in stamp order, each op fitted to the map as it is by the rules in `fit`. Both laptops end with
//! the same log, replay it the same way, and so reach the same map whichever merges first; a
//! merge that brings nothing new changes nothing.
//!
//! The merge is one undo step of the library's history: its ops are the undo and the replay, and
//! its inverse puts the map back as it was.

mod conflicts;
mod fields;
mod fit;
mod track;

use std::collections::HashSet;

use jejak_core::snapshot::SnapshotReason;
use jejak_core::sync::{MergeReport, Side};
use jejak_core::{now_millis, Id, Op};
use rusqlite::Connection;

use crate::apply::{apply, Touched};
use crate::changes::{self, Change};
use crate::mapfile::MapFile;
use crate::{history, snapshots, Library, Result, StoreError};

pub(crate) use conflicts::dismiss_undone;

/// Merges `incoming` (another copy's log of map `map_id`) into the library's map, inside the
/// caller's transaction, after a snapshot when `snapshot` (and only when something comes in).
/// `None` when every incoming change is here already.
pub(crate) fn merge(
    conn: &Connection,
    map_id: Id,
    incoming: &[Change],
    snapshot: bool,
) -> Result<Option<MergeReport>> {
    changes::ensure_genesis(conn, map_id)?;
    let ours = changes::stamps_of(conn, map_id)?;
    let theirs: HashSet<Id> = incoming.iter().map(|c| c.id).collect();
    let mut seen = HashSet::new();
    let mut new: Vec<&Change> = incoming
        .iter()
        .filter(|c| !ours.contains_key(&c.id) && seen.insert(c.id))
        .collect();
    if new.is_empty() {
        return Ok(None);
    }
    new.sort_by(|a, b| a.stamp.cmp(&b.stamp));
    if snapshot {
        snapshots::take(conn, map_id, "", SnapshotReason::Merge)?;
    }
    // Replayed from the first change one side made without the other: the newcomers, and ours
    // the other side did not have (replayed too, so a clash with them is seen).
    let ours_only: Vec<&String> = ours
        .iter()
        .filter(|(id, _)| !theirs.contains(id))
        .map(|(_, stamp)| stamp)
        .collect();
    let from = ours_only
        .iter()
        .map(|s| s.as_str())
        .chain([new[0].stamp.as_str()])
        .min()
        .unwrap_or_default()
        .to_owned();

    let mut forward: Vec<Op> = Vec::new();
    let mut inverses: Vec<Vec<Op>> = Vec::new();
    let mut touched = Touched::default();

    // Back to the map as it was before the earliest newcomer.
    let later_here = changes::of_map(conn, map_id, Some(&from))?;
    for logged in later_here.iter().rev() {
        for op in &logged.undo {
            let done = apply(conn, map_id, op, &mut touched)?;
            forward.push(done.resolved);
            inverses.push(done.inverse);
        }
    }
    for change in &new {
        changes::insert(conn, map_id, change, Some(&[]))?;
        changes::observe(conn, &change.stamp)?;
    }

    // Everything from there, in stamp order.
    let mut replay: Vec<(&Change, Option<Side>)> = later_here
        .iter()
        .map(|l| {
            let side = (!theirs.contains(&l.change.id)).then_some(Side::Ours);
            (&l.change, side)
        })
        .chain(new.iter().map(|c| (*c, Some(Side::Theirs))))
        .collect();
    replay.sort_by(|a, b| a.0.stamp.cmp(&b.0.stamp));
    let mut track = track::Track::new(now_millis());
    for (change, side) in replay {
        let maker = track::Maker::of(change, side);
        let mut undo: Vec<Vec<Op>> = Vec::new();
        for op in &change.ops {
            let fitted = fit::Fit {
                conn,
                map_id,
                track: &mut track,
            }
            .op(op, change, &maker)?;
            for op in fitted {
                let done =
                    apply(conn, map_id, &op, &mut touched).map_err(|e| refused(change, e))?;
                forward.push(done.resolved);
                undo.push(done.inverse.clone());
                inverses.push(done.inverse);
            }
        }
        let undo: Vec<Op> = undo.into_iter().rev().flatten().collect();
        changes::set_undo(conn, change.id, &undo)?;
    }
    // Named as the merged map has them (a title both changed: the one kept).
    for c in &mut track.conflicts {
        if let Some(label) = fields::label_now(conn, map_id, c.on, c.thing_id)? {
            c.label = label;
        }
    }
    let inverse: Vec<Op> = inverses.into_iter().rev().flatten().collect();
    let step = history::record_applied(conn, map_id, &forward, &inverse)?;
    conflicts::insert(conn, map_id, step, &track.conflicts)?;
    Ok(Some(MergeReport {
        received: u32::try_from(new.len()).unwrap_or(u32::MAX),
        kept_ours: u32::try_from(ours_only.len()).unwrap_or(u32::MAX),
        conflicts: track.conflicts,
    }))
}

/// An op of a change that cannot be applied even after fitting: the file is refused whole.
fn refused(change: &Change, e: StoreError) -> StoreError {
    match e {
        StoreError::Invalid(_) | StoreError::Sqlite(_) | StoreError::Corrupt(_) => e,
        other => StoreError::Conflict(format!(
            "change {} of the other copy does not apply: {other}",
            change.id
        )),
    }
}

impl Library {
    /// Merges map `map_id` of `file` into the library's map of the same id, as one undo step,
    /// after a snapshot. A file without edit history (map JSON) cannot be merged.
    pub fn merge_map(&mut self, file: &MapFile, map_id: Id) -> Result<MergeReport> {
        let incoming = file.changes(map_id)?;
        self.write(|tx| {
            Ok(merge(tx, map_id, &incoming, true)?.unwrap_or(MergeReport {
                received: 0,
                kept_ours: 0,
                conflicts: Vec::new(),
            }))
        })
    }
}
