//! Applying one operation inside an open transaction: validate, write, and return the op in its
//! exact (rank-resolved) form together with the ops that undo it.

use std::collections::BTreeSet;

use jejak_core::persona::check_score;
use jejak_core::validate;
use jejak_core::Field;
use jejak_core::{
    rank, Card, EmotionScore, Horizon, Id, Lane, NewCard, NewLane, NewStage, Op, PersonaFields,
    Place, Stage,
};
use rusqlite::{params, Connection};

use crate::cached::Cached;
use crate::{personas, rows};
use crate::{Result, StoreError};

/// Entities an op group touched; the patch reads their final state.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    pub map: bool,
    pub stages: BTreeSet<Id>,
    pub lanes: BTreeSet<Id>,
    pub cards: BTreeSet<Id>,
    pub personas: BTreeSet<Id>,
    pub emotions: BTreeSet<(Id, Id, Horizon)>,
}

pub(crate) struct Applied {
    /// The op as it was applied, with every `Place` turned into `Place::Rank`: replaying it gives
    /// the same result (redo).
    pub resolved: Op,
    /// Ops that undo this one, to be applied in order.
    pub inverse: Vec<Op>,
}

/// The rank an item gets among `siblings` (sorted by rank), ignoring the item itself.
fn resolve_place(siblings: &[(Id, String)], place: &Place, this: Id) -> Result<String> {
    let others: Vec<&(Id, String)> = siblings.iter().filter(|(id, _)| *id != this).collect();
    match place {
        Place::End => Ok(rank::between(others.last().map(|(_, r)| r.as_str()), None)?),
        Place::Before(target) => {
            let pos = others
                .iter()
                .position(|(id, _)| id == target)
                .ok_or_else(|| StoreError::not_found("item to place before", target))?;
            let lower = pos
                .checked_sub(1)
                .and_then(|p| others.get(p))
                .map(|(_, r)| r.as_str());
            let upper = others.get(pos).map(|(_, r)| r.as_str());
            Ok(rank::between(lower, upper)?)
        }
        Place::Rank(r) => {
            rank::parse(r)?;
            if others.iter().any(|(_, other)| other == r) {
                return Err(StoreError::Conflict(format!("rank {r} is already taken")));
            }
            Ok(r.clone())
        }
    }
}

fn ensure_new(conn: &Connection, table: &str, id: Id) -> Result<()> {
    if rows::id_exists(conn, table, id)? {
        return Err(StoreError::Conflict(format!("id {id} already exists")));
    }
    Ok(())
}

fn card_in_map(conn: &Connection, map_id: Id, stage_id: Id, lane_id: Id) -> Result<()> {
    rows::stage(conn, map_id, stage_id)?;
    rows::lane(conn, map_id, lane_id)?;
    Ok(())
}

fn restore_emotion(e: &EmotionScore) -> Op {
    Op::SetEmotion {
        card_id: e.card_id,
        persona_id: e.persona_id,
        horizon: e.horizon,
        score: Some(e.score),
    }
}

/// Ops that bring back deleted cards with their emotion scores.
fn restore_cards(conn: &Connection, cards: &[Card]) -> Result<Vec<Op>> {
    let mut ops: Vec<Op> = cards.iter().map(restore_card).collect();
    for card in cards {
        let scores = personas::emotions_where(conn, "card_id", card.id)?;
        ops.extend(scores.iter().map(restore_emotion));
    }
    Ok(ops)
}

fn restore_card(card: &Card) -> Op {
    Op::CreateCard {
        card: NewCard {
            id: card.id,
            stage_id: card.stage_id,
            lane_id: card.lane_id,
            title: card.title.clone(),
            body: card.body.clone(),
            attrs: card.attrs.clone(),
        },
        place: Place::Rank(card.rank.clone()),
    }
}

