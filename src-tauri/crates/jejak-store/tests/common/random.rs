#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // shared by the property tests

//! Random edits described by small numbers and turned into real ops against the current map, and
//! the invariants every map keeps: shared by the property tests.

use std::collections::HashSet;

use jejak_core::attrs::TouchpointKind;
use jejak_core::{new_id, CardAttrs, LaneKind, MapDoc, NewCard, NewLane, NewStage, Op, Place};
use jejak_core::{Comment, CommentOn, Horizon, PersonaFields};
use proptest::prelude::*;

/// An edit described by small numbers, turned into a real op against the current map.
#[derive(Debug, Clone)]
pub struct Step {
    kind: u8,
    a: usize,
    b: usize,
    c: usize,
    text: String,
}

pub fn step() -> impl Strategy<Value = Step> {
    (0u8..17, 0usize..8, 0usize..8, 0usize..8, "[a-zA-Zé ]{0,8}").prop_map(
        |(kind, a, b, c, text)| Step {
            kind,
            a,
            b,
            c,
            text,
        },
    )
}

fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

fn place_among(ids: &[uuid::Uuid], i: usize) -> Place {
    match pick(ids, i) {
        Some(id) if !i.is_multiple_of(3) => Place::Before(*id),
        _ => Place::End,
    }
}

pub fn to_op(doc: &MapDoc, s: &Step) -> Option<Op> {
    let stage_ids: Vec<_> = doc.stages.iter().map(|x| x.id).collect();
    let lane_ids: Vec<_> = doc.lanes.iter().map(|x| x.id).collect();
    let card_ids: Vec<_> = doc.cards.iter().map(|x| x.id).collect();
    Some(match s.kind {
        0..=2 => {
            let stage_id = *pick(&stage_ids, s.a)?;
            let lane_id = *pick(&lane_ids, s.b)?;
            let in_cell: Vec<_> = doc
                .cards
                .iter()
                .filter(|c| c.stage_id == stage_id && c.lane_id == lane_id)
                .map(|c| c.id)
                .collect();
            Op::CreateCard {
                card: NewCard {
                    id: new_id(),
                    stage_id,
                    lane_id,
                    title: s.text.clone(),
                    body: "b".into(),
                    attrs: CardAttrs::default(),
                },
                place: place_among(&in_cell, s.c),
            }
        }
        3 if s.b.is_multiple_of(2) => Op::SetCardAttrs {
            id: *pick(&card_ids, s.a)?,
            attrs: CardAttrs {
                kind: [
                    None,
                    Some(TouchpointKind::Digital),
                    Some(TouchpointKind::Human),
                ][s.c % 3],
                moment_of_truth: s.c.is_multiple_of(2),
                owner: (!s.text.is_empty()).then(|| s.text.clone()),
                tags: vec![s.text.clone(), "t".into()],
                ..CardAttrs::default()
            },
        },
        3 => Op::UpdateCard {
            id: *pick(&card_ids, s.a)?,
            title: s.text.clone(),
            body: s.text.repeat(2),
        },
        4 | 5 => {
            let id = *pick(&card_ids, s.a)?;
            let stage_id = *pick(&stage_ids, s.b)?;
            let lane_id = *pick(&lane_ids, s.c)?;
            let in_cell: Vec<_> = doc
                .cards
                .iter()
                .filter(|c| c.stage_id == stage_id && c.lane_id == lane_id && c.id != id)
                .map(|c| c.id)
                .collect();
            Op::MoveCard {
                id,
                stage_id,
                lane_id,
                place: place_among(&in_cell, s.a + s.c),
            }
        }
        6 => Op::DeleteCard {
            id: *pick(&card_ids, s.a)?,
        },
        7 => Op::CreateStage {
            stage: NewStage {
                id: new_id(),
                title: format!("S{}", s.text),
            },
            place: place_among(&stage_ids, s.b),
        },
        8 => Op::RenameStage {
            id: *pick(&stage_ids, s.a)?,
            title: format!("R{}", s.text),
        },
        9 => Op::MoveStage {
            id: *pick(&stage_ids, s.a)?,
            place: place_among(&stage_ids, s.b),
        },
        10 => Op::DeleteStage {
            id: *pick(&stage_ids, s.a)?,
        },
        11 => match s.b % 3 {
            0 => Op::CreateLane {
                lane: NewLane {
                    id: new_id(),
                    title: format!("L{}", s.text),
                    kind: LaneKind::ALL[s.c % 12],
                },
                place: place_among(&lane_ids, s.a),
            },
            1 => Op::MoveLane {
                id: *pick(&lane_ids, s.a)?,
                place: place_among(&lane_ids, s.c),
            },
            _ => Op::UpdateLane {
                id: *pick(&lane_ids, s.a)?,
                title: format!("U{}", s.text),
                kind: LaneKind::ALL[s.c % 12],
            },
        },
        13 => match (s.b % 3, doc.personas.len()) {
            (0, n) if n < 3 => Op::CreatePersona {
                persona: PersonaFields {
                    id: new_id(),
                    name: format!("P{}", s.text),
                    role: s.text.clone(),
                    goals: String::new(),
                    needs: String::new(),
                    pains: String::new(),
                    color: "#123456".into(),
                    photo: None,
                },
                place: Place::End,
            },
            (1, _) => Op::DeletePersona {
                id: pick(&doc.personas, s.a)?.id,
            },
            _ => Op::UpdatePersona {
                persona: PersonaFields {
                    name: format!("Q{}", s.text),
                    ..PersonaFields::from(pick(&doc.personas, s.a)?)
                },
            },
        },
        14 => Op::SetEmotion {
            card_id: *pick(&card_ids, s.a)?,
            persona_id: pick(&doc.personas, s.b)?.id,
            horizon: if s.c.is_multiple_of(2) {
                Horizon::AsIs
            } else {
                Horizon::ToBe
            },
            score: (s.c % 6 != 5).then_some((s.c % 5) as i8 - 2),
        },
        15 => {
            let on = match (s.b % 2, pick(&card_ids, s.a)) {
                (0, Some(card)) => CommentOn::Card(*card),
                _ => CommentOn::Stage(*pick(&stage_ids, s.a)?),
            };
            // Sometimes a reply to a thread (which is refused unless it is about the same thing).
            let reply_to =
                s.c.is_multiple_of(3)
                    .then(|| pick(&doc.comments, s.c).map(|c| c.id))
                    .flatten();
            Op::AddComment {
                comment: Comment {
                    id: new_id(),
                    on,
                    reply_to,
                    author: "Ayu".into(),
                    text: format!("c {}", s.text),
                    created_at: s.a as i64,
                    resolved: s.b.is_multiple_of(3),
                },
            }
        }
        16 => {
            let id = pick(&doc.comments, s.a)?.id;
            match s.b % 3 {
                0 => Op::ResolveComment {
                    id,
                    resolved: s.c.is_multiple_of(2),
                },
                1 => Op::EditComment {
                    id,
                    text: format!("e {}", s.text),
                },
                _ => Op::DeleteComment { id },
            }
        }
        _ => match s.b % 2 {
            0 => Op::DeleteLane {
                id: *pick(&lane_ids, s.a)?,
            },
            _ => Op::RenameMap {
                title: format!("Map {}", s.text),
            },
        },
    })
}

