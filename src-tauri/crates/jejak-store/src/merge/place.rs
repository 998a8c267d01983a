//! Small rules of fitting about places: where a card was left, the Parked stage's id, free order
//! keys.

use jejak_core::{rank, Id, Op, Place};

use crate::changes::Change;
use crate::{Result, StoreError};

/// Whether the card is no longer where the step put it (the step's own move is in its opposite
/// list, `change.inverse`): someone moved it since.
pub(super) fn moved_since(card: &jejak_core::Card, id: Id, change: &Change) -> bool {
    let left_in = change.inverse.iter().rev().find_map(|op| match op {
        Op::MoveCard {
            id: moved,
            stage_id,
            lane_id,
            ..
        } if *moved == id => Some((*stage_id, *lane_id)),
        _ => None,
    });
    left_in.is_some_and(|cell| cell != (card.stage_id, card.lane_id))
}

/// The Parked stage or lane of a map: the same id on every laptop.
pub(super) fn parked_id(map_id: Id, what: &str) -> Id {
    let mut seed = map_id.as_bytes().to_vec();
    seed.extend(b"parked-");
    seed.extend(what.as_bytes());
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, &seed)
}

pub(super) fn made_in(out: &[Op], id: Id) -> bool {
    out.iter().any(|op| match op {
        Op::CreateStage { stage, .. } => stage.id == id,
        Op::CreateLane { lane, .. } => lane.id == id,
        _ => false,
    })
}

/// `place`, unless it is an order key another sibling has now: then the next free key after it.
/// A place before a sibling that is gone becomes the end.
pub(super) fn free(siblings: &[(Id, String)], id: Id, place: &Place) -> Result<Place> {
    let others: Vec<&(Id, String)> = siblings.iter().filter(|(s, _)| *s != id).collect();
    match place {
        Place::Rank(wanted) => {
            if !others.iter().any(|(_, r)| r == wanted) {
                return Ok(place.clone());
            }
            let next = others
                .iter()
                .map(|(_, r)| r.as_str())
                .find(|r| *r > wanted.as_str());
            let rank = rank::between(Some(wanted), next).map_err(StoreError::from)?;
            Ok(Place::Rank(rank))
        }
        Place::Before(target) if !others.iter().any(|(s, _)| s == target) => Ok(Place::End),
        _ => Ok(place.clone()),
    }
}