pub(crate) fn apply(conn: &Connection, map_id: Id, op: &Op, t: &mut Touched) -> Result<Applied> {
    let map = map_id.to_string();
    match op {
        Op::RenameMap { title } => {
            let title = validate::name(Field::MapTitle, title)?;
            let old = rows::map_meta(conn, map_id)?.title;
            conn.exec_cached(
                "UPDATE maps SET title = ?1 WHERE id = ?2",
                params![title, map],
            )?;
            t.map = true;
            Ok(Applied {
                resolved: Op::RenameMap { title },
                inverse: vec![Op::RenameMap { title: old }],
            })
        }

        Op::CreateStage { stage, place } => {
            let title = validate::name(Field::StageTitle, &stage.title)?;
            ensure_new(conn, "stages", stage.id)?;
            let rank = resolve_place(&rows::axis_ranks(conn, "stages", map_id)?, place, stage.id)?;
            rows::insert_stage(
                conn,
                map_id,
                &Stage {
                    id: stage.id,
                    title: title.clone(),
                    rank: rank.clone(),
                },
            )?;
            t.stages.insert(stage.id);
            Ok(Applied {
                resolved: Op::CreateStage {
                    stage: NewStage {
                        id: stage.id,
                        title,
                    },
                    place: Place::Rank(rank),
                },
                inverse: vec![Op::DeleteStage { id: stage.id }],
            })
        }
        Op::RenameStage { id, title } => {
            let title = validate::name(Field::StageTitle, title)?;
            let old = rows::stage(conn, map_id, *id)?;
            conn.exec_cached(
                "UPDATE stages SET title = ?1 WHERE id = ?2",
                params![title, id.to_string()],
            )?;
            t.stages.insert(*id);
            Ok(Applied {
                resolved: Op::RenameStage { id: *id, title },
                inverse: vec![Op::RenameStage {
                    id: *id,
                    title: old.title,
                }],
            })
        }
        Op::MoveStage { id, place } => {
            let old = rows::stage(conn, map_id, *id)?;
            let rank = resolve_place(&rows::axis_ranks(conn, "stages", map_id)?, place, *id)?;
            conn.exec_cached(
                "UPDATE stages SET rank = ?1 WHERE id = ?2",
                params![rank, id.to_string()],
            )?;
            t.stages.insert(*id);
            Ok(Applied {
                resolved: Op::MoveStage {
                    id: *id,
                    place: Place::Rank(rank),
                },
                inverse: vec![Op::MoveStage {
                    id: *id,
                    place: Place::Rank(old.rank),
                }],
            })
        }
        Op::DeleteStage { id } => {
            let stage = rows::stage(conn, map_id, *id)?;
            let cards = rows::cards_where(conn, "stage_id", *id)?;
            let restore = restore_cards(conn, &cards)?;
            conn.exec_cached("DELETE FROM cards WHERE stage_id = ?1", [id.to_string()])?;
            conn.exec_cached("DELETE FROM stages WHERE id = ?1", [id.to_string()])?;
            t.stages.insert(*id);
            t.cards.extend(cards.iter().map(|c| c.id));
            let mut inverse = vec![Op::CreateStage {
                stage: NewStage {
                    id: stage.id,
                    title: stage.title,
                },
                place: Place::Rank(stage.rank),
            }];
            inverse.extend(restore);
            Ok(Applied {
                resolved: op.clone(),
                inverse,
            })
        }

        Op::CreateLane { lane, place } => {
            let title = validate::name(Field::LaneTitle, &lane.title)?;
            ensure_new(conn, "lanes", lane.id)?;
            let rank = resolve_place(&rows::axis_ranks(conn, "lanes", map_id)?, place, lane.id)?;
            let row = Lane {
                id: lane.id,
                title: title.clone(),
                kind: lane.kind,
                rank: rank.clone(),
            };
            rows::insert_lane(conn, map_id, &row)?;
            t.lanes.insert(lane.id);
            Ok(Applied {
                resolved: Op::CreateLane {
                    lane: NewLane {
                        id: lane.id,
                        title,
                        kind: lane.kind,
                    },
                    place: Place::Rank(rank),
                },
                inverse: vec![Op::DeleteLane { id: lane.id }],
            })
        }
        Op::UpdateLane { id, title, kind } => {
            let title = validate::name(Field::LaneTitle, title)?;
            let old = rows::lane(conn, map_id, *id)?;
            conn.exec_cached(
                "UPDATE lanes SET title = ?1, kind = ?2 WHERE id = ?3",
                params![title, kind.as_str(), id.to_string()],
            )?;
            t.lanes.insert(*id);
            Ok(Applied {
                resolved: Op::UpdateLane {
                    id: *id,
                    title,
                    kind: *kind,
                },
                inverse: vec![Op::UpdateLane {
                    id: *id,
                    title: old.title,
                    kind: old.kind,
                }],
            })
        }
        Op::MoveLane { id, place } => {
            let old = rows::lane(conn, map_id, *id)?;
            let rank = resolve_place(&rows::axis_ranks(conn, "lanes", map_id)?, place, *id)?;
            conn.exec_cached(
                "UPDATE lanes SET rank = ?1 WHERE id = ?2",
                params![rank, id.to_string()],
            )?;
            t.lanes.insert(*id);
            Ok(Applied {
                resolved: Op::MoveLane {
                    id: *id,
                    place: Place::Rank(rank),
                },
                inverse: vec![Op::MoveLane {
                    id: *id,
                    place: Place::Rank(old.rank),
                }],
            })
        }
        Op::DeleteLane { id } => {
            let lane = rows::lane(conn, map_id, *id)?;
            let cards = rows::cards_where(conn, "lane_id", *id)?;
            let restore = restore_cards(conn, &cards)?;
            conn.exec_cached("DELETE FROM cards WHERE lane_id = ?1", [id.to_string()])?;
            conn.exec_cached("DELETE FROM lanes WHERE id = ?1", [id.to_string()])?;
            t.lanes.insert(*id);
            t.cards.extend(cards.iter().map(|c| c.id));
            let mut inverse = vec![Op::CreateLane {
                lane: NewLane {
                    id: lane.id,
                    title: lane.title,
                    kind: lane.kind,
                },
                place: Place::Rank(lane.rank),
            }];
            inverse.extend(restore);
            Ok(Applied {
                resolved: op.clone(),
                inverse,
            })
        }

        Op::CreateCard { card, place } => {
            validate::card_text(&card.title, &card.body)?;
            let attrs = card.attrs.validated()?;
            ensure_new(conn, "cards", card.id)?;
            card_in_map(conn, map_id, card.stage_id, card.lane_id)?;
            let siblings = rows::cell_ranks(conn, card.stage_id, card.lane_id)?;
            let rank = resolve_place(&siblings, place, card.id)?;
            let row = Card {
                id: card.id,
                stage_id: card.stage_id,
                lane_id: card.lane_id,
                title: card.title.clone(),
                body: card.body.clone(),
                rank: rank.clone(),
                attrs: attrs.clone(),
            };
            rows::insert_card(conn, map_id, &row)?;
            t.cards.insert(card.id);
            Ok(Applied {
                resolved: Op::CreateCard {
                    card: NewCard {
                        attrs,
                        ..card.clone()
                    },
                    place: Place::Rank(rank),
                },
                inverse: vec![Op::DeleteCard { id: card.id }],
            })
        }
        Op::SetCardAttrs { id, attrs } => {
            let attrs = attrs.validated()?;
            let old = rows::card(conn, map_id, *id)?;
            conn.exec_cached(
                "UPDATE cards SET attrs = ?1 WHERE id = ?2",
                params![rows::attrs_json(&attrs)?, id.to_string()],
            )?;
            t.cards.insert(*id);
            Ok(Applied {
                resolved: Op::SetCardAttrs { id: *id, attrs },
                inverse: vec![Op::SetCardAttrs {
                    id: *id,
                    attrs: old.attrs,
                }],
            })
        }
        Op::UpdateCard { id, title, body } => {
            validate::card_text(title, body)?;
            let old = rows::card(conn, map_id, *id)?;
            conn.exec_cached(
                "UPDATE cards SET title = ?1, body = ?2 WHERE id = ?3",
                params![title, body, id.to_string()],
            )?;
            t.cards.insert(*id);
            Ok(Applied {
                resolved: op.clone(),
                inverse: vec![Op::UpdateCard {
                    id: *id,
                    title: old.title,
                    body: old.body,
                }],
            })
        }
        Op::MoveCard {
            id,
            stage_id,
            lane_id,
            place,
        } => {
            let old = rows::card(conn, map_id, *id)?;
            card_in_map(conn, map_id, *stage_id, *lane_id)?;
            let siblings = rows::cell_ranks(conn, *stage_id, *lane_id)?;
            let rank = resolve_place(&siblings, place, *id)?;
            conn.exec_cached(
                "UPDATE cards SET stage_id = ?1, lane_id = ?2, rank = ?3 WHERE id = ?4",
                params![
                    stage_id.to_string(),
                    lane_id.to_string(),
                    rank,
                    id.to_string()
                ],
            )?;
            t.cards.insert(*id);
            Ok(Applied {
                resolved: Op::MoveCard {
                    id: *id,
                    stage_id: *stage_id,
                    lane_id: *lane_id,
                    place: Place::Rank(rank),
                },
                inverse: vec![Op::MoveCard {
                    id: *id,
                    stage_id: old.stage_id,
                    lane_id: old.lane_id,
                    place: Place::Rank(old.rank),
                }],
            })
        }
        Op::DeleteCard { id } => {
            let card = rows::card(conn, map_id, *id)?;
            let inverse = restore_cards(conn, std::slice::from_ref(&card))?;
            conn.exec_cached("DELETE FROM cards WHERE id = ?1", [id.to_string()])?;
            t.cards.insert(*id);
            Ok(Applied {
                resolved: op.clone(),
                inverse,
            })
        }
        Op::CreatePersona { persona, place } => {
            let fields = persona.validated()?;
            ensure_new(conn, "personas", fields.id)?;
            let rank = resolve_place(
                &rows::axis_ranks(conn, "personas", map_id)?,
                place,
                fields.id,
            )?;
            personas::insert(conn, map_id, &fields, &rank)?;
            t.personas.insert(fields.id);
            Ok(Applied {
                resolved: Op::CreatePersona {
                    persona: fields.clone(),
                    place: Place::Rank(rank),
                },
                inverse: vec![Op::DeletePersona { id: fields.id }],
            })
        }
        Op::UpdatePersona { persona } => {
            let fields = persona.validated()?;
            let old = personas::find(conn, map_id, fields.id)?
                .ok_or_else(|| StoreError::not_found("persona", fields.id))?;
            personas::update(conn, &fields)?;
            t.personas.insert(fields.id);
            Ok(Applied {
                resolved: Op::UpdatePersona { persona: fields },
                inverse: vec![Op::UpdatePersona {
                    persona: PersonaFields::from(&old),
                }],
            })
        }
        Op::DeletePersona { id } => {
            let old = personas::find(conn, map_id, *id)?
                .ok_or_else(|| StoreError::not_found("persona", id))?;
            let scores = personas::emotions_where(conn, "persona_id", *id)?;
            conn.exec_cached("DELETE FROM personas WHERE id = ?1", [id.to_string()])?;
            t.personas.insert(*id);
            let mut inverse = vec![Op::CreatePersona {
                persona: PersonaFields::from(&old),
                place: Place::Rank(old.rank.clone()),
            }];
            inverse.extend(scores.iter().map(restore_emotion));
            Ok(Applied {
                resolved: op.clone(),
                inverse,
            })
        }
        Op::SetEmotion {
            card_id,
            persona_id,
            horizon,
            score,
        } => {
            let score = score.map(check_score).transpose()?;
            rows::card(conn, map_id, *card_id)?;
            personas::find(conn, map_id, *persona_id)?
                .ok_or_else(|| StoreError::not_found("persona", persona_id))?;
            let old = personas::emotion(conn, *card_id, *persona_id, *horizon)?;
            personas::set_emotion(conn, *card_id, *persona_id, *horizon, score)?;
            t.emotions.insert((*card_id, *persona_id, *horizon));
            Ok(Applied {
                resolved: Op::SetEmotion {
                    card_id: *card_id,
                    persona_id: *persona_id,
                    horizon: *horizon,
                    score,
                },
                inverse: vec![Op::SetEmotion {
                    card_id: *card_id,
                    persona_id: *persona_id,
                    horizon: *horizon,
                    score: old,
                }],
            })
        }
    }
}