/// The parts of a map that edits change; `updated_at` and history flags legitimately move.
pub type Content = (
    String,
    Vec<jejak_core::Stage>,
    Vec<jejak_core::Lane>,
    Vec<jejak_core::Card>,
    Vec<jejak_core::Persona>,
    Vec<jejak_core::EmotionScore>,
    Vec<Comment>,
);

pub fn content(doc: &MapDoc) -> Content {
    let mut cards = doc.cards.clone();
    cards.sort_by_key(|c| c.id);
    let mut comments = doc.comments.clone();
    comments.sort_by_key(|c| c.id);
    (
        doc.map.title.clone(),
        doc.stages.clone(),
        doc.lanes.clone(),
        cards,
        doc.personas.clone(),
        doc.emotions.clone(),
        comments,
    )
}

pub fn check_invariants(doc: &MapDoc) {
    let stages: HashSet<_> = doc.stages.iter().map(|s| s.id).collect();
    let lanes: HashSet<_> = doc.lanes.iter().map(|l| l.id).collect();
    let mut cell_ranks = HashSet::new();
    for c in &doc.cards {
        assert!(
            stages.contains(&c.stage_id),
            "card {} in a missing stage",
            c.id
        );
        assert!(
            lanes.contains(&c.lane_id),
            "card {} in a missing lane",
            c.id
        );
        assert!(
            cell_ranks.insert((c.stage_id, c.lane_id, c.rank.clone())),
            "duplicate rank in a cell"
        );
        assert!(jejak_core::rank::parse(&c.rank).is_ok());
    }
    let stage_ranks: HashSet<_> = doc.stages.iter().map(|s| &s.rank).collect();
    assert_eq!(stage_ranks.len(), doc.stages.len(), "duplicate stage rank");
    let lane_ranks: HashSet<_> = doc.lanes.iter().map(|l| &l.rank).collect();
    assert_eq!(lane_ranks.len(), doc.lanes.len(), "duplicate lane rank");
    let cards: HashSet<_> = doc.cards.iter().map(|c| c.id).collect();
    for c in &doc.comments {
        let there = match c.on {
            CommentOn::Card(id) => cards.contains(&id),
            CommentOn::Stage(id) => stages.contains(&id),
        };
        assert!(there, "comment {} on something gone", c.id);
        if let Some(first) = c.reply_to {
            let thread = doc.comments.iter().find(|t| t.id == first);
            assert!(thread.is_some_and(|t| t.reply_to.is_none() && t.on == c.on));
            assert!(!c.resolved, "a reply resolved on its own");
        }
    }
    // Loaded lists come back sorted by rank.
    assert!(doc.stages.windows(2).all(|w| w[0].rank < w[1].rank));
    assert!(doc.lanes.windows(2).all(|w| w[0].rank < w[1].rank));
}
