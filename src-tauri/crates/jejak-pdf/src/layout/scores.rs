//! Emotion scores looked up by (card, persona, horizon): the board, the cards, the persona pages
//! and the inventory all ask, so the map's list is indexed once instead of scanned per card.

use std::collections::HashMap;

use jejak_core::{EmotionScore, Horizon, Id};

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
