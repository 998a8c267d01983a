//! A large generated map with realistic text and attributes, shared by the examples that write
//! benchmark libraries.

use jejak_core::attrs::{Evidence, TouchpointKind, PRESET_CHANNELS};
use jejak_core::templates::{Locale, Template};
use jejak_core::{new_id, CardAttrs, Id, LaneKind, NewCard, NewLane, NewStage, Op, Place};
use jejak_store::Library;

const WORDS: &[&str] = &[
    "customer",
    "opens",
    "app",
    "reads",
    "review",
    "compares",
    "price",
    "asks",
    "friend",
    "visits",
    "store",
    "calls",
    "support",
    "waits",
    "delivery",
    "unboxes",
    "shares",
    "photo",
    "pelanggan",
    "membuka",
    "aplikasi",
    "membaca",
    "ulasan",
    "harga",
    "toko",
    "pengiriman",
];

fn words(seed: usize, n: usize) -> String {
    (0..n)
        .map(|i| WORDS[(seed * 7 + i * 13) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A realistic spread of attributes: most cards have a kind and channel, some are moments of truth.
fn attrs_for(i: usize) -> CardAttrs {
    const KINDS: [TouchpointKind; 3] = [
        TouchpointKind::Digital,
        TouchpointKind::Human,
        TouchpointKind::Physical,
    ];
    CardAttrs {
        channel: (!i.is_multiple_of(4))
            .then(|| PRESET_CHANNELS[i % PRESET_CHANNELS.len()].to_string()),
        kind: (!i.is_multiple_of(5)).then(|| KINDS[i % 3]),
        moment_of_truth: i.is_multiple_of(7),
        owner: (i.is_multiple_of(3)).then(|| format!("Team {}", i % 4 + 1)),
        evidence: (i.is_multiple_of(2)).then_some(Evidence::Observed),
        tags: if i.is_multiple_of(6) {
            vec![format!("campaign-{}", i % 5)]
        } else {
            Vec::new()
        },
        ..CardAttrs::default()
    }
}

/// Adds a map of `cards` cards (8 stages × 10 lanes) to the library; returns its id.
pub fn add_generated_map(lib: &mut Library, cards: usize) -> Result<Id, jejak_store::StoreError> {
    let map = lib.create_map(
        Template::Blank,
        Locale::En,
        Some(&format!("Generated map ({cards} cards)")),
    )?;
    let doc = lib.load_map(map.id)?;
    // Replace the blank template's axes with 8 stages and 10 lanes.
    let mut setup: Vec<Op> = doc
        .stages
        .iter()
        .map(|s| Op::DeleteStage { id: s.id })
        .collect();
    setup.extend(doc.lanes.iter().map(|l| Op::DeleteLane { id: l.id }));
    let stages: Vec<_> = (0..8).map(|_| new_id()).collect();
    let lanes: Vec<_> = (0..10).map(|_| new_id()).collect();
    setup.extend(stages.iter().enumerate().map(|(i, id)| Op::CreateStage {
        stage: NewStage {
            id: *id,
            title: format!("Stage {}", i + 1),
        },
        place: Place::End,
    }));
    setup.extend(lanes.iter().enumerate().map(|(i, id)| Op::CreateLane {
        lane: NewLane {
            id: *id,
            title: format!("Lane {}", i + 1),
            kind: LaneKind::ALL[i % 12],
        },
        place: Place::End,
    }));
    lib.apply(map.id, &setup)?;
    let ops: Vec<Op> = (0..cards)
        .map(|i| Op::CreateCard {
            card: NewCard {
                id: new_id(),
                stage_id: stages[i % stages.len()],
                lane_id: lanes[(i / stages.len()) % lanes.len()],
                title: words(i, 3 + i % 4),
                body: if i.is_multiple_of(3) {
                    String::new()
                } else {
                    words(i + 1, 8 + i % 10)
                },
                attrs: attrs_for(i),
            },
            place: Place::End,
        })
        .collect();
    lib.apply(map.id, &ops)?;
    Ok(map.id)
}
