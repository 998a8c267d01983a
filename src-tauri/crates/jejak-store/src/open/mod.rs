//! Finding, checking and opening the library file.
//!
//! Nothing writes to an existing file before it has been judged healthy. The judgement sees the
//! database as SQLite recovers it: when a write-ahead log or journal lies beside the file (after a
//! crash or power cut), the file and its log are checked as a private copy, never on their own.
//! Only a healthy Jejak library of this or an older schema is opened for writing; a refused file is
//! left byte-for-byte as it was, with no side files.

mod check;
mod create;
mod header;
pub(crate) mod stamp;

use std::path::{Path, PathBuf};
use std::time::Duration;

use jejak_core::Problem;
use rusqlite::{Connection, OpenFlags};

use crate::error::{OpenError, OpenErrorKind};
use crate::lock::LibraryLock;
use crate::migrations::{migrate, SCHEMA_VERSION};

pub(crate) use check::side_path;

/// `PRAGMA application_id` of a Jejak library: the bytes "JJK1".
pub const APPLICATION_ID: i32 = 0x4A4A_4B31;

/// Environment variable that points Jejak at another library file.
pub const LIBRARY_ENV_VAR: &str = "JEJAK_LIBRARY";

/// `<data dir>/jejak/library.jejak`, e.g. `~/.local/share/jejak/library.jejak` on Linux.
pub fn default_library_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("jejak").join("library.jejak"))
}

/// How a library is opened.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// Where Jejak remembers the libraries it closed cleanly, so that a start after a clean exit
    /// does not read the whole file again. `None`: every open runs the full check.
    pub state_dir: Option<PathBuf>,
    /// How long to wait for another Jejak that is still closing the library.
    pub lock_wait: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            state_dir: None,
            lock_wait: Duration::from_secs(3),
        }
    }
}

/// The default place for [`OpenOptions::state_dir`]: the user's cache folder.
pub fn default_state_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("jejak").join("checked"))
}

/// An open, checked library connection and the lock that keeps other writers out.
pub(crate) struct Opened {
    pub conn: Connection,
    pub lock: LibraryLock,
    /// The file or its folder cannot be written (a read-only drive or share): the library is
    /// shown as it is and every edit is refused with a clear message.
    pub read_only: bool,
}

/// Opens (creating if missing) the library at `path`, ready for edits.
pub(crate) fn open_library(path: &Path, options: &OpenOptions) -> Result<Opened, OpenError> {
    let lock = LibraryLock::acquire(path, options.lock_wait)?;
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(OpenError::new(
                OpenErrorKind::Io,
                Problem::LibraryIsFolder,
                path,
                "this is a folder, not a file",
            ))
        }
        Ok(_) if create::is_interrupted_creation(path) => {
            create::clear_interrupted_creation(path)?;
            create::create(path)?;
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create::create(path)?,
        Err(e) => return Err(OpenError::io(path, e)),
    }
    let version = inspect(path, options)?;
    if let Some(dir) = &options.state_dir {
        // A record that cannot be removed cannot match either: any write changes the file's times.
        if let Err(e) = stamp::forget(dir, path) {
            eprintln!("jejak: the clean-close record could not be removed: {e}");
        }
    }
    if !writable(path) {
        return open_read_only(path, version, lock);
    }
    let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| sqlite_open_error(path, e))?;
    conn.set_prepared_statement_cache_capacity(crate::cached::STATEMENT_CACHE);
    conn.busy_timeout(Duration::from_secs(5))
        .and_then(|_| conn.pragma_update(None, "foreign_keys", "ON"))
        .map_err(|e| sqlite_open_error(path, e))?;
    if version < SCHEMA_VERSION {
        // The file as the older Jejak left it stays among the backups. Best effort: the upgrade
        // itself is one transaction either way.
        let _ = crate::backups::take_from(&conn, path, jejak_core::now_millis());
    }
    // Upgraded in the file's own journal mode, so a failure rolls back to the exact old file.
    migrate(&mut conn).map_err(|e| sqlite_open_error(path, e))?;
    configure(&conn).map_err(|e| sqlite_open_error(path, e))?;
    Ok(Opened {
        conn,
        lock,
        read_only: false,
    })
}

