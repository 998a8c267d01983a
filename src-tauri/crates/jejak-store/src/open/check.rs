//! The full check that decides "damaged": SQLite's `integrity_check` (pages, indexes against their
//! tables, types, NOT NULL and CHECK constraints), foreign keys, and every map read back the way
//! the app reads it. It runs on a private copy of the file and of the write-ahead log or rollback
//! journal beside it, which SQLite recovers exactly as it would recover the original, so the
//! original is never written to before it is judged healthy. (On a read-only connection SQLite
//! skips CHECK constraints; the copy is writable.)

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::OpenError;
use crate::migrations::{migrate, SCHEMA_VERSION};
use crate::open::{header, sqlite_open_error, APPLICATION_ID};
pub(crate) use crate::paths::side_path;

/// Side files that hold committed (WAL) or to-be-undone (journal) changes of a database.
pub(crate) const SIDE_FILES: [&str; 2] = ["-wal", "-journal"];

/// True when a non-empty `-wal` or `-journal` lies beside the file: the file alone is not the
/// database, SQLite's recovery must run first.
pub(crate) fn needs_recovery(path: &Path) -> bool {
    SIDE_FILES.iter().any(|s| {
        std::fs::metadata(side_path(path, s))
            .map(|m| m.len() > 0)
            .unwrap_or(false)
    })
}

/// A copy of the library and its side files in a private temporary folder, deleted on drop.
pub(crate) struct PrivateCopy {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl PrivateCopy {
    pub fn of(path: &Path) -> Result<PrivateCopy, OpenError> {
        let io = |e: std::io::Error| OpenError::io(path, e);
        let dir = tempfile::Builder::new()
            .prefix("jejak-check-")
            .tempdir()
            .map_err(io)?;
        let copy = dir.path().join("library.jejak");
        std::fs::copy(path, &copy).map_err(io)?;
        for suffix in SIDE_FILES {
            let side = side_path(path, suffix);
            match std::fs::copy(&side, side_path(&copy, suffix)) {
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(e)),
            }
        }
        Ok(PrivateCopy {
            _dir: dir,
            path: copy,
        })
    }

    /// Opens the copy for writing, which lets SQLite replay its log or roll back its journal.
    pub fn open(&self, original: &Path) -> Result<Connection, OpenError> {
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|e| sqlite_open_error(original, e))?;
        // Set up as the real connection is, so an upgrade is tried exactly as it will run.
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .and_then(|_| conn.pragma_update(None, "foreign_keys", "ON"))
            .map_err(|e| sqlite_open_error(original, e))?;
        Ok(conn)
    }

    /// Runs the pending migrations on the copy, so a migration that would fail on this file is
    /// found before the original is touched.
    pub fn try_migrate(&self, conn: &mut Connection, original: &Path) -> Result<(), OpenError> {
        migrate(conn).map_err(|e| {
            OpenError::damaged(original, format!("the schema upgrade would fail: {e}"))
        })
    }
}

/// The schema version of the database as SQLite sees it.
pub(crate) fn schema_version(conn: &Connection, path: &Path) -> Result<i64, OpenError> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| sqlite_open_error(path, e))
}

/// Whose file this is and which schema it has: refuses other applications' databases and those
/// of a newer Jejak. Returns the schema version.
pub(crate) fn identity(conn: &Connection, path: &Path) -> Result<i64, OpenError> {
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| sqlite_open_error(path, e))?;
    if app_id != APPLICATION_ID {
        return Err(header::foreign(path, app_id));
    }
    let version = schema_version(conn, path)?;
    if version > SCHEMA_VERSION {
        return Err(header::newer(path, version));
    }
    Ok(version)
}

/// Everything SQLite can check, then every map read back. Expects the current schema. `path` is
/// the file the user knows, named in the error.
pub(crate) fn integrity(conn: &Connection, path: &Path) -> Result<(), OpenError> {
    let fail = |e: rusqlite::Error| sqlite_open_error(path, e);
    let mut stmt = conn.prepare("PRAGMA integrity_check(20)").map_err(fail)?;
    let findings: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(fail)?;
    if findings.first().map(String::as_str) != Some("ok") {
        return Err(OpenError::damaged(path, findings.join("; ")));
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").map_err(fail)?;
    let orphans: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect())
        .map_err(fail)?;
    if let Some(table) = orphans.first() {
        return Err(OpenError::damaged(
            path,
            format!(
                "{} rows point at rows that do not exist (first in {table})",
                orphans.len()
            ),
        ));
    }
    read_every_map(conn, path)
}

/// Reads every map, trashed ones too, as the app would: a library the app cannot show is damaged.
fn read_every_map(conn: &Connection, path: &Path) -> Result<(), OpenError> {
    let damaged = |e: crate::StoreError| OpenError::damaged(path, e.to_string());
    let maps = crate::maps::list(conn, "", false)
        .and_then(|mut live| {
            live.extend(crate::maps::list(conn, "", true)?);
            Ok(live)
        })
        .map_err(damaged)?;
    for m in maps {
        crate::maps::load(conn, m.id).map_err(damaged)?;
    }
    Ok(())
}
