//! Recording a round in the library: what was written, and merging what was read.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use jejak_core::sharing::{SyncIssue, SyncReport, MAX_NAME_CHARS};
use jejak_core::sync::Clock;
use jejak_core::{now_millis, Id, Patch};
use rusqlite::Connection;

use super::folder::{Hello, Line};
use super::logfile::FileRead;
use super::records::{self, Arrival};
use super::round::{Exchange, SyncJob};
use crate::changes::{self, Change};
use crate::merge::{self, Options, Sides};
use crate::{history, settings, snapshots, Library, Result};

/// A snapshot is taken before a merge from the folder at most this often per map.
const SNAPSHOT_EVERY_MS: i64 = 60 * 60 * 1000;
/// A change dated further ahead than this was made on a laptop whose clock is wrong: taken in, it
/// would sort after every edit for as long (and move this laptop's clock there too).
const AHEAD_AT_MOST_MS: i64 = 24 * 60 * 60 * 1000;

impl Library {
    /// What the next round of sharing map `map_id` will do; `None` when the map is not shared.
    /// With `read` false, the round only writes (on the way out).
    pub fn sync_job(&self, map_id: Id, read: bool) -> Result<Option<SyncJob>> {
        let conn = self.conn()?;
        let Some(shared) = records::get(conn, map_id)? else {
            return Ok(None);
        };
        let name = settings::get(conn, "user.name")?.unwrap_or_default();
        let hello = (shared.hello.as_deref() != Some(name.as_str())).then(|| Hello {
            name: name.clone(),
            at: now_millis(),
        });
        Ok(Some(SyncJob {
            map_id,
            folder: shared.folder,
            since: shared.since,
            device: changes::device_id(conn)?.unwrap_or_default(),
            hello,
            out: changes::unshared(conn, map_id)?,
            marks: records::marks(conn, map_id)?,
            read,
        }))
    }

    /// Records what a round wrote to the folder. Changes nothing in the map.
    pub fn sync_sent(&mut self, ex: &Exchange) -> Result<()> {
        let nothing = ex.written.is_empty() && ex.hello.is_none() && ex.own_mark.is_none();
        if nothing && ex.own_lost.is_none() {
            return Ok(());
        }
        self.write(|tx| {
            if !still_shared_as(tx, ex)? {
                return Ok(());
            }
            if let Some(file) = &ex.own_lost {
                records::forget_mark(tx, ex.map_id, file)?;
                return records::unshare_all(tx, ex.map_id);
            }
            changes::mark_shared(tx, ex.map_id, &ex.written)?;
            if let Some(name) = &ex.hello {
                records::set_hello(tx, ex.map_id, name)?;
            }
            if let Some((file, mark)) = &ex.own_mark {
                // Only over the mark the round began from (not one another round, or another
                // library with this map, has since).
                let now = records::marks(tx, ex.map_id)?
                    .remove(file)
                    .unwrap_or_default();
                if now == ex.own_from {
                    records::save_mark(tx, ex.map_id, file, mark, None)?;
                }
            }
            Ok(())
        })
    }

    /// Merges what a round read from the folder into the map, and remembers how far each file
    /// was read, in one transaction. The report's patch is what changed in the map. A round that
    /// read from other marks than the library's now (another round took it in first, another
    /// library was opened) is dropped: its files are read again next round.
    pub fn sync_take_in(&mut self, ex: Exchange) -> Result<SyncReport> {
        let map_id = ex.map_id;
        let mut report = SyncReport {
            map_id,
            written: ex.written(),
            issues: ex.issues.clone(),
            ..SyncReport::default()
        };
        if let Some(detail) = &ex.unreachable {
            report.issues.push(SyncIssue::FolderUnreachable {
                detail: detail.clone(),
            });
        }
        if ex.files.is_empty() {
            report.patch.history = self.history(map_id)?;
            return Ok(report);
        }
        let taken = self.write(|tx| {
            if !still_shared_as(tx, &ex)? || !read_from_here(tx, &ex)? {
                return Ok(None);
            }
            take_in(tx, map_id, &ex.files).map(Some)
        })?;
        match taken {
            Some(taken) => {
                report.received = taken.received;
                report.conflicts = taken.conflicts;
                report.patch = taken.patch;
                report.issues.extend(taken.issues);
            }
            None => report.patch.history = self.history(map_id)?,
        }
        Ok(report)
    }

    /// One whole round for map `map_id` (the command line; the app splits it): writes, reads,
    /// merges.
    pub fn sync_map(&mut self, map_id: Id) -> Result<SyncReport> {
        let Some(job) = self.sync_job(map_id, true)? else {
            return Err(crate::StoreError::Conflict(format!(
                "map {map_id} is not shared"
            )));
        };
        let ex = job.run();
        self.sync_sent(&ex)?;
        self.sync_take_in(ex)
    }
}

/// Whether the map is still shared through the folder the round worked on, since then.
fn still_shared_as(conn: &Connection, ex: &Exchange) -> Result<bool> {
    Ok(records::get(conn, ex.map_id)?
        .is_some_and(|s| Path::new(&s.folder) == Path::new(&ex.folder) && s.since == ex.since))
}

/// Whether the round read each file from where the library says it was read to.
fn read_from_here(conn: &Connection, ex: &Exchange) -> Result<bool> {
    let now = records::marks(conn, ex.map_id)?;
    Ok(ex
        .read_from
        .iter()
        .all(|(file, from)| now.get(file).cloned().unwrap_or_default() == *from))
}

