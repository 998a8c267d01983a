//! Creating a new, empty library so that a crash at any moment leaves either no library or a
//! complete one: it is built under a temporary name in the same folder, made durable, then renamed
//! into place (a rename within a folder is atomic).

use std::ffi::OsString;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::OpenError;
use crate::migrations::migrate;
use crate::open::check::SIDE_FILES;
use crate::open::APPLICATION_ID;
use crate::paths::{folder_of, side_path, sync_folder};

/// `.library.jejak.new-` : what half-built libraries in the folder start with.
fn temp_prefix(path: &Path) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(".new-");
    prefix
}

/// Builds the library at `path`, which must not exist yet.
pub(crate) fn create(path: &Path) -> Result<(), OpenError> {
    let io = |e: std::io::Error| OpenError::io(path, e);
    let folder = folder_of(path);
    std::fs::create_dir_all(folder).map_err(io)?;
    remove_leftovers(folder, path);
    remove_orphan_logs(path)?;
    let temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .tempfile_in(folder)
        .map_err(io)?
        .into_temp_path();
    build(&temp).map_err(|e| OpenError::io(path, e))?;
    std::fs::File::open(&temp)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    // `persist_noclobber`: never replace a library another process created meanwhile.
    temp.persist_noclobber(path)
        .map_err(|e| OpenError::io(path, e.error))?;
    sync_folder(folder);
    Ok(())
}

/// The schema, the application id and WAL mode, written with a rollback journal; the connection is
/// closed so nothing is left but the one file.
fn build(temp: &Path) -> rusqlite::Result<()> {
    let mut conn = Connection::open_with_flags(
        temp,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
    )?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    migrate(&mut conn)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.close().map_err(|(_, e)| e)
}

/// Half-built libraries from a crash during an earlier creation, and their side files.
fn remove_leftovers(folder: &Path, path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name
            .as_encoded_bytes()
            .starts_with(prefix.as_encoded_bytes())
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A log or journal beside a library file that does not exist belongs to no database any more
/// (the file was deleted or moved away without it). SQLite does not check that a log belongs to
/// the file beside it, so it would replay those pages into the new library: they are removed.
fn remove_orphan_logs(path: &Path) -> Result<(), OpenError> {
    for suffix in SIDE_FILES.iter().chain(["-shm"].iter()) {
        match std::fs::remove_file(side_path(path, suffix)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(OpenError::io(path, e))
            }
            _ => {}
        }
    }
    Ok(())
}

/// An older Jejak could be stopped while creating a library, leaving a 0-byte file beside a
/// rollback journal. Nothing was ever committed to it: it is removed so a new library can be made.
pub(crate) fn is_interrupted_creation(path: &Path) -> bool {
    let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
    len(path) == Some(0)
        && side_path(path, "-journal").exists()
        && len(&side_path(path, "-wal")).unwrap_or(0) == 0
}

pub(crate) fn clear_interrupted_creation(path: &Path) -> Result<(), OpenError> {
    std::fs::remove_file(path).map_err(|e| OpenError::io(path, e))?;
    remove_orphan_logs(path)
}
