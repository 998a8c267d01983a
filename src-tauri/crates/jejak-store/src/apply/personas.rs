//! Personas of a map, and how each feels at a card (emotion scores, as-is and to-be).

use jejak_core::persona::check_score;
use jejak_core::{EmotionScore, Horizon, Id, Op, PersonaFields, Place};
use rusqlite::Connection;

use super::ranked::{place_new, MapRow};
use super::{Applied, Touched};
use crate::{personas, rows};
use crate::{Result, StoreError};

/// The op that sets a score back to what it was.
pub(super) fn restore_emotion(e: &EmotionScore) -> Op {
    Op::SetEmotion {
        card_id: e.card_id,
        persona_id: e.persona_id,
        horizon: e.horizon,
        score: Some(e.score),
    }
}

fn existing(conn: &Connection, map_id: Id, id: Id) -> Result<jejak_core::Persona> {
    personas::find(conn, map_id, id)?.ok_or_else(|| StoreError::not_found("persona", id))
}

pub(super) fn create(
    conn: &Connection,
    map_id: Id,
    persona: &PersonaFields,
    place: &Place,
    t: &mut Touched,
) -> Result<Applied> {
    let fields = persona.validated()?;
    let slot = MapRow {
        table: "personas",
        map_id,
        id: fields.id,
    };
    let rank = place_new(conn, slot, place)?;
    personas::insert(conn, map_id, &fields, &rank)?;
    t.personas.insert(fields.id);
    let id = fields.id;
    Ok(Applied::new(
        Op::CreatePersona {
            persona: fields,
            place: Place::Rank(rank),
        },
        vec![Op::DeletePersona { id }],
    ))
}

pub(super) fn update(
    conn: &Connection,
    map_id: Id,
    persona: &PersonaFields,
    t: &mut Touched,
) -> Result<Applied> {
    let fields = persona.validated()?;
    let old = existing(conn, map_id, fields.id)?;
    personas::update(conn, &fields)?;
    t.personas.insert(fields.id);
    Ok(Applied::new(
        Op::UpdatePersona { persona: fields },
        vec![Op::UpdatePersona {
            persona: PersonaFields::from(&old),
        }],
    ))
}

pub(super) fn delete(conn: &Connection, map_id: Id, id: Id, t: &mut Touched) -> Result<Applied> {
    let old = existing(conn, map_id, id)?;
    let scores = personas::emotions_where(conn, "persona_id", id)?;
    rows::delete_where(conn, "personas", "id", id)?;
    t.personas.insert(id);
    let mut inverse = vec![Op::CreatePersona {
        persona: PersonaFields::from(&old),
        place: Place::Rank(old.rank.clone()),
    }];
    inverse.extend(scores.iter().map(restore_emotion));
    Ok(Applied::new(Op::DeletePersona { id }, inverse))
}

pub(super) fn set_emotion(
    conn: &Connection,
    map_id: Id,
    (card_id, persona_id, horizon): (Id, Id, Horizon),
    score: Option<i8>,
    t: &mut Touched,
) -> Result<Applied> {
    let score = score.map(check_score).transpose()?;
    rows::card(conn, map_id, card_id)?;
    existing(conn, map_id, persona_id)?;
    let old = personas::emotion(conn, card_id, persona_id, horizon)?;
    personas::set_emotion(conn, card_id, persona_id, horizon, score)?;
    t.emotions.insert((card_id, persona_id, horizon));
    let op = |score| Op::SetEmotion {
        card_id,
        persona_id,
        horizon,
        score,
    };
    Ok(Applied::new(op(score), vec![op(old)]))
}
