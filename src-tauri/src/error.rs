//! The error every command returns: a small closed set of kinds the UI can act on, and a message.

use jejak_store::{OpenError, OpenErrorKind, StoreError};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub enum ErrorKind {
    NotFound,
    Invalid,
    Conflict,
    Io,
    Corrupt,
    /// The library file was written by a newer Jejak.
    NewerFile,
    /// The library file belongs to another application.
    Foreign,
    /// The library file is not an SQLite database at all.
    NotSqlite,
    /// The library file is empty.
    Empty,
    /// No library is open (it was refused at start-up).
    NoLibrary,
    Internal,
}

#[derive(Debug, Clone, Serialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
}

impl IpcError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        IpcError {
            kind,
            message: message.into(),
        }
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        let kind = match &e {
            StoreError::NotFound { .. } => ErrorKind::NotFound,
            StoreError::Invalid(_) => ErrorKind::Invalid,
            StoreError::Conflict(_) => ErrorKind::Conflict,
            StoreError::Corrupt(_) => ErrorKind::Corrupt,
            StoreError::Sqlite(_) => ErrorKind::Io,
            StoreError::Rejected(_) => ErrorKind::Invalid,
        };
        IpcError::new(kind, e.to_string())
    }
}

impl From<&OpenError> for IpcError {
    fn from(e: &OpenError) -> Self {
        let kind = match e.kind {
            OpenErrorKind::Empty => ErrorKind::Empty,
            OpenErrorKind::NotSqlite => ErrorKind::NotSqlite,
            OpenErrorKind::Foreign => ErrorKind::Foreign,
            OpenErrorKind::Newer => ErrorKind::NewerFile,
            OpenErrorKind::Corrupt => ErrorKind::Corrupt,
            OpenErrorKind::Io => ErrorKind::Io,
        };
        IpcError::new(kind, e.detail.clone())
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
