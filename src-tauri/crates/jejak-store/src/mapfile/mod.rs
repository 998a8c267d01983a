//! Map files: one map of a library, with its personas, photos, scores and edit history, as a
//! Jejak file of the same schema (a library that holds just that map). A map leaves the laptop
//! as one; opening one adds its map to the library — as it is when the library does not have it,
//! as a copy with new ids, or in place of the library's version. A whole library file is read the
//! same way, so its maps can be picked and brought over to a new laptop.
//!
//! A file is read only after the same full check that judges a library, on a private copy; the
//! file itself is never written to. An import is one transaction: it lands whole or not at all.

mod copy;
mod write;

use std::path::Path;

use jejak_core::{Id, MapSummary};

use crate::error::OpenError;
use crate::open::{checked_copy, CheckedCopy};
use crate::{maps, Library, Result, StoreError};

use copy::{history_of, write_map, Renames};

/// A map file (or a whole library file) opened to import from.
pub struct MapFile {
    file: CheckedCopy,
    maps: Vec<MapSummary>,
}

impl MapFile {
    /// Reads a file chosen by the user. Anything that is not a healthy Jejak file of this or an
    /// older schema is refused, as a library would be, and left untouched.
    pub fn open(path: &Path) -> std::result::Result<MapFile, OpenError> {
        let file = checked_copy(path)?;
        let maps = maps::list(&file.conn, "", false)
            .map_err(|e| OpenError::damaged(path, e.to_string()))?;
        Ok(MapFile { file, maps })
    }

    /// The maps in the file (not those in its trash), by title.
    pub fn maps(&self) -> &[MapSummary] {
        &self.maps
    }
}

/// How a map from a file comes into the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportAs {
    /// The library does not have this map: it comes in as it is (same ids, its history).
    New,
    /// Beside the library's own version: new ids throughout, under this title.
    Copy { title: String },
    /// In place of the library's version of the same map (ids kept).
    Replace,
}

impl Library {
    /// Writes map `map_id` as a map file at `dest` (replacing a file there only once the new one
    /// is complete and on disk).
    pub fn export_map_file(&self, map_id: Id, dest: &Path) -> Result<()> {
        let conn = self.conn()?;
        let doc = maps::load(conn, map_id)?;
        let history = history_of(conn, map_id)?;
        write::map_file(dest, |out| {
            write_map(out, &doc, &history, &Renames::none(), &doc.map.title).map(|_| ())
        })
    }

    /// Whether the library already has a map with this id (in its trash too).
    pub fn has_map(&self, map_id: Id) -> Result<bool> {
        match maps::summary(self.conn()?, map_id) {
            Ok(_) => Ok(true),
            Err(StoreError::NotFound { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Brings map `map_id` of `file` into the library, in one transaction. `ImportAs::New` is
    /// refused when the library has the map already: the user chooses a copy or a replace.
    pub fn import_map(&mut self, file: &MapFile, map_id: Id, how: ImportAs) -> Result<MapSummary> {
        let doc = maps::load(&file.file.conn, map_id)?;
        let history = history_of(&file.file.conn, map_id)?;
        let exists = self.has_map(map_id)?;
        let (renames, title) = match &how {
            ImportAs::New if exists => {
                return Err(StoreError::Conflict(format!(
                    "the library already has map {map_id}"
                )))
            }
            ImportAs::Copy { title } => (Renames::fresh(&doc, &history)?, title.clone()),
            ImportAs::New | ImportAs::Replace => (Renames::none(), doc.map.title.clone()),
        };
        self.write(|tx| {
            if how == ImportAs::Replace && exists {
                // Everything of the map goes with it (foreign keys cascade), history included.
                crate::rows::delete_where(tx, "maps", "id", map_id)?;
            }
            let id = write_map(tx, &doc, &history, &renames, &title)?;
            maps::summary(tx, id)
        })
    }
}
