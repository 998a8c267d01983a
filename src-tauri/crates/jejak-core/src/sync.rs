//! What merging two copies of a map needs from the domain: the hybrid logical clock that orders
//! edits made on different laptops, and the conflicts a merge reports.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::model::Id;

/// A hybrid logical clock reading: wall-clock milliseconds, and a counter for edits within the
/// same millisecond or made while the wall clock lags behind a stamp already seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Clock {
    pub ms: i64,
    pub counter: u32,
}

impl Clock {
    /// The reading for a new local edit: later than `self` (every stamp seen so far) and than
    /// the wall clock `now_ms`.
    pub fn tick(self, now_ms: i64) -> Clock {
        if now_ms > self.ms {
            Clock {
                ms: now_ms,
                counter: 0,
            }
        } else {
            Clock {
                ms: self.ms,
                counter: self.counter.saturating_add(1),
            }
        }
    }

    /// Stamp text: sorts as the clock does, then by device, so every stamp is unique and the
    /// order of all edits is total and the same on every laptop.
    pub fn stamp(self, device: &str) -> String {
        format!("{:013}-{:06}-{device}", self.ms.max(0), self.counter)
    }

    /// The clock part of a stamp; `None` for text that is not one.
    pub fn of_stamp(stamp: &str) -> Option<Clock> {
        let mut parts = stamp.splitn(3, '-');
        let ms = parts.next()?;
        let counter = parts.next()?;
        parts.next()?;
        if ms.len() != 13 || counter.len() != 6 {
            return None;
        }
        Some(Clock {
            ms: ms.parse().ok()?,
            counter: counter.parse().ok()?,
        })
    }

    /// `"ms-counter"`, as kept in the library's settings.
    pub fn to_setting(self) -> String {
        format!("{}-{}", self.ms, self.counter)
    }

    pub fn from_setting(text: &str) -> Option<Clock> {
        let (ms, counter) = text.split_once('-')?;
        Some(Clock {
            ms: ms.parse().ok()?,
            counter: counter.parse().ok()?,
        })
    }
}

/// Which copy of the map an edit was made in, seen from the library that merges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Side {
    /// This library.
    Ours,
    /// The file or the other laptop.
    Theirs,
}

/// What kind of thing a conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ConflictOn {
    Map,
    Stage,
    Lane,
    Card,
    Persona,
    Comment,
    Emotion,
}

/// How the two sides' edits met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ConflictKind {
    /// Both changed the same field to different values; the later edit was kept.
    BothChanged,
    /// One side changed (or commented on) something the other side deleted; the delete stands.
    ChangedDeleted,
    /// One side deleted the stage or lane the other side put a card in; the card was kept and
    /// parked in the "Parked" stage or lane.
    Parked,
}

/// One side's part in a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConflictEdit {
    /// The name set on the laptop that made the edit (may be empty).
    pub author: String,
    pub device: String,
    /// When the edit was made (UTC milliseconds, from its stamp).
    #[ts(type = "number")]
    pub at: i64,
    /// What the edit did: the field's value for `bothChanged`, `"deleted"` for a delete, the
    /// cell `{stageId, laneId}` for a move; `null` when there is nothing to show.
    #[ts(type = "unknown")]
    pub value: Value,
}

/// A place where both sides edited the same thing differently, as a merge found it. The merge
/// applied a rule; the conflict stays listed until the user dismisses it or takes the other
/// version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Conflict {
    pub id: Id,
    pub kind: ConflictKind,
    pub on: ConflictOn,
    pub thing_id: Id,
    /// The thing's title (or text) when the conflict was found, to name it even once it is gone.
    pub label: String,
    /// The field both changed (`title`, `body`, `attrs/channel`, `cell`...); empty when not one field.
    pub field: String,
    /// Cards to mark on the board while the conflict is listed.
    pub cards: Vec<Id>,
    pub ours: ConflictEdit,
    pub theirs: ConflictEdit,
    /// Whose edit the map now shows.
    pub kept: Side,
    /// Whether "use the other version" can put the other side's value in place.
    pub can_use_other: bool,
    /// When the merge found it (UTC milliseconds).
    #[ts(type = "number")]
    pub found_at: i64,
    /// What "use the other version" sets (the store's name for the field's owner).
    #[serde(default)]
    #[ts(skip)]
    pub target: String,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergeReport {
    /// Edit steps that came in from the other side (0: the map already had them all).
    pub received: u32,
    /// Edit steps of this library the other side did not have.
    pub kept_ours: u32,
    pub conflicts: Vec<Conflict>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_sort_as_clocks_do() {
        let a = Clock {
            ms: 999,
            counter: 7,
        }
        .stamp("b");
        let b = Clock {
            ms: 1_000,
            counter: 0,
        }
        .stamp("a");
        assert!(a < b, "{a} < {b}");
        let c = Clock {
            ms: 1_000,
            counter: 10,
        }
        .stamp("a");
        assert!(b < c);
        assert_eq!(
            Clock::of_stamp(&c),
            Some(Clock {
                ms: 1_000,
                counter: 10
            })
        );
        assert_eq!(Clock::of_stamp("nonsense"), None);
    }

    #[test]
    fn a_tick_is_later_than_everything_seen() {
        let seen = Clock {
            ms: 5_000,
            counter: 3,
        };
        assert_eq!(
            seen.tick(4_000),
            Clock {
                ms: 5_000,
                counter: 4
            }
        );
        assert_eq!(
            seen.tick(6_000),
            Clock {
                ms: 6_000,
                counter: 0
            }
        );
        let back = Clock::from_setting(&seen.to_setting());
        assert_eq!(back, Some(seen));
    }
}
