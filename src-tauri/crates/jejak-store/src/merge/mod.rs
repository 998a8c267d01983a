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
mod place;
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
pub(crate) use fit::Fit;
pub(crate) use track::{Maker, Track};

/// Whose edits the library's own changes are, seen from the other side.
pub(crate) enum Sides<'a> {
    /// A map file: the ids of every change the file has. The library's changes the file lacks
    /// are replayed from the earliest of them, so a clash with any of them is seen.
    File(&'a HashSet<Id>),
    /// A shared folder: only changes new to this library come in; the library's own changes
    /// stamped after the earliest of them are ones that newcomer's maker had not seen.
    Folder,
}

/// How a merge is kept.
pub(crate) struct Options {
    /// A snapshot first (only when something comes in).
    pub snapshot: bool,
    /// The merge is one undo step (a map file the user chose). A shared folder's merges are not:
    /// undo stays with the user's own edits.
    pub undo_step: bool,
    /// One change that does not apply refuses everything (a file the user chose); otherwise that
    /// change is left out and counted (a teammate's file).
    pub strict: bool,
    /// The map was just made, empty, to receive its whole log (a map added from a shared folder):
    /// it gets no genesis of its own.
    pub fresh: bool,
}

/// What a merge did.
pub(crate) struct Merged {
    pub report: MergeReport,
    pub touched: Touched,
    /// Changes left out because they do not apply (never with `strict`).
    pub refused: Vec<Id>,
}

/// Merges `incoming` (another copy's changes of map `map_id`) into the library's map, inside the
/// caller's transaction. `None` when every incoming change is here already.
pub(crate) fn merge(
    conn: &Connection,
    map_id: Id,
    incoming: &[Change],
    sides: Sides<'_>,
    options: &Options,
) -> Result<Option<Merged>> {
    if !options.fresh {
        changes::ensure_genesis(conn, map_id)?;
    }
    let ours = changes::stamps_of(conn, map_id)?;
    let mut seen = HashSet::new();
    let mut new: Vec<&Change> = incoming
        .iter()
        .filter(|c| !ours.contains_key(&c.id) && seen.insert(c.id))
        .collect();
    if new.is_empty() {
        return Ok(None);
    }
    new.sort_by(|a, b| a.stamp.cmp(&b.stamp));
    if options.snapshot {
        snapshots::take(conn, map_id, "", SnapshotReason::Merge)?;
    }
    // Replayed from the first change one side made without the other.
    type SideOf = Box<dyn Fn(&Change) -> Option<Side>>;
    let (from, kept_ours, side_of_ours): (String, usize, SideOf) = match sides {
        Sides::File(theirs) => {
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
            let theirs = theirs.clone();
            (
                from,
                ours_only.len(),
                Box::new(move |c: &Change| (!theirs.contains(&c.id)).then_some(Side::Ours)),
            )
        }
        Sides::Folder => {
            let unseen = Unseen::of(conn, map_id, &new)?;
            let from = unseen.from(conn, map_id, &new[0].stamp)?;
            (
                from,
                0,
                Box::new(move |c: &Change| unseen.by_some(c).then_some(Side::Ours)),
            )
        }
    };

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
    let mut refused = Vec::new();
    let mut inserted = Vec::with_capacity(new.len());
    for change in new {
        if options.strict {
            changes::insert(conn, map_id, change, Some(&[]))?;
        } else {
            // A change that cannot even be logged (a stamp another change has) is left out.
            conn.execute_batch("SAVEPOINT merge_insert")?;
            if changes::insert(conn, map_id, change, Some(&[])).is_err() {
                conn.execute_batch("ROLLBACK TO merge_insert; RELEASE merge_insert")?;
                refused.push(change.id);
                continue;
            }
            conn.execute_batch("RELEASE merge_insert")?;
        }
        inserted.push(change);
    }
    let new = inserted;

    // Everything from there, in stamp order.
    let mut replay: Vec<(&Change, Option<Side>)> = later_here
        .iter()
        .map(|l| (&l.change, side_of_ours(&l.change)))
        .chain(new.iter().map(|c| (*c, Some(Side::Theirs))))
        .collect();
    replay.sort_by(|a, b| a.0.stamp.cmp(&b.0.stamp));
    let mut track = track::Track::new(now_millis());
    for (change, side) in replay {
        let maker = track::Maker::of(change, side);
        let lenient = !options.strict && side == Some(Side::Theirs);
        if lenient {
            conn.execute_batch("SAVEPOINT merge_change")?;
            track.begin();
        }
        match replay_one(conn, map_id, change, &maker, &mut track, &mut touched) {
            Ok((applied, undo)) => {
                if lenient {
                    conn.execute_batch("RELEASE merge_change")?;
                    track.commit();
                }
                changes::set_undo(conn, change.id, &undo)?;
                for (resolved, inverse) in applied {
                    forward.push(resolved);
                    inverses.push(inverse);
                }
            }
            Err(_) if lenient => {
                // Left out of the log too, so it is never undone or replayed as if applied.
                conn.execute_batch("ROLLBACK TO merge_change; RELEASE merge_change")?;
                track.rollback();
                changes::remove(conn, change.id)?;
                refused.push(change.id);
            }
            Err(e) => return Err(refused_whole(change, e)),
        }
    }
    // The clock moves past what came in and stayed (a refused change leaves no trace).
    for change in &new {
        if !refused.contains(&change.id) {
            changes::observe(conn, &change.stamp)?;
        }
    }
    // Named as the merged map has them (a title both changed: the one kept).
    for c in &mut track.conflicts {
        if let Some(label) = fields::label_now(conn, map_id, c.on, c.thing_id)? {
            c.label = label;
        }
    }
    let step = if options.undo_step {
        let inverse: Vec<Op> = inverses.into_iter().rev().flatten().collect();
        history::record_applied(conn, map_id, &forward, &inverse)?
    } else {
        // Listed until dismissed: no undo step can take them away.
        0
    };
    conflicts::insert(conn, map_id, step, &track.conflicts)?;
    let received = new.len().saturating_sub(
        refused
            .iter()
            .filter(|id| new.iter().any(|c| c.id == **id))
            .count(),
    );
    Ok(Some(Merged {
        report: MergeReport {
            received: u32::try_from(received).unwrap_or(u32::MAX),
            kept_ours: u32::try_from(kept_ours).unwrap_or(u32::MAX),
            conflicts: track.conflicts,
        },
        touched,
        refused,
    }))
}

