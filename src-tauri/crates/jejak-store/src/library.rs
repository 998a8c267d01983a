//! The public face of the store: one open library file.

use std::path::{Path, PathBuf};

use jejak_core::templates::{Locale, Template};
use jejak_core::{now_millis, HistoryState, Id, MapDoc, MapSummary, Op, Patch};
use rusqlite::{Connection, Transaction};

use crate::backups::{self, BackupFile};
use crate::error::OpenError;
use crate::lock::LibraryLock;
use crate::open::{self, OpenOptions};
use crate::{history, maps, settings, snapshots, Result};
use jejak_core::snapshot::SnapshotReason;

/// An open Jejak library. Every method that changes data commits before it returns, so what the
/// caller shows is already on disk. Closing it (or dropping it) leaves one whole file.
pub struct Library {
    conn: Option<Connection>,
    path: PathBuf,
    options: OpenOptions,
    /// Held while open; `None` for a reader beside the Jejak that holds it.
    _lock: Option<LibraryLock>,
    /// The file cannot be written: reads work, every edit is refused.
    read_only: bool,
    /// When the newest backup was taken (Unix ms), and whether edits were made since.
    last_backup: i64,
    edited_since_backup: bool,
    /// The day (see `snapshots::day_of`) each map's daily snapshot was last seen to, so typing
    /// asks the file only on a map's first edit of the day.
    daily_checked: std::collections::HashMap<Id, i64>,
}

/// What [`Library::close`] did.
#[derive(Debug, Default)]
pub struct Closed {
    /// The backup taken on the way out, when there were edits since the last one.
    pub backup: Option<BackupFile>,
}

/// A backup the caller should run off the main thread ([`BackupJob::run`]).
#[derive(Debug, Clone)]
pub struct BackupJob {
    library: PathBuf,
    at: i64,
}

impl BackupJob {
    pub fn run(&self) -> Result<BackupFile> {
        backups::take(&self.library, self.at)
    }
}

impl Library {
    /// Opens the library at `path`, creating it (and its folder) if it does not exist, with the
    /// full check on every open. Anything else than a healthy Jejak library of this or an older
    /// schema is refused untouched.
    pub fn open(path: &Path) -> std::result::Result<Library, OpenError> {
        Library::open_with(path, OpenOptions::default())
    }

    /// [`Library::open`] with options (the app remembers clean closes to start faster).
    pub fn open_with(path: &Path, options: OpenOptions) -> std::result::Result<Library, OpenError> {
        let opened = open::open_library(path, &options)?;
        Ok(Library {
            conn: Some(opened.conn),
            path: path.to_path_buf(),
            options,
            _lock: Some(opened.lock),
            read_only: opened.read_only,
            last_backup: backups::list(path).first().map_or(0, |b| b.taken_at),
            edited_since_backup: false,
            daily_checked: Default::default(),
        })
    }

