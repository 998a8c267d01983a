//! Writing a map file: a new Jejak file built under a temporary name beside its destination, made
//! durable, then renamed into place, so the destination holds either its old content or the
//! whole new file. A map file has no write-ahead log: it is one file, ready to send. Text exports
//! (JSON) are written the same way.

use std::io::Write;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, Transaction};

use crate::migrations::migrate;
use crate::open::APPLICATION_ID;
use crate::paths::{folder_of, sync_folder};
use crate::{Result, StoreError};

/// Builds a map file at `dest`; `fill` writes its rows inside one transaction.
pub(super) fn map_file(dest: &Path, fill: impl FnOnce(&Transaction) -> Result<()>) -> Result<()> {
    let folder = folder_of(dest);
    let temp = tempfile::Builder::new()
        .prefix(".jejak-export-")
        .tempfile_in(folder)
        .map_err(|e| StoreError::file(dest, &e))?
        .into_temp_path();
    let mut conn = Connection::open_with_flags(&temp, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    migrate(&mut conn)?;
    let tx = conn.transaction()?;
    fill(&tx)?;
    tx.commit()?;
    conn.close().map_err(|(_, e)| StoreError::Sqlite(e))?;
    std::fs::File::open(&temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::file(dest, &e))?;
    persist(temp, dest)
}

/// Writes an exported text file (JSON...) the same way: whole or not at all.
pub(crate) fn text_file(dest: &Path, contents: &[u8]) -> Result<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(".jejak-export-")
        .tempfile_in(folder_of(dest))
        .map_err(|e| StoreError::file(dest, &e))?;
    temp.write_all(contents)
        .and_then(|_| temp.as_file().sync_all())
        .map_err(|e| StoreError::file(dest, &e))?;
    persist(temp.into_temp_path(), dest)
}

fn persist(temp: tempfile::TempPath, dest: &Path) -> Result<()> {
    // Temporary files are made owner-only; a file to hand on is readable as any file the user
    // saves (the PDF export does the same).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&temp, std::fs::Permissions::from_mode(0o644))
            .map_err(|e| StoreError::file(dest, &e))?;
    }
    temp.persist(dest)
        .map_err(|e| StoreError::file(dest, &e.error))?;
    sync_folder(folder_of(dest));
    Ok(())
}
