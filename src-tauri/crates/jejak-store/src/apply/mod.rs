//! Applying one operation inside an open transaction: validate, write, and return the op in its
//! exact (rank-resolved) form together with the ops that undo it. One module per entity; the
//! shapes they share (placing a ranked row) are in `ranked`.

mod axis;
mod cards;
mod comments;
mod personas;
mod ranked;

use std::collections::BTreeSet;

use jejak_core::validate;
use jejak_core::{Field, Horizon, Id, Op};
use rusqlite::Connection;

use crate::rows;
use crate::Result;

use axis::Axis;

/// Entities an op group touched; the patch reads their final state.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    pub map: bool,
    pub stages: BTreeSet<Id>,
    pub lanes: BTreeSet<Id>,
    pub cards: BTreeSet<Id>,
    pub personas: BTreeSet<Id>,
    pub emotions: BTreeSet<(Id, Id, Horizon)>,
    pub comments: BTreeSet<Id>,
}

pub(crate) struct Applied {
    /// The op as it was applied, with every `Place` turned into `Place::Rank`: replaying it gives
    /// the same result (redo).
    pub resolved: Op,
    /// Ops that undo this one, to be applied in order.
    pub inverse: Vec<Op>,
}

impl Applied {
    fn new(resolved: Op, inverse: Vec<Op>) -> Self {
        Self { resolved, inverse }
    }
}

pub(crate) fn apply(conn: &Connection, map_id: Id, op: &Op, t: &mut Touched) -> Result<Applied> {
    match op {
        Op::RenameMap { title } => {
            let title = validate::name(Field::MapTitle, title)?;
            let old = rows::map_meta(conn, map_id)?.title;
            rows::rename_map(conn, map_id, &title)?;
            t.map = true;
            Ok(Applied::new(
                Op::RenameMap { title },
                vec![Op::RenameMap { title: old }],
            ))
        }

        Op::CreateStage { stage, place } => axis::create_stage(conn, map_id, stage, place, t),
        Op::RenameStage { id, title } => axis::rename_stage(conn, map_id, *id, title, t),
        Op::MoveStage { id, place } => axis::move_axis(conn, map_id, Axis::Stage, *id, place, t),
        Op::DeleteStage { id } => axis::delete_axis(conn, map_id, Axis::Stage, *id, t),

        Op::CreateLane { lane, place } => axis::create_lane(conn, map_id, lane, place, t),
        Op::UpdateLane { id, title, kind } => axis::update_lane(conn, map_id, *id, title, *kind, t),
        Op::MoveLane { id, place } => axis::move_axis(conn, map_id, Axis::Lane, *id, place, t),
        Op::DeleteLane { id } => axis::delete_axis(conn, map_id, Axis::Lane, *id, t),

        Op::CreateCard { card, place } => cards::create(conn, map_id, card, place, t),
        Op::SetCardAttrs { id, attrs } => cards::set_attrs(conn, map_id, *id, attrs, t),
        Op::UpdateCard { id, title, body } => cards::update_text(conn, map_id, *id, title, body, t),
        Op::MoveCard {
            id,
            stage_id,
            lane_id,
            place,
        } => cards::move_to(conn, map_id, *id, (*stage_id, *lane_id), place, t),
        Op::DeleteCard { id } => cards::delete(conn, map_id, *id, t),

        Op::CreatePersona { persona, place } => personas::create(conn, map_id, persona, place, t),
        Op::UpdatePersona { persona } => personas::update(conn, map_id, persona, t),
        Op::DeletePersona { id } => personas::delete(conn, map_id, *id, t),
        Op::SetEmotion {
            card_id,
            persona_id,
            horizon,
            score,
        } => personas::set_emotion(conn, map_id, (*card_id, *persona_id, *horizon), *score, t),

        Op::AddComment { comment } => comments::add(conn, map_id, comment, t),
        Op::EditComment { id, text } => comments::edit(conn, map_id, *id, text, t),
        Op::ResolveComment { id, resolved } => comments::resolve(conn, map_id, *id, *resolved, t),
        Op::DeleteComment { id } => comments::delete(conn, map_id, *id, t),
    }
}
