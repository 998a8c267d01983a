//! One round of sharing a map: this library's new changes go out to its file in the folder, the
//! other laptops' new lines come in and are merged.
//!
//! A round has three parts so an app never holds the library while a slow network folder answers:
//! [`Library::sync_job`] reads what to do from the library, [`SyncJob::run`] does the file work
//! alone, and [`Library::sync_sent`] / [`Library::sync_take_in`] record the outcome. The library
//! stays the only source of truth: a change counts as in the folder only once its line is on disk
//! there, and a file counts as read only once its lines are merged, in the same transaction.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use jejak_core::sharing::{SyncIssue, SyncReport, MAX_NAME_CHARS};
use jejak_core::sync::Clock;
use jejak_core::{now_millis, Id, Patch};

use super::folder::{self, FileRead, Header, Hello, Line, Mark};
use super::records::{self, Arrival};
use crate::changes::{self, Change};
use crate::merge::{self, Options, Sides};
use crate::{history, settings, snapshots, Library, Result};

/// A snapshot is taken before a merge from the folder at most this often per map.
const SNAPSHOT_EVERY_MS: i64 = 60 * 60 * 1000;

/// What one round will do, read from the library.
#[derive(Debug)]
pub struct SyncJob {
    map_id: Id,
    folder: PathBuf,
    device: String,
    hello: Option<Hello>,
    out: Vec<Change>,
    marks: HashMap<String, Mark>,
    read: bool,
}

/// What the file work of a round did, to be recorded in the library.
#[derive(Debug)]
pub struct Exchange {
    map_id: Id,
    written: Vec<Id>,
    hello: Option<String>,
    /// This laptop's own file, read up to what it just wrote.
    own_mark: Option<(String, Mark)>,
    files: Vec<FileRead>,
    unreachable: Option<String>,
}

impl Exchange {
    pub fn map_id(&self) -> Id {
        self.map_id
    }

    /// Changes written to the folder in this round.
    pub fn written(&self) -> u32 {
        u32::try_from(self.written.len()).unwrap_or(u32::MAX)
    }

    /// Whether files brought something to take in (lines, or a file read further).
    pub fn has_news(&self) -> bool {
        !self.files.is_empty()
    }

    /// Why the folder could not be written or read, if it could not.
    pub fn unreachable(&self) -> Option<&str> {
        self.unreachable.as_deref()
    }
}

