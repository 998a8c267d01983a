use std::path::PathBuf;

use jejak_core::validate::Invalid;
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
    /// An import refused as a whole; one message per problem (e.g. per bad row).
    #[error("{}", .0.join("\n"))]
    Rejected(Vec<String>),
}

impl StoreError {
    pub fn not_found(what: &'static str, id: impl ToString) -> Self {
        StoreError::NotFound {
            what,
            id: id.to_string(),
        }
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
    /// The file or its folder could not be read or created.
    Io,
}

#[derive(Debug, Clone, Error)]
#[error("{}: {detail}", path.display())]
pub struct OpenError {
    pub kind: OpenErrorKind,
    pub path: PathBuf,
    pub detail: String,
}

impl OpenError {
    pub fn new(kind: OpenErrorKind, path: &std::path::Path, detail: impl Into<String>) -> Self {
        OpenError {
            kind,
            path: path.to_path_buf(),
            detail: detail.into(),
        }
    }
}
