//! Sharing a map through a folder that a sync tool replicates (Syncthing on a workshop LAN, a
//! company OneDrive, Dropbox or SMB folder). Each laptop appends its changes to a file of its own
//! there (`folder`) and merges the others' (`round`); a map found in such a folder can be added to
//! the library (`join`). The library file itself never goes into the folder: sync tools copy a
//! live SQLite file (and its write-ahead log) apart and corrupt it.

mod folder;
mod join;
mod logfile;
mod records;
mod round;
mod take_in;

use std::path::{Path, PathBuf};

use jejak_core::sharing::SharingStatus;
use jejak_core::{now_millis, Id, Problem};

use crate::{changes, maps, Library, Result, StoreError};

pub use round::{Exchange, SyncJob};

/// The folder as it will be remembered (absolute, links resolved), once it is one a map can be
/// shared through: there, a folder, not holding the library, and writable.
fn usable_folder(folder: &Path, library: &Path) -> Result<PathBuf> {
    let refuse = |problem: Problem, detail: String| StoreError::File { problem, detail };
    let canonical = dunce::canonicalize(folder)
        .map_err(|e| refuse(Problem::FolderMissing, format!("{}: {e}", folder.display())))?;
    if !canonical.is_dir() {
        return Err(refuse(
            Problem::FolderMissing,
            format!("{} is not a folder", folder.display()),
        ));
    }
    let library_dir = library
        .parent()
        .and_then(|p| dunce::canonicalize(p).ok())
        .unwrap_or_default();
    if !library_dir.as_os_str().is_empty() && library_dir.starts_with(&canonical) {
        return Err(refuse(
            Problem::SyncFolderHoldsLibrary,
            format!(
                "{} holds the library {}",
                canonical.display(),
                library.display()
            ),
        ));
    }
    Ok(canonical)
}

/// Makes the map's subfolder, which also proves the folder can be written.
fn make_map_dir(folder: &Path, map_id: Id) -> Result<()> {
    let dir = folder::map_dir(folder, map_id);
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::file(&dir, &e))
}

impl Library {
    /// Shares map `map_id` through `folder`: from the next round on, its changes (all of them,
    /// the first time) go to this laptop's file there, and the other laptops' files are merged.
    pub fn share_map(&mut self, map_id: Id, folder: &Path) -> Result<SharingStatus> {
        let folder = usable_folder(folder, self.path())?;
        maps::summary(self.conn()?, map_id)?;
        make_map_dir(&folder, map_id)?;
        let text = folder.to_string_lossy().into_owned();
        self.write(|tx| {
            changes::device(tx)?;
            changes::ensure_genesis(tx, map_id)?;
            records::start(tx, map_id, &text, now_millis())
        })?;
        self.sharing_status(map_id)
    }

    /// Stops sharing the map. Its file stays in the folder (the others keep its edits); nothing
    /// more is written there or read from there.
    pub fn stop_sharing(&mut self, map_id: Id) -> Result<()> {
        self.write(|tx| records::stop(tx, map_id))
    }

    /// How the map's sharing stands, as the library knows it (the app adds what it saw of the
    /// folder while running).
    pub fn sharing_status(&self, map_id: Id) -> Result<SharingStatus> {
        let conn = self.conn()?;
        let shared = records::get(conn, map_id)?;
        let device = changes::device_id(conn)?.unwrap_or_default();
        Ok(match shared {
            None => SharingStatus {
                folder: None,
                since: None,
                device,
                peers: Vec::new(),
                waiting: 0,
                synced_at: None,
                issues: Vec::new(),
            },
            Some(s) => SharingStatus {
                folder: Some(s.folder),
                since: Some(s.since),
                device,
                peers: records::peers(conn, map_id)?,
                waiting: changes::unshared_count(conn, map_id)?,
                synced_at: None,
                issues: records::file_issues(conn, map_id)?,
            },
        })
    }

    /// Every shared map (not in the trash) and its folder.
    pub fn shared_maps(&self) -> Result<Vec<(Id, PathBuf)>> {
        Ok(records::all(self.conn()?)?
            .into_iter()
            .map(|(id, folder)| (id, PathBuf::from(folder)))
            .collect())
    }

    /// Whether the map is shared through a folder.
    pub fn is_shared(&self, map_id: Id) -> Result<bool> {
        Ok(records::get(self.conn()?, map_id)?.is_some())
    }
}
