//! Finding, checking and opening the library file.
//!
//! An existing file is inspected before SQLite is allowed to write to it: its header is read
//! directly, then a read-only connection runs an integrity check. Only a healthy Jejak library of
//! this or an older schema is opened for writing.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{OpenError, OpenErrorKind};
use crate::migrations::{migrate, SCHEMA_VERSION};

/// `PRAGMA application_id` of a Jejak library: the bytes "JJK1".
pub const APPLICATION_ID: i32 = 0x4A4A_4B31;

/// Environment variable that points Jejak at another library file.
pub const LIBRARY_ENV_VAR: &str = "JEJAK_LIBRARY";

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// `<data dir>/jejak/library.jejak`, e.g. `~/.local/share/jejak/library.jejak` on Linux.
pub fn default_library_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("jejak").join("library.jejak"))
}

/// Opens (creating if missing) the library at `path`, ready for edits.
pub(crate) fn open_library(path: &Path) -> Result<Connection, OpenError> {
    let io = |e: std::io::Error| OpenError::new(OpenErrorKind::Io, path, e.to_string());
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(OpenError::new(
                OpenErrorKind::Io,
                path,
                "this is a folder, not a file",
            ))
        }
        Ok(_) => inspect_existing(path)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(io)?;
            }
            return create_new(path);
        }
        Err(e) => return Err(io(e)),
    }
    let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| sqlite_open_error(path, e))?;
    configure(&conn).map_err(|e| sqlite_open_error(path, e))?;
    migrate(&mut conn).map_err(|e| sqlite_open_error(path, e))?;
    Ok(conn)
}

fn create_new(path: &Path) -> Result<Connection, OpenError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    let fail = |e: rusqlite::Error| OpenError::new(OpenErrorKind::Io, path, e.to_string());
    let mut conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(fail)?;
    configure(&conn).map_err(fail)?;
    migrate(&mut conn).map_err(fail)?;
    Ok(conn)
}

/// Pragmas every connection needs: durability first (an acknowledged edit survives a power cut).
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // WAL is unavailable on some network file systems; rollback journal is still safe.
        conn.pragma_update(None, "journal_mode", "DELETE")?;
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Refuses, without writing, anything that is not a healthy Jejak library we can open.
fn inspect_existing(path: &Path) -> Result<(), OpenError> {
    let err = |kind, detail: String| OpenError::new(kind, path, detail);
    let mut header = Vec::with_capacity(HEADER_LEN);
    let file_len = {
        let file = std::fs::File::open(path).map_err(|e| err(OpenErrorKind::Io, e.to_string()))?;
        let len = file
            .metadata()
            .map_err(|e| err(OpenErrorKind::Io, e.to_string()))?
            .len();
        file.take(HEADER_LEN as u64)
            .read_to_end(&mut header)
            .map_err(|e| err(OpenErrorKind::Io, e.to_string()))?;
        len
    };
    if file_len == 0 {
        return Err(err(
            OpenErrorKind::Empty,
            "the file is empty (0 bytes)".into(),
        ));
    }
    if header.len() < HEADER_LEN || &header[..16] != SQLITE_MAGIC {
        return Err(err(
            OpenErrorKind::NotSqlite,
            "this is not a Jejak library (it is not an SQLite database)".into(),
        ));
    }
    let be32 = |at: usize| {
        i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let app_id = be32(68);
    if app_id != APPLICATION_ID {
        return Err(err(
            OpenErrorKind::Foreign,
            format!(
                "this is an SQLite database of another application (application_id {app_id:#010x})"
            ),
        ));
    }
    let version = i64::from(be32(60));
    if version > SCHEMA_VERSION {
        return Err(newer(path, version));
    }
    // Page size is stored big-endian at 16; 1 means 65536.
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    let page_count = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let counter_valid = header[24..28] == header[92..96];
    if counter_valid && page_size > 0 && file_len < page_size.saturating_mul(page_count) {
        return Err(err(
            OpenErrorKind::Corrupt,
            format!(
                "the file is truncated: {file_len} bytes where the database needs {}",
                page_size.saturating_mul(page_count)
            ),
        ));
    }
    check_readonly(path)
}

/// A read-only look through SQLite itself: integrity, application id and schema version.
fn check_readonly(path: &Path) -> Result<(), OpenError> {
    let corrupt = |e: rusqlite::Error| {
        OpenError::new(
            OpenErrorKind::Corrupt,
            path,
            format!("the library file is damaged: {e}"),
        )
    };
    // `immutable=1`: no locks and no -wal/-shm side files, so a refused file is left exactly as found.
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let uri = format!("file:{}?immutable=1", uri_escape(path));
    let conn = Connection::open_with_flags(uri, flags).map_err(|e| sqlite_open_error(path, e))?;
    let check: String = conn
        .pragma_query_value(None, "quick_check", |r| r.get(0))
        .map_err(corrupt)?;
    if check != "ok" {
        return Err(OpenError::new(
            OpenErrorKind::Corrupt,
            path,
            format!("the library file is damaged ({check})"),
        ));
    }
    // The header can lag behind a write-ahead log: ask SQLite too.
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(corrupt)?;
    if app_id != APPLICATION_ID {
        return Err(OpenError::new(
            OpenErrorKind::Foreign,
            path,
            format!(
                "this is an SQLite database of another application (application_id {app_id:#010x})"
            ),
        ));
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(corrupt)?;
    if version > SCHEMA_VERSION {
        return Err(newer(path, version));
    }
    Ok(())
}

fn newer(path: &Path, version: i64) -> OpenError {
    OpenError::new(
        OpenErrorKind::Newer,
        path,
        format!(
            "this library was written by a newer Jejak (schema {version}; this version reads up to {SCHEMA_VERSION}). Update Jejak to open it"
        ),
    )
}

fn sqlite_open_error(path: &Path, e: rusqlite::Error) -> OpenError {
    use rusqlite::ffi::ErrorCode;
    let kind = match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => OpenErrorKind::NotSqlite,
        Some(ErrorCode::DatabaseCorrupt) => OpenErrorKind::Corrupt,
        _ => OpenErrorKind::Io,
    };
    OpenError::new(kind, path, e.to_string())
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