impl SyncJob {
    /// Writes this library's new changes to its own file, then reads the new complete lines of
    /// every file in the map's folder. Touches no library.
    pub fn run(self) -> Exchange {
        let mut ex = Exchange {
            map_id: self.map_id,
            written: Vec::new(),
            hello: None,
            own_mark: None,
            files: Vec::new(),
            unreachable: None,
        };
        if !self.folder.is_dir() {
            ex.unreachable = Some(format!("{} is not there", self.folder.display()));
            return ex;
        }
        let own = folder::own_file(&self.folder, self.map_id, &self.device);
        let own_name = own
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !self.out.is_empty() || self.hello.is_some() {
            let before = std::fs::metadata(&own).map_or(0, |m| m.len());
            let header = Header {
                jejak_sync: folder::FORMAT_VERSION,
                map: self.map_id,
                device: self.device.clone(),
            };
            let mut lines: Vec<Line> = self.hello.iter().cloned().map(Line::Hello).collect();
            lines.extend(self.out.iter().map(|c| Line::Change(c.into())));
            match folder::append(&own, &header, &lines) {
                Ok(()) => {
                    ex.written = self.out.iter().map(|c| c.id).collect();
                    ex.hello = self.hello.map(|h| h.name);
                    // Read up to here already (it was, before this write): no need to read it back.
                    let mark = self.marks.get(&own_name).cloned().unwrap_or_default();
                    if mark.read_to == before {
                        if let Ok(read) = folder::read_after(&own, &own_name, self.map_id, &mark) {
                            ex.own_mark = Some((
                                own_name.clone(),
                                Mark {
                                    header: read.header,
                                    read_to: read.read_to,
                                },
                            ));
                        }
                    }
                }
                Err(e) => ex.unreachable = Some(format!("{}: {e}", own.display())),
            }
        }
        if !self.read {
            return ex;
        }
        let dir = folder::map_dir(&self.folder, self.map_id);
        let files = match folder::log_files(&dir) {
            Ok(files) => files,
            Err(e) => {
                ex.unreachable = Some(format!("{}: {e}", dir.display()));
                return ex;
            }
        };
        for (name, len) in files {
            let mark = match &ex.own_mark {
                Some((own, mark)) if *own == name => mark.clone(),
                _ => self.marks.get(&name).cloned().unwrap_or_default(),
            };
            if mark.read_to == len && !mark.header.is_empty() {
                continue;
            }
            match folder::read_after(&dir.join(&name), &name, self.map_id, &mark) {
                Ok(read) if read.read_to != mark.read_to || read.header != mark.header => {
                    ex.files.push(read)
                }
                Ok(_) => {}
                Err(e) => ex.unreachable = Some(format!("{}: {e}", dir.join(&name).display())),
            }
        }
        ex
    }
}

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
            folder: PathBuf::from(shared.folder),
            device: changes::device_id(conn)?.unwrap_or_default(),
            hello,
            out: changes::unshared(conn, map_id)?,
            marks: records::marks(conn, map_id)?,
            read,
        }))
    }

    /// Records what a round wrote to the folder. Changes nothing in the map.
    pub fn sync_sent(&mut self, ex: &Exchange) -> Result<()> {
        if ex.written.is_empty() && ex.hello.is_none() && ex.own_mark.is_none() {
            return Ok(());
        }
        self.write(|tx| {
            if records::get(tx, ex.map_id)?.is_none() {
                return Ok(());
            }
            changes::mark_shared(tx, ex.map_id, &ex.written)?;
            if let Some(name) = &ex.hello {
                records::set_hello(tx, ex.map_id, name)?;
            }
            if let Some((file, mark)) = &ex.own_mark {
                records::save_mark(tx, ex.map_id, file, mark, None)?;
            }
            Ok(())
        })
    }

    /// Merges what a round read from the folder into the map, and remembers how far each file
    /// was read, in one transaction. The report's patch is what changed in the map.
    pub fn sync_take_in(&mut self, ex: Exchange) -> Result<SyncReport> {
        let map_id = ex.map_id;
        let mut report = SyncReport {
            map_id,
            written: ex.written(),
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
        let taken = self.write(|tx| take_in(tx, map_id, &ex.files))?;
        report.received = taken.received;
        report.conflicts = taken.conflicts;
        report.patch = taken.patch;
        report.issues.extend(taken.issues);
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

struct Taken {
    received: u32,
    conflicts: Vec<jejak_core::sync::Conflict>,
    patch: Patch,
    issues: Vec<SyncIssue>,
}

/// The changes a file carries that this Jejak can take (a name too long is cut, as the app would
/// cut it; a change without a laptop is one no Jejak writes).
fn changes_of(file: &FileRead) -> Vec<Change> {
    file.lines
        .iter()
        .filter_map(|line| match line {
            Line::Change(w) if !w.device.is_empty() || w.stamp.contains("-genesis.") => {
                let mut c: Change = w.clone().into();
                c.author = c.author.chars().take(MAX_NAME_CHARS).collect();
                Some(c)
            }
            _ => None,
        })
        .collect()
}

fn take_in(tx: &rusqlite::Connection, map_id: Id, files: &[FileRead]) -> Result<Taken> {
    let mut taken = Taken {
        received: 0,
        conflicts: Vec::new(),
        patch: Patch::default(),
        issues: Vec::new(),
    };
    if records::get(tx, map_id)?.is_none() {
        // Sharing stopped while the files were read.
        taken.patch.history = history::state(tx, map_id)?;
        return Ok(taken);
    }
    let here = changes::device_id(tx)?.unwrap_or_default();
    let known = changes::stamps_of(tx, map_id)?;
    let mut incoming: Vec<Change> = Vec::new();
    let mut from_file: HashMap<Id, usize> = HashMap::new();
    let mut arrivals: HashMap<String, Arrival> = HashMap::new();
    for (i, file) in files.iter().enumerate() {
        let theirs = !file.device.is_empty() && file.device != here;
        let mut arrival = Arrival::default();
        let mut newest: Option<(String, String)> = None;
        for line in &file.lines {
            if let Line::Hello(h) = line {
                arrival.name = Some(h.name.chars().take(MAX_NAME_CHARS).collect());
            }
        }
        for c in changes_of(file) {
            if theirs && c.device == file.device {
                if !known.contains_key(&c.id) {
                    arrival.edits = arrival.edits.saturating_add(1);
                }
                arrival.seen = true;
                let at = Clock::of_stamp(&c.stamp).map(|k| k.ms);
                arrival.last_edit = arrival.last_edit.max(at);
                if newest.as_ref().is_none_or(|(s, _)| c.stamp > *s) {
                    newest = Some((c.stamp.clone(), c.author.clone()));
                }
            }
            from_file.insert(c.id, i);
            incoming.push(c);
        }
        if theirs {
            if arrival.name.is_none() {
                arrival.name = newest.map(|(_, author)| author).filter(|a| !a.is_empty());
            }
            let entry = arrivals.entry(file.device.clone()).or_default();
            entry.edits = entry.edits.saturating_add(arrival.edits);
            entry.seen |= arrival.seen;
            entry.last_edit = entry.last_edit.max(arrival.last_edit);
            if arrival.name.is_some() {
                entry.name = arrival.name;
            }
        }
    }

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
    for (i, file) in files.iter().enumerate() {
        let issue = match refused_by_file.get(&i) {
            Some(n) => Some(SyncIssue::EditsRefused {
                file: file.name.clone(),
                edits: *n,
            }),
            None => file.issue.clone(),
        };
        let mark = Mark {
            header: file.header.clone(),
            read_to: file.read_to,
        };
        records::save_mark(tx, map_id, &file.name, &mark, issue.as_ref())?;
        taken.issues.extend(issue);
    }
    let now = now_millis();
    for (device, arrival) in &arrivals {
        records::note_peer(tx, map_id, device, arrival, now)?;
    }
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
fn snapshot_due(tx: &rusqlite::Connection, map_id: Id) -> Result<bool> {
    let newest = snapshots::newest_of(tx, map_id, jejak_core::snapshot::SnapshotReason::Merge)?;
    Ok(newest.is_none_or(|at| now_millis() - at >= SNAPSHOT_EVERY_MS))
}
