//! One round of sharing a map: this library's new changes go out to its file in the folder, the
//! other laptops' new lines come in and are merged.
//!
//! A round has three parts so an app never holds the library while a slow network folder answers:
//! [`Library::sync_job`](crate::Library::sync_job) reads what to do from the library,
//! [`SyncJob::run`] does the file work alone, and `sync_sent` / `sync_take_in` (`take_in.rs`)
//! record the outcome — each only if the map is still shared as it was and its files were read
//! from where the library says, so a round that crossed a change of folder, a restored backup or
//! another round changes nothing. The library stays the only source of truth: a change counts as
//! in the folder only once its line is on disk there, and a file counts as read only once its
//! lines are merged, in the same transaction.

use std::collections::HashMap;
use std::path::PathBuf;

use jejak_core::sharing::SyncIssue;
use jejak_core::Id;

use super::folder::{self, Header, Hello, Line};
use super::logfile::{self, AppendError, FileRead, Mark};
use crate::changes::Change;

/// What one round will do, read from the library.
#[derive(Debug)]
pub struct SyncJob {
    pub(super) map_id: Id,
    pub(super) folder: String,
    pub(super) since: i64,
    pub(super) device: String,
    pub(super) hello: Option<Hello>,
    pub(super) out: Vec<Change>,
    pub(super) marks: HashMap<String, Mark>,
    pub(super) read: bool,
}

/// What the file work of a round did, to be recorded in the library.
#[derive(Debug)]
pub struct Exchange {
    pub(super) map_id: Id,
    /// The sharing it was done for: recorded only while the map is still shared so.
    pub(super) folder: String,
    pub(super) since: i64,
    pub(super) written: Vec<Id>,
    pub(super) hello: Option<String>,
    /// This laptop's own file, read up to what it just wrote, and the mark the round began from
    /// (recorded only if the library still has that one).
    pub(super) own_mark: Option<(String, Mark)>,
    pub(super) own_from: Mark,
    /// This laptop's own file is gone or was replaced: everything is written anew.
    pub(super) own_lost: Option<String>,
    pub(super) files: Vec<FileRead>,
    /// Where each file read was read from (the library's marks when the round began).
    pub(super) read_from: HashMap<String, Mark>,
    pub(super) issues: Vec<SyncIssue>,
    pub(super) unreachable: Option<String>,
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
            folder: self.folder.clone(),
            since: self.since,
            written: Vec::new(),
            hello: None,
            own_mark: None,
            own_from: Mark::default(),
            own_lost: None,
            files: Vec::new(),
            read_from: HashMap::new(),
            issues: Vec::new(),
            unreachable: None,
        };
        let folder = PathBuf::from(&self.folder);
        if !folder.is_dir() {
            ex.unreachable = Some(format!("{} is not there", folder.display()));
            return ex;
        }
        let own = folder::own_file(&folder, self.map_id, &self.device);
        let own_name = own
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let own_before = self.marks.get(&own_name).cloned().unwrap_or_default();
        ex.own_from = own_before.clone();
        if self.lost(&own, &own_before) {
            // Deleted, or put back as an older copy (whose lines this library has): it is set
            // aside, not read or added to, and everything goes out anew in a new file next round,
            // with a new id, so nobody resumes reading it in the middle of a line.
            if own.exists() {
                let aside = own.with_extension(format!("lost-{}", jejak_core::now_millis()));
                if let Err(e) = std::fs::rename(&own, &aside) {
                    ex.unreachable = Some(format!("{}: {e}", own.display()));
                    return ex;
                }
            }
            ex.own_lost = Some(own_name.clone());
        } else if !self.out.is_empty() || self.hello.is_some() {
            self.write(&own, &own_name, &own_before, &mut ex);
        }
        if self.read {
            self.read_all(&folder, &own_name, &mut ex);
        }
        ex
    }

    /// Whether this laptop's file, written before, is gone or not the one written.
    fn lost(&self, own: &std::path::Path, before: &Mark) -> bool {
        if before.read_to == 0 {
            return false;
        }
        let len = std::fs::symlink_metadata(own).map_or(0, |m| m.len());
        match logfile::header_of(own) {
            Ok(Some(header)) => header != before.header || len < before.read_to,
            Ok(None) => true,
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        }
    }

    fn write(&self, own: &std::path::Path, own_name: &str, before: &Mark, ex: &mut Exchange) {
        let len_before = std::fs::symlink_metadata(own).map_or(0, |m| m.len());
        let header = Header {
            jejak_sync: folder::FORMAT_VERSION,
            map: self.map_id,
            device: self.device.clone(),
            file: jejak_core::new_id().to_string(),
        };
        let mut lines: Vec<Line> = self.hello.iter().cloned().map(Line::Hello).collect();
        lines.extend(self.out.iter().map(|c| Line::Change(c.into())));
        match logfile::append(own, &header, &lines) {
            Ok(()) => {
                ex.written = self.out.iter().map(|c| c.id).collect();
                ex.hello = self.hello.as_ref().map(|h| h.name.clone());
                // Read up to its end before this write: no need to read back what was written.
                if before.read_to == len_before {
                    if let Ok(read) = logfile::read_after(own, own_name, self.map_id, before) {
                        ex.own_mark = Some((own_name.to_owned(), read.mark));
                    }
                }
            }
            Err(AppendError::NotOurs) => ex.issues.push(SyncIssue::FileForeign {
                file: own_name.to_owned(),
            }),
            Err(AppendError::Io(e)) => ex.unreachable = Some(format!("{}: {e}", own.display())),
        }
    }

    fn read_all(&self, folder: &std::path::Path, own_name: &str, ex: &mut Exchange) {
        let dir = folder::map_dir(folder, self.map_id);
        let files = match folder::log_files(&dir) {
            Ok(files) => files,
            Err(e) => {
                ex.unreachable = Some(format!("{}: {e}", dir.display()));
                return;
            }
        };
        for (name, len) in files {
            if name == own_name && ex.own_lost.is_some() {
                continue;
            }
            let mark = match &ex.own_mark {
                Some((own, mark)) if *own == name && name == own_name => mark.clone(),
                _ => self.marks.get(&name).cloned().unwrap_or_default(),
            };
            if len == mark.seen_len && !mark.header.is_empty() {
                continue;
            }
            match logfile::read_after(&dir.join(&name), &name, self.map_id, &mark) {
                Ok(read) if read.mark != mark || !read.lines.is_empty() => {
                    ex.read_from.insert(name.clone(), mark);
                    ex.files.push(read);
                }
                Ok(_) => {}
                // Renamed away by the sync tool meanwhile: next round.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => ex.unreachable = Some(format!("{}: {e}", dir.join(&name).display())),
            }
        }
    }
}
