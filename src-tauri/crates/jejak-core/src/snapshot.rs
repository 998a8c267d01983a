//! Snapshots: whole states of a map kept in the library, to look at or go back to beyond undo.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Id;

/// Longest name a user can give a snapshot (ui/src/lib/model/limits.ts knows it too).
pub const MAX_LABEL_CHARS: usize = 120;

/// What made a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SnapshotReason {
    /// Taken by the user, with a name.
    Named,
    /// Before the first edit of a day.
    Daily,
    /// Before the map was replaced by an imported version.
    Replace,
    /// Before another snapshot was restored over the map.
    Restore,
    /// Before a bulk change (figures or cards imported from a CSV file).
    Bulk,
    /// Before another copy of the map was merged into it.
    Merge,
}

impl SnapshotReason {
    pub const ALL: [SnapshotReason; 6] = [
        SnapshotReason::Named,
        SnapshotReason::Daily,
        SnapshotReason::Replace,
        SnapshotReason::Restore,
        SnapshotReason::Bulk,
        SnapshotReason::Merge,
    ];

    /// The stable name stored in the library file.
    pub fn as_str(self) -> &'static str {
        match self {
            SnapshotReason::Named => "named",
            SnapshotReason::Daily => "daily",
            SnapshotReason::Replace => "replace",
            SnapshotReason::Restore => "restore",
            SnapshotReason::Bulk => "bulk",
            SnapshotReason::Merge => "merge",
        }
    }

    pub fn parse(s: &str) -> Option<SnapshotReason> {
        SnapshotReason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// One snapshot of a map, as the History panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SnapshotInfo {
    pub id: Id,
    pub map_id: Id,
    /// When it was taken (Unix ms).
    #[ts(type = "number")]
    pub taken_at: i64,
    /// The user's name for it; empty for automatic ones (the UI words the reason).
    pub label: String,
    pub reason: SnapshotReason,
    pub stage_count: u32,
    pub lane_count: u32,
    pub card_count: u32,
}
