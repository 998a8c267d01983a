//! The entities of a journey map as the UI and the store exchange them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// Every entity id is a UUID; new ones are v7 so they sort by creation time.
pub type Id = Uuid;

pub fn new_id() -> Id {
    Uuid::now_v7()
}

/// Milliseconds since the Unix epoch, UTC.
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// One row of the map library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MapSummary {
    pub id: Id,
    pub title: String,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    /// Set when the map is in the trash.
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
    pub stage_count: u32,
    pub card_count: u32,
    /// A library search that found this map by a card's text, not its title: that card's title.
    pub found_in_card: Option<String>,
}

/// A stage is a column of the map (Awareness, Consideration...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Stage {
    pub id: Id,
    pub title: String,
    /// Fractional rank: stages are ordered by comparing these strings bytewise.
    pub rank: String,
}

/// What a lane holds; later issues give each kind its own rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LaneKind {
    Touchpoints,
    Actions,
    Thoughts,
    Emotions,
    PainPoints,
    Opportunities,
    Channels,
    Frontstage,
    Backstage,
    Support,
    Metrics,
    Notes,
}

impl LaneKind {
    pub const ALL: [LaneKind; 12] = [
        LaneKind::Touchpoints,
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::Emotions,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Channels,
        LaneKind::Frontstage,
        LaneKind::Backstage,
        LaneKind::Support,
        LaneKind::Metrics,
        LaneKind::Notes,
    ];

    /// The stable name stored in the library file.
    pub fn as_str(self) -> &'static str {
        match self {
            LaneKind::Touchpoints => "touchpoints",
            LaneKind::Actions => "actions",
            LaneKind::Thoughts => "thoughts",
            LaneKind::Emotions => "emotions",
            LaneKind::PainPoints => "painPoints",
            LaneKind::Opportunities => "opportunities",
            LaneKind::Channels => "channels",
            LaneKind::Frontstage => "frontstage",
            LaneKind::Backstage => "backstage",
            LaneKind::Support => "support",
            LaneKind::Metrics => "metrics",
            LaneKind::Notes => "notes",
        }
    }

    pub fn parse(s: &str) -> Option<LaneKind> {
        LaneKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A lane is a typed row of the map (touchpoints, pain points...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Lane {
    pub id: Id,
    pub title: String,
    pub kind: LaneKind,
    pub rank: String,
}

/// A card sits in one cell: one stage and one lane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Card {
    pub id: Id,
    pub stage_id: Id,
    pub lane_id: Id,
    pub title: String,
    pub body: String,
    /// Fractional rank inside the cell.
    pub rank: String,
    pub attrs: crate::attrs::CardAttrs,
}

/// The map's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MapMeta {
    pub id: Id,
    pub title: String,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// Whether undo and redo have anything to do for a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryState {
    pub can_undo: bool,
    pub can_redo: bool,
}

/// A whole open map: what the board needs to draw. Lists are sorted by rank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MapDoc {
    pub map: MapMeta,
    pub stages: Vec<Stage>,
    pub lanes: Vec<Lane>,
    pub cards: Vec<Card>,
    pub personas: Vec<crate::persona::Persona>,
    pub emotions: Vec<crate::persona::EmotionScore>,
    /// Comments on the map's cards and stages, oldest first.
    pub comments: Vec<crate::comment::Comment>,
    pub history: HistoryState,
}

/// What changed after an edit, so the UI updates without reloading the map.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Patch {
    pub map: Option<MapMeta>,
    pub stages: Vec<Stage>,
    pub lanes: Vec<Lane>,
    pub cards: Vec<Card>,
    pub deleted_stages: Vec<Id>,
    pub deleted_lanes: Vec<Id>,
    pub deleted_cards: Vec<Id>,
    pub personas: Vec<crate::persona::Persona>,
    pub deleted_personas: Vec<Id>,
    /// Scores set or changed.
    pub emotions: Vec<crate::persona::EmotionScore>,
    /// Scores cleared (their `score` field is meaningless).
    pub deleted_emotions: Vec<crate::persona::EmotionScore>,
    pub comments: Vec<crate::comment::Comment>,
    /// Comments deleted, with a card or stage deleted, or by an undo.
    pub deleted_comments: Vec<Id>,
    pub history: HistoryState,
}