/// What the changes coming from a shared folder had seen of the library's own: a change of the
/// library is one a newcomer's maker had not seen when it is later than the newest change of its
/// laptop that maker had (so the two were made apart, and may conflict).
struct Unseen {
    /// Per laptop of the library's log, the newest of its changes every newcomer had seen
    /// ("": none).
    seen_by_all: std::collections::HashMap<String, String>,
    /// The earliest newcomer that does not say what it had seen (made before schema 9): the
    /// library's changes after it count as unseen.
    blind_from: Option<String>,
}

impl Unseen {
    fn of(conn: &Connection, map_id: Id, new: &[&Change]) -> Result<Unseen> {
        let devices: Vec<String> = changes::known(conn, map_id)?.into_keys().collect();
        let mut seen_by_all = std::collections::HashMap::new();
        let mut blind_from: Option<String> = None;
        for c in new {
            match &c.seen {
                Some(seen) => {
                    for d in &devices {
                        let s = seen.get(d).cloned().unwrap_or_default();
                        let entry = seen_by_all.entry(d.clone()).or_insert_with(|| s.clone());
                        if s < *entry {
                            *entry = s;
                        }
                    }
                }
                None if blind_from.as_ref().is_none_or(|b| c.stamp < *b) => {
                    blind_from = Some(c.stamp.clone());
                }
                None => {}
            }
        }
        Ok(Unseen {
            seen_by_all,
            blind_from,
        })
    }

    /// Whether some newcomer's maker had not seen `c`.
    fn by_some(&self, c: &Change) -> bool {
        self.seen_by_all
            .get(&c.device)
            .is_some_and(|seen| c.stamp > *seen)
            || self.blind_from.as_ref().is_some_and(|b| c.stamp > *b)
    }

    /// Where the replay starts: the earliest newcomer, or an earlier change of the library that
    /// a newcomer's maker had not seen (replayed too, so a clash with it is noticed).
    fn from(&self, conn: &Connection, map_id: Id, first_new: &str) -> Result<String> {
        let mut from = first_new.to_owned();
        for (device, seen) in &self.seen_by_all {
            if let Some(first) = changes::first_after(conn, map_id, device, seen)? {
                if first < from {
                    from = first;
                }
            }
        }
        Ok(from)
    }
}

type AppliedOps = (Vec<(Op, Vec<Op>)>, Vec<Op>);

/// Replays one change, fitted op by op: the ops applied with their inverses, and the ops that
/// undo the whole change here.
fn replay_one(
    conn: &Connection,
    map_id: Id,
    change: &Change,
    maker: &track::Maker,
    track: &mut track::Track,
    touched: &mut Touched,
) -> Result<AppliedOps> {
    let mut applied = Vec::new();
    let mut undo: Vec<Vec<Op>> = Vec::new();
    for op in &change.ops {
        let fitted = fit::Fit {
            conn,
            map_id,
            track: &mut *track,
            keep_newer: false,
        }
        .op(op, change, maker)?;
        for op in fitted {
            let done = apply(conn, map_id, &op, touched)?;
            undo.push(done.inverse.clone());
            applied.push((done.resolved, done.inverse));
        }
    }
    Ok((applied, undo.into_iter().rev().flatten().collect()))
}

/// An op of a change that cannot be applied even after fitting: the file is refused whole.
fn refused_whole(change: &Change, e: StoreError) -> StoreError {
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
        let theirs: HashSet<Id> = incoming.iter().map(|c| c.id).collect();
        let options = Options {
            snapshot: true,
            undo_step: true,
            strict: true,
            fresh: false,
        };
        self.write(|tx| {
            Ok(
                match merge(tx, map_id, &incoming, Sides::File(&theirs), &options)? {
                    Some(merged) => merged.report,
                    None => MergeReport {
                        received: 0,
                        kept_ours: 0,
                        conflicts: Vec::new(),
                    },
                },
            )
        })
    }
}