struct Taken {
    received: u32,
    conflicts: Vec<jejak_core::sync::Conflict>,
    patch: Patch,
    issues: Vec<SyncIssue>,
}

/// The changes a file carries that this Jejak can take (a name too long is cut, as the app would
/// cut it; a change without a laptop is one no Jejak writes), and how many are dated too far
/// ahead to take.
fn changes_of(file: &FileRead, latest: i64) -> (Vec<Change>, u32) {
    let mut ahead = 0u32;
    let mut out = Vec::new();
    for line in &file.lines {
        let Line::Change(w) = line else { continue };
        if w.device.is_empty() && !w.stamp.contains("-genesis.") {
            continue;
        }
        if Clock::of_stamp(&w.stamp).is_some_and(|c| c.ms > latest) {
            ahead = ahead.saturating_add(1);
            continue;
        }
        let mut c: Change = w.clone().into();
        c.author = c.author.chars().take(MAX_NAME_CHARS).collect();
        out.push(c);
    }
    (out, ahead)
}

/// What each other laptop's file brought: its name, its edits.
fn arrivals(
    files: &[FileRead],
    by_file: &[Vec<Change>],
    here: &str,
    known: &HashMap<Id, String>,
) -> HashMap<String, Arrival> {
    let mut out: HashMap<String, Arrival> = HashMap::new();
    for (file, changes) in files.iter().zip(by_file) {
        if file.device.is_empty() || file.device == here {
            continue;
        }
        let entry = out.entry(file.device.clone()).or_default();
        let mut newest: Option<&Change> = None;
        for c in changes.iter().filter(|c| c.device == file.device) {
            if !known.contains_key(&c.id) {
                entry.edits = entry.edits.saturating_add(1);
            }
            entry.seen = true;
            entry.last_edit = entry.last_edit.max(Clock::of_stamp(&c.stamp).map(|k| k.ms));
            if newest.is_none_or(|n| c.stamp > n.stamp) {
                newest = Some(c);
            }
        }
        let hello = file.lines.iter().rev().find_map(|l| match l {
            Line::Hello(h) => Some(h.name.chars().take(MAX_NAME_CHARS).collect::<String>()),
            Line::Change(_) => None,
        });
        let named = hello.or_else(|| newest.map(|c| c.author.clone()).filter(|a| !a.is_empty()));
        if named.is_some() {
            entry.name = named;
        }
    }
    out
}

fn take_in(tx: &Connection, map_id: Id, files: &[FileRead]) -> Result<Taken> {
    let here = changes::device_id(tx)?.unwrap_or_default();
    let known = changes::stamps_of(tx, map_id)?;
    let latest = now_millis().saturating_add(AHEAD_AT_MOST_MS);
    let mut issues: Vec<Option<SyncIssue>> = files.iter().map(|f| f.issue.clone()).collect();
    let mut by_file = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let (changes, ahead) = changes_of(file, latest);
        if ahead > 0 {
            issues[i] = Some(SyncIssue::ClockAhead {
                file: file.name.clone(),
                edits: ahead,
            });
        }
        by_file.push(changes);
    }
    let arrived = arrivals(files, &by_file, &here, &known);
    let mut from_file: HashMap<Id, usize> = HashMap::new();
    for (i, changes) in by_file.iter().enumerate() {
        for c in changes {
            from_file.insert(c.id, i);
        }
    }
    let incoming: Vec<Change> = by_file.into_iter().flatten().collect();

    let options = Options {
        snapshot: snapshot_due(tx, map_id)?,
        undo_step: false,
        strict: false,
        fresh: false,
    };
    let merged = merge::merge(tx, map_id, &incoming, Sides::Folder, &options)?;
    let refused: HashSet<Id> = merged
        .as_ref()
        .map(|m| m.refused.iter().copied().collect())
        .unwrap_or_default();
    let in_folder: Vec<Id> = incoming
        .iter()
        .map(|c| c.id)
        .filter(|id| !refused.contains(id))
        .collect();
    changes::mark_shared(tx, map_id, &in_folder)?;

    let mut refused_by_file: HashMap<usize, u32> = HashMap::new();
    for id in &refused {
        if let Some(i) = from_file.get(id) {
            *refused_by_file.entry(*i).or_default() += 1;
        }
    }
    for (i, n) in refused_by_file {
        issues[i] = Some(SyncIssue::EditsRefused {
            file: files[i].name.clone(),
            edits: n,
        });
    }
    for (file, issue) in files.iter().zip(&issues) {
        records::save_mark(tx, map_id, &file.name, &file.mark, issue.as_ref())?;
    }
    let now = now_millis();
    for (device, arrival) in &arrived {
        records::note_peer(tx, map_id, device, arrival, now)?;
    }
    let mut taken = Taken {
        received: 0,
        conflicts: Vec::new(),
        patch: Patch::default(),
        issues: issues.into_iter().flatten().collect(),
    };
    match merged {
        Some(m) => {
            taken.received = m.report.received;
            taken.conflicts = m.report.conflicts;
            taken.patch = history::finish(tx, map_id, m.touched)?;
        }
        None => taken.patch.history = history::state(tx, map_id)?,
    }
    Ok(taken)
}

/// Whether a merge from the folder should keep the map in a snapshot first: at most once an hour.
fn snapshot_due(tx: &Connection, map_id: Id) -> Result<bool> {
    let newest = snapshots::newest_of(tx, map_id, jejak_core::snapshot::SnapshotReason::Merge)?;
    Ok(newest.is_none_or(|at| now_millis() - at >= SNAPSHOT_EVERY_MS))
}
