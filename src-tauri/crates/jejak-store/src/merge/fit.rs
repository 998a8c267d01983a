//! Fitting a change's op to the map as the merge has it now, by the merge rules:
//! - a field set by a later change wins (field by field, `fields`);
//! - a change to something already deleted is dropped (and reported when the other side
//!   deleted it);
//! - a card whose stage or lane is gone is kept, parked in the Parked stage or lane;
//! - a stage or lane deleted on one side takes only the cards that side knew were in it: cards
//!   the other side put there are parked first;
//! - an order key taken meanwhile by another item is replaced by the next free one;
//! - creating what exists already (the same map upgraded on two laptops) is dropped.
//!
//! Every rule only reads the map and the change, never which side merges, so both sides of a
//! merge reach the same map.

use std::collections::HashSet;

use jejak_core::sync::ConflictOn;
use jejak_core::{CommentOn, Id, LaneKind, NewLane, NewStage, Op, Place};
use rusqlite::Connection;

use super::fields;
use super::place::{free, made_in, moved_since, parked_id};
use super::track::{Maker, Subject, Track};
use crate::changes::Change;
use crate::history::set_target;
use crate::Result;
use crate::{comments, personas, rows};

/// What a parked card's stage or lane is called (the same words on every laptop, so both sides
/// of a merge make the same map).
pub(crate) const PARKED: &str = "Parked";

pub(crate) struct Fit<'a> {
    pub conn: &'a Connection,
    pub map_id: Id,
    pub track: &'a mut Track,
    /// An undo or redo: a field (or a card's place) someone changed since the step set it keeps
    /// their value — a step takes back only what is still as it left it.
    pub keep_newer: bool,
}