    /// Opens the library to read it, also while a Jejak window has it open (scripts exporting a
    /// PDF during a workshop). Without another Jejak this is [`Library::open`]; beside one, the
    /// file is read through a read-only connection (that Jejak has checked it and owns it).
    pub fn open_for_reading(path: &Path) -> std::result::Result<Library, OpenError> {
        let options = OpenOptions {
            lock_wait: std::time::Duration::ZERO,
            ..OpenOptions::default()
        };
        match Library::open_with(path, options) {
            Err(e) if e.kind == crate::OpenErrorKind::InUse => {
                let conn =
                    Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                        .and_then(|c| {
                            c.busy_timeout(std::time::Duration::from_secs(5))?;
                            Ok(c)
                        })
                        .map_err(|e| open::sqlite_open_error(path, e))?;
                Ok(Library {
                    conn: Some(conn),
                    path: path.to_path_buf(),
                    options: OpenOptions::default(),
                    _lock: None,
                    read_only: true,
                    last_backup: 0,
                    edited_since_backup: false,
                    daily_checked: Default::default(),
                })
            }
            other => other,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when the library's file or folder cannot be written (see [`Library::open`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub(crate) fn conn(&self) -> Result<&Connection> {
        self.conn.as_ref().ok_or(crate::StoreError::Closed)
    }

    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(crate::StoreError::ReadOnly);
        }
        let conn = self.conn.as_mut().ok_or(crate::StoreError::Closed)?;
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        self.edited_since_backup = true;
        Ok(out)
    }

    /// A backup to run now, at most one an hour and only after edits; `None` when none is due.
    pub fn backup_due(&mut self) -> Option<BackupJob> {
        let now = now_millis();
        if !self.edited_since_backup || now - self.last_backup < backups::BACKUP_EVERY_MS {
            return None;
        }
        self.last_backup = now;
        self.edited_since_backup = false;
        Some(BackupJob {
            library: self.path.clone(),
            at: now,
        })
    }

    /// Takes a backup at once through the open connection.
    pub fn backup_now(&mut self) -> Result<BackupFile> {
        let now = now_millis();
        let taken = backups::take_from(self.conn()?, &self.path, now)?;
        self.last_backup = now;
        self.edited_since_backup = false;
        Ok(taken)
    }

    /// Checkpoints the write-ahead log into the file, takes the quit backup when there were edits,
    /// and closes the connection, so the library is one whole file that can be copied on its own.
    pub fn close(mut self) -> Result<Closed> {
        self.close_inner(true)
    }

    fn close_inner(&mut self, with_backup: bool) -> Result<Closed> {
        let Some(conn) = self.conn.take() else {
            return Ok(Closed::default());
        };
        if self.read_only {
            // A reader beside the owner, or a file that cannot be written: nothing to fold in.
            return conn
                .close()
                .map(|_| Closed::default())
                .map_err(|(_, e)| e.into());
        }
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let mut closed = Closed::default();
        if with_backup && self.edited_since_backup {
            let now = now_millis();
            closed.backup = backups::take_from(&conn, &self.path, now).ok();
            self.edited_since_backup = false;
        }
        conn.close().map_err(|(_, e)| e)?;
        let whole = !open::side_path(&self.path, "-wal").exists();
        if let (true, Some(dir)) = (whole, &self.options.state_dir) {
            open::stamp::record(dir, &self.path);
        }
        Ok(closed)
    }

    pub fn list_maps(&self, query: &str) -> Result<Vec<MapSummary>> {
        maps::list(self.conn()?, query, false)
    }

    pub fn list_trash(&self) -> Result<Vec<MapSummary>> {
        maps::list(self.conn()?, "", true)
    }

    pub fn create_map(
        &mut self,
        template: Template,
        locale: Locale,
        title: Option<&str>,
    ) -> Result<MapSummary> {
        self.write(|tx| maps::create(tx, template, locale, title))
    }

    pub fn duplicate_map(&mut self, id: Id, title: &str) -> Result<MapSummary> {
        self.write(|tx| maps::duplicate(tx, id, title))
    }

    pub fn trash_map(&mut self, id: Id) -> Result<MapSummary> {
        self.write(|tx| maps::set_trashed(tx, id, true))
    }

    pub fn restore_map(&mut self, id: Id) -> Result<MapSummary> {
        self.write(|tx| maps::set_trashed(tx, id, false))
    }

    pub fn purge_map(&mut self, id: Id) -> Result<()> {
        self.write(|tx| maps::purge(tx, id))
    }

    pub fn map_summary(&self, id: Id) -> Result<MapSummary> {
        maps::summary(self.conn()?, id)
    }

    pub fn load_map(&self, id: Id) -> Result<MapDoc> {
        maps::load(self.conn()?, id)
    }

    /// Applies `ops` to a map as one undo step, all or nothing.
    pub fn apply(&mut self, map_id: Id, ops: &[Op]) -> Result<Patch> {
        self.edit(map_id, ops, None)
    }

    /// Like [`Library::apply`], but folded into the previous undo step when that step was recorded
    /// with the same `merge_key` and nothing was undone since (one field edit = one undo step).
    pub fn apply_merged(&mut self, map_id: Id, ops: &[Op], merge_key: &str) -> Result<Patch> {
        self.edit(map_id, ops, Some(merge_key))
    }

    /// One undo step, after the day's snapshot when it is the map's first edit of the day.
    fn edit(&mut self, map_id: Id, ops: &[Op], merge_key: Option<&str>) -> Result<Patch> {
        let today = snapshots::day_of(now_millis());
        let check = self.daily_checked.get(&map_id) != Some(&today);
        let patch = self.write(|tx| {
            if check {
                snapshots::daily_if_due(tx, map_id)?;
            }
            history::record_group(tx, map_id, ops, merge_key)
        })?;
        self.daily_checked.insert(map_id, today);
        Ok(patch)
    }

    /// Imports figures from CSV text onto the map's touchpoints as one undo step. A file with any
    /// bad row is refused whole ([`StoreError::Rejected`]) and nothing is written.
    pub fn import_metrics(
        &mut self,
        map_id: Id,
        csv_text: &str,
        spec: &jejak_core::metrics::MetricsImport,
    ) -> Result<jejak_core::metrics::ImportResult> {
        let doc = self.load_map(map_id)?;
        let (ops, report) =
            jejak_core::metrics::plan(&doc, csv_text, spec).map_err(crate::StoreError::Rejected)?;
        let patch = if ops.is_empty() {
            Patch {
                history: doc.history,
                ..Patch::default()
            }
        } else {
            self.write(|tx| {
                snapshots::take(tx, map_id, "", SnapshotReason::Bulk)?;
                history::record_group(tx, map_id, &ops, None)
            })?
        };
        Ok(jejak_core::metrics::ImportResult { patch, report })
    }

    pub fn undo(&mut self, map_id: Id) -> Result<Patch> {
        self.write(|tx| history::undo(tx, map_id))
    }

    pub fn redo(&mut self, map_id: Id) -> Result<Patch> {
        self.write(|tx| history::redo(tx, map_id))
    }

    pub fn history(&self, map_id: Id) -> Result<HistoryState> {
        history::state(self.conn()?, map_id)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        settings::get(self.conn()?, key)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| settings::set(tx, key, value))
    }
}

impl Drop for Library {
    /// A library that is simply dropped is closed the same way (without the quit backup), as
    /// well as it can be.
    fn drop(&mut self) {
        let _ = self.close_inner(false);
    }
}
