//! Stages (the map's columns) and lanes (its rows): created, renamed, moved and deleted the same
//! way, a deleted one taking its cards with it (and bringing them back on undo).

use jejak_core::validate;
use jejak_core::{Field, Id, Lane, LaneKind, NewLane, NewStage, Op, Place, Stage};
use rusqlite::Connection;

use super::ranked::{move_row, place_new, MapRow};
use super::{cards, comments, Applied, Touched};
use crate::rows;
use crate::Result;

#[derive(Clone, Copy)]
pub(super) enum Axis {
    Stage,
    Lane,
}

impl Axis {
    fn table(self) -> &'static str {
        match self {
            Axis::Stage => "stages",
            Axis::Lane => "lanes",
        }
    }

    /// The card column that points at a row of this axis.
    fn card_column(self) -> &'static str {
        match self {
            Axis::Stage => "stage_id",
            Axis::Lane => "lane_id",
        }
    }

    fn touch(self, t: &mut Touched, id: Id) {
        match self {
            Axis::Stage => t.stages.insert(id),
            Axis::Lane => t.lanes.insert(id),
        };
    }

    fn slot(self, map_id: Id, id: Id) -> MapRow<'static> {
        MapRow {
            table: self.table(),
            map_id,
            id,
        }
    }

    /// A row just created: touched, and undone by deleting it.
    fn created(self, t: &mut Touched, resolved: Op, id: Id) -> Applied {
        self.touch(t, id);
        let inverse = match self {
            Axis::Stage => Op::DeleteStage { id },
            Axis::Lane => Op::DeleteLane { id },
        };
        Applied::new(resolved, vec![inverse])
    }

    fn move_op(self, id: Id, rank: String) -> Op {
        let place = Place::Rank(rank);
        match self {
            Axis::Stage => Op::MoveStage { id, place },
            Axis::Lane => Op::MoveLane { id, place },
        }
    }

    /// The op that brings row `id` back as it is now (for undoing its delete), and its rank.
    fn recreate_op(self, conn: &Connection, map_id: Id, id: Id) -> Result<(Op, String)> {
        Ok(match self {
            Axis::Stage => {
                let Stage { id, title, rank } = rows::stage(conn, map_id, id)?;
                let stage = NewStage { id, title };
                let op = Op::CreateStage {
                    stage,
                    place: Place::Rank(rank.clone()),
                };
                (op, rank)
            }
            Axis::Lane => {
                let Lane {
                    id,
                    title,
                    kind,
                    rank,
                } = rows::lane(conn, map_id, id)?;
                let lane = NewLane { id, title, kind };
                let op = Op::CreateLane {
                    lane,
                    place: Place::Rank(rank.clone()),
                };
                (op, rank)
            }
        })
    }
}

pub(super) fn create_stage(
    conn: &Connection,
    map_id: Id,
    stage: &NewStage,
    place: &Place,
    t: &mut Touched,
) -> Result<Applied> {
    let NewStage { id, title } = stage;
    let title = validate::name(Field::StageTitle, title)?;
    let rank = place_new(conn, Axis::Stage.slot(map_id, *id), place)?;
    let row = Stage {
        id: *id,
        title: title.clone(),
        rank: rank.clone(),
    };
    rows::insert_stage(conn, map_id, &row)?;
    let stage = NewStage { id: *id, title };
    Ok(Axis::Stage.created(
        t,
        Op::CreateStage {
            stage,
            place: Place::Rank(rank),
        },
        *id,
    ))
}

pub(super) fn rename_stage(
    conn: &Connection,
    map_id: Id,
    id: Id,
    title: &str,
    t: &mut Touched,
) -> Result<Applied> {
    let title = validate::name(Field::StageTitle, title)?;
    let old = rows::stage(conn, map_id, id)?;
    rows::rename_stage(conn, id, &title)?;
    t.stages.insert(id);
    Ok(Applied::new(
        Op::RenameStage { id, title },
        vec![Op::RenameStage {
            id,
            title: old.title,
        }],
    ))
}

pub(super) fn create_lane(
    conn: &Connection,
    map_id: Id,
    lane: &NewLane,
    place: &Place,
    t: &mut Touched,
) -> Result<Applied> {
    let title = validate::name(Field::LaneTitle, &lane.title)?;
    let rank = place_new(conn, Axis::Lane.slot(map_id, lane.id), place)?;
    let lane = NewLane { title, ..*lane };
    rows::insert_lane(
        conn,
        map_id,
        &Lane {
            id: lane.id,
            title: lane.title.clone(),
            kind: lane.kind,
            rank: rank.clone(),
        },
    )?;
    let id = lane.id;
    Ok(Axis::Lane.created(
        t,
        Op::CreateLane {
            lane,
            place: Place::Rank(rank),
        },
        id,
    ))
}

pub(super) fn update_lane(
    conn: &Connection,
    map_id: Id,
    id: Id,
    title: &str,
    kind: LaneKind,
    t: &mut Touched,
) -> Result<Applied> {
    let title = validate::name(Field::LaneTitle, title)?;
    let old = rows::lane(conn, map_id, id)?;
    rows::update_lane(conn, id, &title, kind)?;
    t.lanes.insert(id);
    Ok(Applied::new(
        Op::UpdateLane { id, title, kind },
        vec![Op::UpdateLane {
            id,
            title: old.title,
            kind: old.kind,
        }],
    ))
}

pub(super) fn move_axis(
    conn: &Connection,
    map_id: Id,
    axis: Axis,
    id: Id,
    place: &Place,
    t: &mut Touched,
) -> Result<Applied> {
    let (_, old_rank) = axis.recreate_op(conn, map_id, id)?;
    let rank = move_row(conn, axis.slot(map_id, id), place)?;
    axis.touch(t, id);
    Ok(Applied::new(
        axis.move_op(id, rank),
        vec![axis.move_op(id, old_rank)],
    ))
}

pub(super) fn delete_axis(
    conn: &Connection,
    map_id: Id,
    axis: Axis,
    id: Id,
    t: &mut Touched,
) -> Result<Applied> {
    let (recreate, _) = axis.recreate_op(conn, map_id, id)?;
    let gone = rows::cards_where(conn, axis.card_column(), id)?;
    let mut inverse = vec![recreate];
    inverse.extend(cards::restore(conn, &gone, t)?);
    if let Axis::Stage = axis {
        let said = comments::taken_with(conn, "stage_id", id, t)?;
        inverse.extend(comments::restore(&said));
    }
    rows::delete_where(conn, "cards", axis.card_column(), id)?;
    rows::delete_where(conn, axis.table(), "id", id)?;
    axis.touch(t, id);
    t.cards.extend(gone.iter().map(|c| c.id));
    let resolved = match axis {
        Axis::Stage => Op::DeleteStage { id },
        Axis::Lane => Op::DeleteLane { id },
    };
    Ok(Applied::new(resolved, inverse))
}
