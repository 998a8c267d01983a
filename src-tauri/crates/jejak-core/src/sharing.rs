//! Sharing a map through a folder that a sync tool (Syncthing, OneDrive, Dropbox, an SMB share...)
//! replicates: what the app shows of it. The files and the merging live in `jejak-store`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Id;
use crate::sync::Conflict;
use crate::Patch;

/// Longest name a laptop is shown by (the same limit as a comment's author).
pub const MAX_NAME_CHARS: usize = crate::comment::MAX_AUTHOR_CHARS;

/// Another laptop that edits the map through the shared folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Peer {
    pub device: String,
    /// The name set on that laptop (may be empty).
    pub name: String,
    /// When its newest edit was made there (UTC ms); `None` when it has not edited yet.
    #[ts(type = "number | null")]
    pub last_edit_at: Option<i64>,
    /// When its newest edit reached this library (UTC ms).
    #[ts(type = "number | null")]
    pub arrived_at: Option<i64>,
    /// Edits of it this library has taken in.
    pub edits: u32,
}

/// Something about the shared folder the user should know; sharing goes on around it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "code",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum SyncIssue {
    /// The folder cannot be read or written (a drive not connected, a network share offline).
    /// Edits wait in the library and go out when it is back.
    FolderUnreachable { detail: String },
    /// A file in the map's folder was written by a newer Jejak; it is left alone.
    FileNewer { file: String, version: u32 },
    /// A file in the map's folder is not one Jejak wrote for this map; it is left alone.
    FileForeign { file: String },
    /// Lines of a teammate's file could not be read (damaged in transit); the rest was taken in.
    LinesUnreadable { file: String, lines: u32 },
    /// Edits from a teammate's file that do not apply to the map; they were left out.
    EditsRefused { file: String, edits: u32 },
    /// Edits from a teammate's file dated more than a day ahead (that laptop's clock is wrong);
    /// taken in, they would sort after every edit for as long. They were left out.
    ClockAhead { file: String, edits: u32 },
}

/// How a shared map stands, for its sharing settings and the board's indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SharingStatus {
    /// The folder the map is shared through; `None` when it is not shared.
    pub folder: Option<String>,
    /// When sharing started (UTC ms).
    #[ts(type = "number | null")]
    pub since: Option<i64>,
    /// This laptop's id, as the others see it.
    pub device: String,
    pub peers: Vec<Peer>,
    /// Edits made here that are not in the folder yet.
    pub waiting: u32,
    /// When this library last wrote to the folder or read from it without a problem (UTC ms).
    #[ts(type = "number | null")]
    pub synced_at: Option<i64>,
    pub issues: Vec<SyncIssue>,
}

/// What one round of sharing did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncReport {
    #[ts(type = "string")]
    pub map_id: Id,
    /// Edits of other laptops taken in.
    pub received: u32,
    /// Edits of this library written to the folder.
    pub written: u32,
    /// Where both sides changed the same thing (listed in the Conflicts panel).
    pub conflicts: Vec<Conflict>,
    /// What changed in the map, for the open board.
    pub patch: Patch,
    pub issues: Vec<SyncIssue>,
}

/// A map found in a shared folder, to add to the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SharedMap {
    #[ts(type = "string")]
    pub map_id: Id,
    pub title: String,
    /// The names of the laptops that write it.
    pub editors: Vec<String>,
    /// When its newest edit was made (UTC ms).
    #[ts(type = "number")]
    pub last_edit_at: i64,
    /// The library has this map already.
    pub in_library: bool,
}
