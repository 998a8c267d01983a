#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Opening anything but a healthy Jejak library is refused with a clear kind, and the file is left
//! byte-for-byte untouched.

use std::path::Path;

use jejak_core::templates::{Locale, Template};
use jejak_store::{Library, OpenErrorKind, APPLICATION_ID, SCHEMA_VERSION};

fn refuse(path: &Path) -> OpenErrorKind {
    let before = std::fs::read(path).unwrap_or_default();
    let err = match Library::open(path) {
        Ok(_) => panic!("{} should have been refused", path.display()),
        Err(e) => e,
    };
    let after = std::fs::read(path).unwrap_or_default();
    assert_eq!(before, after, "the refused file was modified");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "message names the file: {err}"
    );
    // No side files were left behind either.
    for ext in ["-wal", "-shm", "-journal"] {
        let side = format!("{}{ext}", path.display());
        assert!(!Path::new(&side).exists(), "{side} was created");
    }
    err.kind
}

#[test]
fn a_zero_byte_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.jejak");
    std::fs::write(&path, b"").unwrap();
    assert_eq!(refuse(&path), OpenErrorKind::Empty);
}

#[test]
fn a_text_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jejak");
    std::fs::write(&path, "Customer journey ideas\n".repeat(50)).unwrap();
    assert_eq!(refuse(&path), OpenErrorKind::NotSqlite);
}

#[test]
fn another_applications_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
            .unwrap();
    }
    assert_eq!(refuse(&path), OpenErrorKind::Foreign);
}

#[test]
fn a_truncated_library_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    {
        let mut lib = Library::open(&path).unwrap();
        for _ in 0..20 {
            lib.create_map(Template::CustomerJourney, Locale::En, None)
                .unwrap();
        }
    }
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192);
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(refuse(&path), OpenErrorKind::Corrupt);
}

#[test]
fn a_damaged_library_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    {
        let mut lib = Library::open(&path).unwrap();
        for _ in 0..20 {
            lib.create_map(Template::CustomerJourney, Locale::En, None)
                .unwrap();
        }
    }
    let mut bytes = std::fs::read(&path).unwrap();
    // Scribble over the pages after the first: the header still says "Jejak".
    for b in bytes.iter_mut().skip(4096).take(8192) {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(refuse(&path), OpenErrorKind::Corrupt);
}

#[test]
fn a_library_from_a_newer_jejak_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.jejak");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        conn.execute_batch("CREATE TABLE future (x TEXT);").unwrap();
    }
    assert_eq!(refuse(&path), OpenErrorKind::Newer);
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = Library::open(dir.path()).err().map(|e| e.kind);
    assert_eq!(err, Some(OpenErrorKind::Io));
}

#[test]
fn a_missing_library_is_created_with_its_folder_and_marked_as_jejak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/library.jejak");
    drop(Library::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID);
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(mode, "wal");
    let strict: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0", [], |r| r.get(0))
        .unwrap();
    assert_eq!(strict, 0, "every table is STRICT");
    // And it opens again.
    drop(conn);
    assert!(Library::open(&path).is_ok());
}
