use std::path::PathBuf;

use jejak_core::validate::Invalid;
use jejak_core::Problem;
use thiserror::Error;

/// Why an edit or a query failed.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: String },
    #[error("{0}")]
    Invalid(#[from] Invalid),
    #[error("{0}")]
    Conflict(String),
    #[error("the library file holds damaged data: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// An import refused as a whole; one problem per bad row or cell.
    #[error("{}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Rejected(Vec<Problem>),
    /// The library's file or folder cannot be written; it is shown as it is.
    #[error("the library is read-only")]
    ReadOnly,
    /// The library was closed; nothing more can be read or written through it.
    #[error("the library is closed")]
    Closed,
    /// A backup could not be written, checked or restored.
    #[error("{problem}: {detail}")]
    Backup { problem: Problem, detail: String },
    /// A file the user chose (a map file to write) could not be written.
    #[error("{problem}: {detail}")]
    File { problem: Problem, detail: String },
}

impl StoreError {
    pub fn not_found(what: &'static str, id: impl ToString) -> Self {
        StoreError::NotFound {
            what,
            id: id.to_string(),
        }
    }

    /// Writing `path` failed: a full disk, or a place that cannot be written.
    pub fn file(path: &std::path::Path, e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let problem = match e.kind() {
            K::StorageFull | K::QuotaExceeded | K::FileTooLarge => Problem::DiskFull,
            _ => Problem::FileNotWritable,
        };
        StoreError::File {
            problem,
            detail: format!("{}: {e}", path.display()),
        }
    }

    /// What the user is told, as codes the UI words.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            StoreError::NotFound { what, .. } => vec![Problem::NotFound {
                what: jejak_core::Thing::from_name(what),
            }],
            StoreError::Invalid(Invalid(p)) => vec![p.clone()],
            StoreError::Conflict(_) => vec![Problem::Conflict],
            StoreError::Corrupt(_) => vec![Problem::LibraryDamaged],
            StoreError::Sqlite(e) => vec![sqlite_problem(e)],
            StoreError::Rejected(problems) => problems.clone(),
            StoreError::Backup { problem, .. } | StoreError::File { problem, .. } => {
                vec![problem.clone()]
            }
            StoreError::Closed => vec![Problem::Storage],
            StoreError::ReadOnly => vec![Problem::ReadOnly],
        }
    }

    /// Technical text for the "details" toggle (SQLite's own words), when there is any.
    pub fn detail(&self) -> Option<String> {
        match self {
            StoreError::Invalid(_) | StoreError::Rejected(_) => None,
            other => Some(other.to_string()),
        }
    }
}

/// The user's words for what SQLite reports: a full disk, a read-only file, a vanished drive...
pub fn sqlite_problem(e: &rusqlite::Error) -> Problem {
    use rusqlite::ffi::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => Problem::DiskFull,
        Some(ErrorCode::ReadOnly) => Problem::ReadOnly,
        Some(ErrorCode::CannotOpen) => Problem::DiskGone,
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Problem::Busy,
        Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => Problem::LibraryDamaged,
        _ => Problem::Storage,
    }
}

/// Why a library file could not be opened. The file has not been modified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenErrorKind {
    /// A zero-byte file.
    Empty,
    /// Not an SQLite database at all (a text file, an image...).
    NotSqlite,
    /// An SQLite database of another application.
    Foreign,
    /// A Jejak library written by a newer version of Jejak.
    Newer,
    /// A Jejak library that is truncated or damaged.
    Corrupt,
    /// Another Jejak (window or process) has the library open.
    InUse,
    /// The file or its folder could not be read or created.
    Io,
}

#[derive(Debug, Clone, Error)]
#[error("{}: {problem} ({detail})", path.display())]
pub struct OpenError {
    pub kind: OpenErrorKind,
    /// What the user is told.
    pub problem: Problem,
    pub path: PathBuf,
    /// Technical detail (SQLite's or the OS's words), shown only on request.
    pub detail: String,
}

impl OpenError {
    pub fn new(
        kind: OpenErrorKind,
        problem: Problem,
        path: &std::path::Path,
        detail: impl Into<String>,
    ) -> Self {
        OpenError {
            kind,
            problem,
            path: path.to_path_buf(),
            detail: detail.into(),
        }
    }

    pub(crate) fn io(path: &std::path::Path, e: impl std::fmt::Display) -> Self {
        OpenError::new(
            OpenErrorKind::Io,
            Problem::LibraryUnreadable,
            path,
            e.to_string(),
        )
    }

    pub(crate) fn damaged(path: &std::path::Path, detail: impl Into<String>) -> Self {
        OpenError::new(
            OpenErrorKind::Corrupt,
            Problem::LibraryDamaged,
            path,
            detail,
        )
    }
}
