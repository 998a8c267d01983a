//! Operations: every edit of a map is one of these. The store applies an op in a transaction and
//! records its inverse, so undo/redo is exact and lives in the library file.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::attrs::CardAttrs;
use crate::comment::Comment;
use crate::model::{Id, LaneKind};
use crate::persona::{Horizon, PersonaFields};

/// Where a new or moved item goes among its siblings (stages of a map, lanes of a map, cards of a
/// cell). The store turns this into a rank; inverses always use `Rank` so undo is exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "at", content = "value", rename_all = "camelCase")]
#[ts(export)]
pub enum Place {
    /// After the last sibling.
    End,
    /// Just before the given sibling.
    Before(Id),
    /// Exactly this rank key (used by undo/redo and imports).
    Rank(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewStage {
    pub id: Id,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewLane {
    pub id: Id,
    pub title: String,
    pub kind: LaneKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewCard {
    pub id: Id,
    pub stage_id: Id,
    pub lane_id: Id,
    pub title: String,
    pub body: String,
    /// Absent in history written before cards had attributes.
    #[serde(default)]
    pub attrs: CardAttrs,
}

/// One edit of one map. Ops are sent by the UI in groups: a group is one undo step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum Op {
    RenameMap {
        title: String,
    },

    CreateStage {
        stage: NewStage,
        place: Place,
    },
    RenameStage {
        id: Id,
        title: String,
    },
    MoveStage {
        id: Id,
        place: Place,
    },
    /// Deletes the stage and every card in it.
    DeleteStage {
        id: Id,
    },

    CreateLane {
        lane: NewLane,
        place: Place,
    },
    UpdateLane {
        id: Id,
        title: String,
        kind: LaneKind,
    },
    MoveLane {
        id: Id,
        place: Place,
    },
    /// Deletes the lane and every card in it.
    DeleteLane {
        id: Id,
    },

    CreateCard {
        card: NewCard,
        place: Place,
    },
    UpdateCard {
        id: Id,
        title: String,
        body: String,
    },
    /// Replaces all of a card's attributes (the inverse restores the previous set).
    SetCardAttrs {
        id: Id,
        attrs: CardAttrs,
    },
    MoveCard {
        id: Id,
        stage_id: Id,
        lane_id: Id,
        place: Place,
    },
    DeleteCard {
        id: Id,
    },

    CreatePersona {
        persona: PersonaFields,
        place: Place,
    },
    UpdatePersona {
        persona: PersonaFields,
    },
    /// Deletes the persona and every emotion score given for it.
    DeletePersona {
        id: Id,
    },
    /// Sets (or, with `None`, clears) how a persona feels at a card.
    SetEmotion {
        card_id: Id,
        persona_id: Id,
        horizon: Horizon,
        score: Option<i8>,
    },

    /// Adds a comment, or a reply to a thread, on a card or a stage.
    AddComment {
        comment: Comment,
    },
    /// Changes a comment's text (its author and time stay).
    EditComment {
        id: Id,
        text: String,
    },
    /// Resolves or reopens a thread (named by its first comment).
    ResolveComment {
        id: Id,
        resolved: bool,
    },
    /// Deletes a comment; deleting a thread's first comment deletes its replies too.
    DeleteComment {
        id: Id,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_have_a_stable_json_shape() {
        let id = uuid::Uuid::nil();
        let op = Op::MoveCard {
            id,
            stage_id: id,
            lane_id: id,
            place: Place::End,
        };
        let json = serde_json::to_value(&op).unwrap_or_default();
        assert_eq!(json["type"], "moveCard");
        assert_eq!(json["stageId"], id.to_string());
        assert_eq!(json["place"]["at"], "end");
        let back: Op = serde_json::from_value(json).unwrap_or(Op::DeleteCard { id });
        assert_eq!(back, op);
    }
}