impl Fit<'_> {
    /// The ops to apply, in order, for `op` of `change` (none when it no longer applies).
    pub fn op(&mut self, op: &Op, change: &Change, maker: &Maker) -> Result<Vec<Op>> {
        let conn = self.conn;
        let map_id = self.map_id;
        match op {
            Op::CreateStage { stage, place } => {
                if rows::id_exists(conn, "stages", stage.id)? {
                    return Ok(Vec::new());
                }
                let place = self.free_in_map("stages", stage.id, place)?;
                Ok(vec![Op::CreateStage {
                    stage: stage.clone(),
                    place,
                }])
            }
            Op::CreateLane { lane, place } => {
                if rows::id_exists(conn, "lanes", lane.id)? {
                    return Ok(Vec::new());
                }
                let place = self.free_in_map("lanes", lane.id, place)?;
                Ok(vec![Op::CreateLane {
                    lane: lane.clone(),
                    place,
                }])
            }
            Op::CreatePersona { persona, place } => {
                if rows::id_exists(conn, "personas", persona.id)? {
                    return Ok(Vec::new());
                }
                let place = self.free_in_map("personas", persona.id, place)?;
                Ok(vec![Op::CreatePersona {
                    persona: persona.clone(),
                    place,
                }])
            }
            Op::MoveStage { id, place } | Op::MoveLane { id, place } => {
                let table = if matches!(op, Op::MoveStage { .. }) {
                    "stages"
                } else {
                    "lanes"
                };
                if !self.exists_here(table, *id)? {
                    let subject = fields::subject_of(conn, map_id, op)?;
                    self.track.missed(maker, &subject);
                    return Ok(Vec::new());
                }
                let place = self.free_in_map(table, *id, place)?;
                Ok(vec![match op {
                    Op::MoveStage { .. } => Op::MoveStage { id: *id, place },
                    _ => Op::MoveLane { id: *id, place },
                }])
            }
            Op::DeleteStage { id } | Op::DeleteLane { id } => {
                self.delete_axis(op, *id, change, maker)
            }
            Op::CreateCard { card, place } => {
                if rows::id_exists(conn, "cards", card.id)? {
                    return Ok(Vec::new());
                }
                let mut out = Vec::new();
                let (stage_id, lane_id, gone) =
                    self.cell_or_parked(card.stage_id, card.lane_id, &mut out)?;
                let place = match gone {
                    Some(_) => Place::End,
                    None => self.free_in_cell(card.id, (stage_id, lane_id), place)?,
                };
                out.push(Op::CreateCard {
                    card: jejak_core::NewCard {
                        stage_id,
                        lane_id,
                        ..card.clone()
                    },
                    place,
                });
                self.track.touched(maker, card.id);
                if let Some(gone) = gone {
                    self.track
                        .parked(maker, &Subject::card(card.id, &card.title), gone);
                }
                Ok(out)
            }
            Op::MoveCard {
                id,
                stage_id,
                lane_id,
                place,
            } => {
                let subject = fields::subject_of(conn, map_id, op)?;
                let Some(card) = rows::find_card(conn, map_id, *id)? else {
                    self.track.missed(maker, &subject);
                    return Ok(Vec::new());
                };
                let first_move = self.track.redone.insert(format!("cell:{id}"));
                if self.keep_newer && first_move && moved_since(&card, *id, change) {
                    return Ok(Vec::new());
                }
                for (table, axis) in [("stages", *stage_id), ("lanes", *lane_id)] {
                    if !self.exists_here(table, axis)? {
                        // The card stays where it is; the other side's delete is reported.
                        self.track.missed(
                            maker,
                            &Subject {
                                id: axis,
                                ..subject.clone()
                            },
                        );
                        return Ok(Vec::new());
                    }
                }
                let place = self.free_in_cell(*id, (*stage_id, *lane_id), place)?;
                let cell = serde_json::json!({ "stageId": stage_id, "laneId": lane_id });
                self.track
                    .set(maker, format!("cell:{id}"), "cell", cell, &subject);
                Ok(vec![Op::MoveCard {
                    id: *id,
                    stage_id: *stage_id,
                    lane_id: *lane_id,
                    place,
                }])
            }
            Op::DeleteCard { id } | Op::DeletePersona { id } | Op::DeleteComment { id } => {
                let table = match op {
                    Op::DeleteCard { .. } => "cards",
                    Op::DeletePersona { .. } => "personas",
                    _ => "comments",
                };
                if !self.exists_here(table, *id)? {
                    return Ok(Vec::new());
                }
                let subject = fields::subject_of(conn, map_id, op)?;
                self.track.deleted(maker, &subject);
                Ok(vec![op.clone()])
            }
            Op::AddComment { comment } => {
                if rows::id_exists(conn, "comments", comment.id)? {
                    return Ok(Vec::new());
                }
                let on_here = match comment.on {
                    CommentOn::Card(card) => rows::find_card(conn, map_id, card)?.is_some(),
                    CommentOn::Stage(stage) => rows::find_stage(conn, map_id, stage)?.is_some(),
                };
                let thread_here = match comment.reply_to {
                    Some(first) => comments::find(conn, map_id, first)?.is_some(),
                    None => true,
                };
                if !on_here || !thread_here {
                    let (on, id) = match comment.on {
                        CommentOn::Card(card) => (ConflictOn::Card, card),
                        CommentOn::Stage(stage) => (ConflictOn::Stage, stage),
                    };
                    let subject = Subject {
                        on,
                        id,
                        label: String::new(),
                        cards: Vec::new(),
                    };
                    self.track.missed(maker, &subject);
                    return Ok(Vec::new());
                }
                Ok(vec![op.clone()])
            }
            _ => self.set(op, change, maker),
        }
    }

    /// A set op (rename, text, attributes, persona, comment text, score), field by field.
    fn set(&mut self, op: &Op, change: &Change, maker: &Maker) -> Result<Vec<Op>> {
        let Some(target) = set_target(op) else {
            return Ok(vec![op.clone()]);
        };
        let subject = fields::subject_of(self.conn, self.map_id, op)?;
        let Some(current) = fields::current(self.conn, self.map_id, op)? else {
            self.track.missed(maker, &subject);
            return Ok(Vec::new());
        };
        let before = change
            .inverse
            .iter()
            .rev()
            .find(|i| set_target(i).as_deref() == Some(target.as_str()));
        let again = self.keep_newer && !self.track.redone.insert(target.clone());
        let mut changed = fields::changed(op, if again { None } else { before })?;
        if let (true, false, Some(before)) = (self.keep_newer, again, before) {
            let mut kept = Vec::with_capacity(changed.len());
            for (pointer, value) in changed {
                if fields::value_at(&current, &pointer)? == fields::value_at(before, &pointer)? {
                    kept.push((pointer, value));
                }
            }
            changed = kept;
        }
        for (pointer, value) in &changed {
            let field = pointer.trim_start_matches('/');
            self.track
                .set(maker, target.clone(), field, value.clone(), &subject);
        }
        let fitted = fields::with(&current, &changed)?;
        Ok(if fitted == current {
            Vec::new()
        } else {
            vec![fitted]
        })
    }

    /// Deletes a stage or lane, parking first the cards in it that its deleter did not know of.
    fn delete_axis(&mut self, op: &Op, id: Id, change: &Change, maker: &Maker) -> Result<Vec<Op>> {
        let (table, column) = match op {
            Op::DeleteStage { .. } => ("stages", "stage_id"),
            _ => ("lanes", "lane_id"),
        };
        if !self.exists_here(table, id)? {
            return Ok(Vec::new());
        }
        let subject = fields::subject_of(self.conn, self.map_id, op)?;
        let known: HashSet<Id> = change
            .inverse
            .iter()
            .filter_map(|i| match i {
                Op::CreateCard { card, .. } => Some(card.id),
                _ => None,
            })
            .collect();
        self.track.deleted(maker, &subject);
        let mut out = Vec::new();
        let (knew_of, strangers): (Vec<_>, Vec<_>) = rows::cards_where(self.conn, column, id)?
            .into_iter()
            .partition(|c| known.contains(&c.id));
        let parked = match op {
            Op::DeleteStage { .. } => parked_id(self.map_id, "stage"),
            _ => parked_id(self.map_id, "lane"),
        };
        if id == parked && !strangers.is_empty() {
            // The Parked stage or lane itself, holding cards its deleter did not know of: they
            // stay (parked where they are); only the cards the deleter knew of go.
            for card in &strangers {
                self.track
                    .parked(maker, &Subject::card(card.id, &card.title), id);
            }
            return Ok(knew_of
                .iter()
                .map(|c| Op::DeleteCard { id: c.id })
                .collect());
        }
        if !strangers.is_empty() {
            let (stage, lane) = match op {
                Op::DeleteStage { .. } => (self.parked_stage(&mut out)?, None),
                _ => (None, self.parked_lane(&mut out)?),
            };
            for card in strangers {
                out.push(Op::MoveCard {
                    id: card.id,
                    stage_id: stage.unwrap_or(card.stage_id),
                    lane_id: lane.unwrap_or(card.lane_id),
                    place: Place::End,
                });
                self.track
                    .parked(maker, &Subject::card(card.id, &card.title), id);
            }
        }
        out.push(op.clone());
        Ok(out)
    }

    /// The card's cell, or the Parked stage or lane in place of the one that is gone (made when
    /// needed, its ops added to `out`); with the id of what was gone.
    fn cell_or_parked(
        &mut self,
        stage_id: Id,
        lane_id: Id,
        out: &mut Vec<Op>,
    ) -> Result<(Id, Id, Option<Id>)> {
        let mut gone = None;
        let stage = if self.exists_here("stages", stage_id)? {
            stage_id
        } else {
            gone = Some(stage_id);
            self.parked_stage(out)?.unwrap_or(stage_id)
        };
        let lane = if self.exists_here("lanes", lane_id)? {
            lane_id
        } else {
            gone = gone.or(Some(lane_id));
            self.parked_lane(out)?.unwrap_or(lane_id)
        };
        Ok((stage, lane, gone))
    }

    fn parked_stage(&mut self, out: &mut Vec<Op>) -> Result<Option<Id>> {
        let id = parked_id(self.map_id, "stage");
        if !self.exists_here("stages", id)? && !made_in(out, id) {
            out.push(Op::CreateStage {
                stage: NewStage {
                    id,
                    title: PARKED.into(),
                },
                place: Place::End,
            });
        }
        Ok(Some(id))
    }

    fn parked_lane(&mut self, out: &mut Vec<Op>) -> Result<Option<Id>> {
        let id = parked_id(self.map_id, "lane");
        if !self.exists_here("lanes", id)? && !made_in(out, id) {
            out.push(Op::CreateLane {
                lane: NewLane {
                    id,
                    title: PARKED.into(),
                    kind: LaneKind::Notes,
                },
                place: Place::End,
            });
        }
        Ok(Some(id))
    }

    fn exists_here(&self, table: &str, id: Id) -> Result<bool> {
        Ok(match table {
            "stages" => rows::find_stage(self.conn, self.map_id, id)?.is_some(),
            "lanes" => rows::find_lane(self.conn, self.map_id, id)?.is_some(),
            "cards" => rows::find_card(self.conn, self.map_id, id)?.is_some(),
            "personas" => personas::find(self.conn, self.map_id, id)?.is_some(),
            "comments" => comments::find(self.conn, self.map_id, id)?.is_some(),
            _ => false,
        })
    }

    /// `place` among the map's stages, lanes or personas, with a taken order key replaced.
    fn free_in_map(&self, table: &str, id: Id, place: &Place) -> Result<Place> {
        let siblings = rows::axis_ranks(self.conn, table, self.map_id)?;
        free(&siblings, id, place)
    }

    fn free_in_cell(&self, id: Id, (stage, lane): (Id, Id), place: &Place) -> Result<Place> {
        let siblings = rows::cell_ranks(self.conn, stage, lane)?;
        free(&siblings, id, place)
    }
}
