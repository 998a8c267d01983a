//! The error every command returns: a kind the UI can act on, the problems as codes with
//! parameters (worded by the UI in the user's language) and, apart, technical detail that the UI
//! shows only behind a "details" toggle.

use jejak_core::Problem;
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
    /// Another Jejak has the library open.
    InUse,
    /// No library is open (it was refused at start-up).
    NoLibrary,
    Internal,
}

#[derive(Debug, Clone, Serialize, TS, thiserror::Error)]
#[error("{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IpcError {
    pub kind: ErrorKind,
    /// At least one; several for an import refused row by row.
    pub problems: Vec<Problem>,
    /// SQLite's or the system's own words, for the "details" toggle.
    pub detail: Option<String>,
}

impl IpcError {
    pub fn new(kind: ErrorKind, problem: Problem) -> Self {
        IpcError {
            kind,
            problems: vec![problem],
            detail: None,
        }
    }

    pub fn with_detail(mut self, detail: impl std::fmt::Display) -> Self {
        self.detail = Some(detail.to_string());
        self
    }

    /// Something inside Jejak went wrong; the detail says what.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        IpcError::new(ErrorKind::Internal, Problem::Storage).with_detail(detail)
    }
}

/// A problem writing a file the user chose (a PDF, a backup copy...).
pub fn file_write_error(e: &std::io::Error) -> IpcError {
    use std::io::ErrorKind as K;
    let problem = match e.kind() {
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge => Problem::DiskFull,
        _ => Problem::FileNotWritable,
    };
    IpcError::new(ErrorKind::Io, problem).with_detail(e)
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        let kind = match &e {
            StoreError::NotFound { .. } => ErrorKind::NotFound,
            StoreError::Invalid(_) | StoreError::Rejected(_) => ErrorKind::Invalid,
            StoreError::Conflict(_) => ErrorKind::Conflict,
            StoreError::Corrupt(_) => ErrorKind::Corrupt,
            StoreError::Sqlite(_)
            | StoreError::Backup { .. }
            | StoreError::File { .. }
            | StoreError::Closed
            | StoreError::ReadOnly => ErrorKind::Io,
        };
        IpcError {
            kind,
            problems: e.problems(),
            detail: e.detail(),
        }
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
            OpenErrorKind::InUse => ErrorKind::InUse,
            OpenErrorKind::Io => ErrorKind::Io,
        };
        IpcError {
            kind,
            problems: vec![e.problem.clone()],
            detail: Some(e.detail.clone()),
        }
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
