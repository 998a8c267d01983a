//! The public face of the store: one open library file.

use std::path::{Path, PathBuf};

use jejak_core::templates::{Locale, Template};
use jejak_core::{HistoryState, Id, MapDoc, MapSummary, Op, Patch};
use rusqlite::{Connection, Transaction};

use crate::error::OpenError;
use crate::{history, maps, open, settings, Result};

/// An open Jejak library. Every method that changes data commits before it returns, so what the
/// caller shows is already on disk.
pub struct Library {
    conn: Connection,
    path: PathBuf,
}

impl Library {
    /// Opens the library at `path`, creating it (and its folder) if it does not exist.
    /// Anything else than a healthy Jejak library of this or an older schema is refused untouched.
    pub fn open(path: &Path) -> std::result::Result<Library, OpenError> {
        let conn = open::open_library(path)?;
        Ok(Library {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn list_maps(&self, query: &str) -> Result<Vec<MapSummary>> {
        maps::list(&self.conn, query, false)
    }

    pub fn list_trash(&self) -> Result<Vec<MapSummary>> {
        maps::list(&self.conn, "", true)
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
        maps::summary(&self.conn, id)
    }

    pub fn load_map(&self, id: Id) -> Result<MapDoc> {
        maps::load(&self.conn, id)
    }

    /// Applies `ops` to a map as one undo step, all or nothing.
    pub fn apply(&mut self, map_id: Id, ops: &[Op]) -> Result<Patch> {
        self.write(|tx| history::record_group(tx, map_id, ops, None))
    }

    /// Like [`Library::apply`], but folded into the previous undo step when that step was recorded
    /// with the same `merge_key` and nothing was undone since (one field edit = one undo step).
    pub fn apply_merged(&mut self, map_id: Id, ops: &[Op], merge_key: &str) -> Result<Patch> {
        self.write(|tx| history::record_group(tx, map_id, ops, Some(merge_key)))
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
            self.write(|tx| history::record_group(tx, map_id, &ops, None))?
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
        history::state(&self.conn, map_id)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        settings::get(&self.conn, key)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| settings::set(tx, key, value))
    }
}