/// Whether Jejak can write the file and make its log beside it (nothing is created to find out).
fn writable(path: &Path) -> bool {
    let folder = crate::paths::folder_of(path);
    #[cfg(unix)]
    {
        use rustix::fs::{access, Access};
        access(path, Access::WRITE_OK).is_ok() && access(folder, Access::WRITE_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
    }
}

/// A library that cannot be written, shown as it is. Only a file that needs no recovery and no
/// upgrade can be read this way; it is read `immutable`, so nothing is written beside it.
fn open_read_only(path: &Path, version: i64, lock: LibraryLock) -> Result<Opened, OpenError> {
    let read_only = |detail: &str| {
        OpenError::new(
            OpenErrorKind::Io,
            Problem::ReadOnly,
            path,
            detail.to_string(),
        )
    };
    if check::needs_recovery(path) {
        return Err(read_only(
            "the file cannot be written and its log cannot be replayed into it",
        ));
    }
    if version < SCHEMA_VERSION {
        return Err(read_only(
            "the file cannot be written, so it cannot be upgraded",
        ));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let uri = format!("file:{}?immutable=1", uri_escape(path));
    let conn = Connection::open_with_flags(uri, flags).map_err(|e| sqlite_open_error(path, e))?;
    conn.set_prepared_statement_cache_capacity(crate::cached::STATEMENT_CACHE);
    Ok(Opened {
        conn,
        lock,
        read_only: true,
    })
}

/// Percent-encodes a path for an SQLite `file:` URI.
fn uri_escape(path: &Path) -> String {
    let mut out = String::new();
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Durability first: an acknowledged edit survives a power cut.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // WAL is unavailable on some network file systems; a rollback journal is still safe.
        conn.pragma_update(None, "journal_mode", "DELETE")?;
    }
    conn.pragma_update(None, "synchronous", "FULL")
}

/// The full check of a file Jejak will only read (a backup, a file to import from).
pub(crate) fn check_file(path: &Path) -> Result<(), OpenError> {
    inspect(path, &OpenOptions::default()).map(|_| ())
}

/// A file Jejak will only read (a map file to import), judged by the full check and upgraded to
/// this schema on a private copy; the original is never written to.
pub(crate) struct CheckedCopy {
    /// Declared first: closed before the copy's folder is removed.
    pub conn: Connection,
    _copy: check::PrivateCopy,
}

/// The file's header, refused when it is empty or not a Jejak library this build reads.
fn checked_header(path: &Path) -> Result<header::Header, OpenError> {
    let Some(header) = header::Header::read(path)? else {
        let empty = OpenError::new(OpenErrorKind::Empty, Problem::LibraryEmpty, path, "0 bytes");
        return Err(empty);
    };
    header.check(path)?;
    Ok(header)
}

pub(crate) fn checked_copy(path: &Path) -> Result<CheckedCopy, OpenError> {
    if !check::needs_recovery(path) {
        checked_header(path)?;
    }
    let copy = check::PrivateCopy::of(path)?;
    let mut conn = copy.open(path)?;
    if check::identity(&conn, path)? < SCHEMA_VERSION {
        copy.try_migrate(&mut conn, path)?;
    }
    check::integrity(&conn, path)?;
    Ok(CheckedCopy { conn, _copy: copy })
}

/// Judges an existing file without writing to it; returns its schema version.
fn inspect(path: &Path, options: &OpenOptions) -> Result<i64, OpenError> {
    let recovering = check::needs_recovery(path);
    if !recovering {
        let header = checked_header(path)?;
        let closed_cleanly = options
            .state_dir
            .as_deref()
            .is_some_and(|dir| stamp::matches(dir, path));
        if closed_cleanly && header.schema_version() == SCHEMA_VERSION {
            return Ok(SCHEMA_VERSION);
        }
    }
    // The full check runs on a private copy: SQLite replays a log there as it would on the file,
    // a schema upgrade is tried there first, and CHECK constraints are verified only on a
    // writable database.
    let copy = check::PrivateCopy::of(path)?;
    let mut conn = copy.open(path)?;
    let version = check::identity(&conn, path)?;
    if version < SCHEMA_VERSION {
        copy.try_migrate(&mut conn, path)?;
    }
    check::integrity(&conn, path)?;
    Ok(version)
}

pub(crate) fn sqlite_open_error(path: &Path, e: rusqlite::Error) -> OpenError {
    use rusqlite::ffi::ErrorCode;
    let detail = e.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => OpenError::new(
            OpenErrorKind::NotSqlite,
            Problem::LibraryNotSqlite,
            path,
            detail,
        ),
        Some(ErrorCode::DatabaseCorrupt) => OpenError::damaged(path, detail),
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            OpenError::new(OpenErrorKind::InUse, Problem::LibraryInUse, path, detail)
        }
        _ => OpenError::io(path, detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_escape_keeps_paths_intact() {
        assert_eq!(
            uri_escape(Path::new("/tmp/a b?#%.jejak")),
            "/tmp/a%20b%3F%23%25.jejak"
        );
        assert_eq!(uri_escape(Path::new("/tmp/é")), "/tmp/%C3%A9");
    }
}
