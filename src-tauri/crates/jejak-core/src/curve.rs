//! The emotion curve's inputs, shared by every export that draws it: the cards it passes through,
//! in journey order, and the scores looked up by (card, persona, horizon), indexed once instead of
//! scanned per card.

use std::collections::HashMap;

use crate::model::{Card, LaneKind, MapDoc};
use crate::persona::{EmotionScore, Horizon, Persona};
use crate::Id;

/// Touchpoints the curve runs through, in journey order: cards of touchpoint lanes (every card
/// when the map has none), stage by stage, then lane order, then rank. Same rule as the board.
pub fn touchpoints_in_order(doc: &MapDoc) -> Vec<&Card> {
    let touch: Vec<Id> = doc
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Touchpoints)
        .map(|l| l.id)
        .collect();
    let lane_pos: HashMap<Id, usize> = doc
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id, i))
        .collect();
    let mut out = Vec::new();
    for stage in &doc.stages {
        let mut here: Vec<&Card> = doc
            .cards
            .iter()
            .filter(|c| c.stage_id == stage.id && (touch.is_empty() || touch.contains(&c.lane_id)))
            .collect();
        here.sort_by(|a, b| {
            (lane_pos.get(&a.lane_id), &a.rank).cmp(&(lane_pos.get(&b.lane_id), &b.rank))
        });
        out.extend(here);
    }
    out
}

/// Emotion scores by (card, persona, horizon).
pub struct Scores(HashMap<(Id, Id, Horizon), i8>);

impl Scores {
    pub fn new(emotions: &[EmotionScore]) -> Scores {
        Scores(
            emotions
                .iter()
                .map(|e| ((e.card_id, e.persona_id, e.horizon), e.score))
                .collect(),
        )
    }

    pub fn get(&self, card: Id, persona: Id, horizon: Horizon) -> Option<i8> {
        self.0.get(&(card, persona, horizon)).copied()
    }
}

/// The lines the curve draws, persona by persona, as-is before to-be: those with a score on at
/// least one of its touchpoints. A legend lists these and no others.
pub fn drawn_lines<'a>(doc: &'a MapDoc, scores: &Scores) -> Vec<(&'a Persona, Horizon)> {
    let cards = touchpoints_in_order(doc);
    doc.personas
        .iter()
        .flat_map(|p| [(p, Horizon::AsIs), (p, Horizon::ToBe)])
        .filter(|(p, h)| cards.iter().any(|c| scores.get(c.id, p.id, *h).is_some()))
        .collect()
}
