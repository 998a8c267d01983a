//! Touchpoint cards: each sits in one cell (a stage and a lane of the same map), ranked there.

use jejak_core::validate;
use jejak_core::{Card, CardAttrs, Id, NewCard, Op, Place};
use rusqlite::Connection;

use super::comments;
use super::personas::restore_emotion;
use super::ranked::resolve_place;
use super::{Applied, Touched};
use crate::{personas, rows};
use crate::{Result, StoreError};

/// Refuses a cell whose stage or lane is not in this map.
fn cell_in_map(conn: &Connection, map_id: Id, (stage_id, lane_id): (Id, Id)) -> Result<()> {
    rows::stage(conn, map_id, stage_id)?;
    rows::lane(conn, map_id, lane_id)?;
    Ok(())
}

/// Ops that bring back cards about to be deleted with their emotion scores and comments (which
/// are marked touched: the patch reports them gone with the cards).
pub(super) fn restore(conn: &Connection, cards: &[Card], t: &mut Touched) -> Result<Vec<Op>> {
    let mut ops: Vec<Op> = cards.iter().map(recreate_op).collect();
    for card in cards {
        let scores = personas::emotions_where(conn, "card_id", card.id)?;
        ops.extend(scores.iter().map(restore_emotion));
    }
    for card in cards {
        let gone = comments::taken_with(conn, "card_id", card.id, t)?;
        ops.extend(comments::restore(&gone));
    }
    Ok(ops)
}

fn recreate_op(card: &Card) -> Op {
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

pub(super) fn create(
    conn: &Connection,
    map_id: Id,
    card: &NewCard,
    place: &Place,
    t: &mut Touched,
) -> Result<Applied> {
    validate::card_text(&card.title, &card.body)?;
    let attrs = card.attrs.validated()?;
    if rows::id_exists(conn, "cards", card.id)? {
        return Err(StoreError::Conflict(format!(
            "id {} already exists",
            card.id
        )));
    }
    cell_in_map(conn, map_id, (card.stage_id, card.lane_id))?;
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
    Ok(Applied::new(
        Op::CreateCard {
            card: NewCard {
                attrs,
                ..card.clone()
            },
            place: Place::Rank(rank),
        },
        vec![Op::DeleteCard { id: card.id }],
    ))
}

pub(super) fn set_attrs(
    conn: &Connection,
    map_id: Id,
    id: Id,
    attrs: &CardAttrs,
    t: &mut Touched,
) -> Result<Applied> {
    let attrs = attrs.validated()?;
    let old = rows::card(conn, map_id, id)?;
    rows::set_card_attrs(conn, id, &attrs)?;
    t.cards.insert(id);
    Ok(Applied::new(
        Op::SetCardAttrs { id, attrs },
        vec![Op::SetCardAttrs {
            id,
            attrs: old.attrs,
        }],
    ))
}

pub(super) fn update_text(
    conn: &Connection,
    map_id: Id,
    id: Id,
    title: &str,
    body: &str,
    t: &mut Touched,
) -> Result<Applied> {
    validate::card_text(title, body)?;
    let old = rows::card(conn, map_id, id)?;
    rows::update_card_text(conn, id, title, body)?;
    t.cards.insert(id);
    Ok(Applied::new(
        Op::UpdateCard {
            id,
            title: title.to_owned(),
            body: body.to_owned(),
        },
        vec![Op::UpdateCard {
            id,
            title: old.title,
            body: old.body,
        }],
    ))
}

pub(super) fn move_to(
    conn: &Connection,
    map_id: Id,
    id: Id,
    (stage_id, lane_id): (Id, Id),
    place: &Place,
    t: &mut Touched,
) -> Result<Applied> {
    let old = rows::card(conn, map_id, id)?;
    cell_in_map(conn, map_id, (stage_id, lane_id))?;
    let siblings = rows::cell_ranks(conn, stage_id, lane_id)?;
    let rank = resolve_place(&siblings, place, id)?;
    rows::place_card(conn, id, stage_id, lane_id, &rank)?;
    t.cards.insert(id);
    Ok(Applied::new(
        Op::MoveCard {
            id,
            stage_id,
            lane_id,
            place: Place::Rank(rank),
        },
        vec![Op::MoveCard {
            id,
            stage_id: old.stage_id,
            lane_id: old.lane_id,
            place: Place::Rank(old.rank),
        }],
    ))
}

pub(super) fn delete(conn: &Connection, map_id: Id, id: Id, t: &mut Touched) -> Result<Applied> {
    let card = rows::card(conn, map_id, id)?;
    let inverse = restore(conn, std::slice::from_ref(&card), t)?;
    rows::delete_where(conn, "cards", "id", id)?;
    t.cards.insert(id);
    Ok(Applied::new(Op::DeleteCard { id }, inverse))
}
