//! How the parts of a map read from JSON refer to each other: ids unique, every card, score and
//! comment about something the map has, orders without ties.

use std::collections::HashSet;

use crate::comment::CommentOn;
use crate::model::{Id, MapDoc};

/// Ids unique, every card in a stage and lane of the map, every score on a card and a persona of
/// the map, orders without ties.
pub(super) fn check_references(doc: &MapDoc) -> Result<(), String> {
    let mut ids = HashSet::new();
    let all = std::iter::once(("map", doc.map.id))
        .chain(doc.stages.iter().map(|s| ("stage", s.id)))
        .chain(doc.lanes.iter().map(|l| ("lane", l.id)))
        .chain(doc.cards.iter().map(|c| ("card", c.id)))
        .chain(doc.personas.iter().map(|p| ("persona", p.id)))
        .chain(doc.comments.iter().map(|c| ("comment", c.id)));
    for (what, id) in all {
        if !ids.insert(id) {
            return Err(format!("the {what} id {id} is used twice"));
        }
    }
    let stages: HashSet<Id> = doc.stages.iter().map(|s| s.id).collect();
    let lanes: HashSet<Id> = doc.lanes.iter().map(|l| l.id).collect();
    let cards: HashSet<Id> = doc.cards.iter().map(|c| c.id).collect();
    let personas: HashSet<Id> = doc.personas.iter().map(|p| p.id).collect();
    for c in &doc.cards {
        if !stages.contains(&c.stage_id) || !lanes.contains(&c.lane_id) {
            return Err(format!(
                "card {} is in a stage or lane the map does not have",
                c.id
            ));
        }
    }
    let mut scored = HashSet::new();
    for e in &doc.emotions {
        if !cards.contains(&e.card_id) || !personas.contains(&e.persona_id) {
            return Err(format!(
                "an emotion score names card {} or persona {}, which the map does not have",
                e.card_id, e.persona_id
            ));
        }
        if !scored.insert((e.card_id, e.persona_id, e.horizon)) {
            return Err(format!(
                "card {} is scored twice for one persona",
                e.card_id
            ));
        }
    }
    check_comments(doc, &stages, &cards)?;
    unique_ranks("stages", doc.stages.iter().map(|s| ((), s.rank.as_str())))?;
    unique_ranks("lanes", doc.lanes.iter().map(|l| ((), l.rank.as_str())))?;
    unique_ranks(
        "personas",
        doc.personas.iter().map(|p| ((), p.rank.as_str())),
    )?;
    unique_ranks(
        "cards",
        doc.cards
            .iter()
            .map(|c| ((c.stage_id, c.lane_id), c.rank.as_str())),
    )
}

fn unique_ranks<'a, K: Eq + std::hash::Hash>(
    what: &str,
    ranks: impl Iterator<Item = (K, &'a str)>,
) -> Result<(), String> {
    let mut seen = HashSet::new();
    for (group, rank) in ranks {
        if crate::rank::parse(rank).is_err() || !seen.insert((group, rank)) {
            return Err(format!(
                "two {what} share the order key {rank:?}, or it is not valid"
            ));
        }
    }
    Ok(())
}

/// Every comment on a card or stage of the map; a reply to a first comment about the same thing.
fn check_comments(doc: &MapDoc, stages: &HashSet<Id>, cards: &HashSet<Id>) -> Result<(), String> {
    for c in &doc.comments {
        let there = match c.on {
            CommentOn::Card(id) => cards.contains(&id),
            CommentOn::Stage(id) => stages.contains(&id),
        };
        if !there {
            return Err(format!(
                "comment {} is on a card or stage the map does not have",
                c.id
            ));
        }
    }
    match crate::comment::stray_reply(&doc.comments) {
        Some(id) => Err(format!(
            "comment {id} replies to a thread the map does not have"
        )),
        None => Ok(()),
    }
}
