//! Maps built in code for tests and benchmarks (no library file needed).

use jejak_core::attrs::{Evidence, TouchpointKind};
use jejak_core::{
    Card, CardAttrs, EmotionScore, HistoryState, Horizon, Lane, LaneKind, MapDoc, MapMeta, Persona,
    Stage,
};
use uuid::Uuid;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// `stages` × five lanes (touchpoints, emotions, pain points, actions, opportunities) and
/// `cards` spread round-robin over the cells, in Indonesian with accents, with one persona.
pub fn journey(stages: usize, cards: usize) -> MapDoc {
    build(
        stages,
        &[
            ("Titik sentuh", LaneKind::Touchpoints),
            ("Emosi", LaneKind::Emotions),
            ("Keluhan", LaneKind::PainPoints),
            ("Tindakan pelanggan", LaneKind::Actions),
            ("Peluang", LaneKind::Opportunities),
        ],
        cards,
    )
}

/// A big workshop's map: `stages` × the eight lanes of a service blueprint with emotions
/// (touchpoints, actions, thoughts, emotions, pain points, opportunities, frontstage,
/// backstage), `cards` spread over them as in [`journey`].
pub fn workshop(stages: usize, cards: usize) -> MapDoc {
    build(
        stages,
        &[
            ("Titik sentuh", LaneKind::Touchpoints),
            ("Tindakan pelanggan", LaneKind::Actions),
            ("Pikiran", LaneKind::Thoughts),
            ("Emosi", LaneKind::Emotions),
            ("Titik masalah", LaneKind::PainPoints),
            ("Peluang", LaneKind::Opportunities),
            ("Panggung depan", LaneKind::Frontstage),
            ("Panggung belakang", LaneKind::Backstage),
        ],
        cards,
    )
}

fn build(stages: usize, lane_kinds: &[(&str, LaneKind)], cards: usize) -> MapDoc {
    let stage_names = [
        "Kesadaran",
        "Pertimbangan",
        "Pembelian",
        "Retensi",
        "Advokasi",
    ];
    let stages: Vec<Stage> = (0..stages)
        .map(|i| Stage {
            id: id(1000 + i as u128),
            title: format!("{} {}", stage_names[i % 5], i + 1),
            rank: format!("{i:04}"),
        })
        .collect();
    let lanes: Vec<Lane> = lane_kinds
        .iter()
        .enumerate()
        .map(|(i, (name, k))| Lane {
            id: id(2000 + i as u128),
            title: name.to_string(),
            kind: *k,
            rank: format!("{i:04}"),
        })
        .collect();
    let persona = Persona {
        id: id(3000),
        name: "Siti Nurhaliza".into(),
        role: "“Saya ingin menabung tanpa ke cabang.”".into(),
        goals: "Membuka rekening dari ponsel dalam satu malam".into(),
        needs: "Langkah jelas, tanpa istilah teknis".into(),
        pains: "Formulir yang menolak foto tanpa penjelasan".into(),
        color: "#aa3377".into(),
        photo: None,
        rank: "0001".into(),
    };
    let non_emotion: Vec<&Lane> = lanes
        .iter()
        .filter(|l| l.kind != LaneKind::Emotions)
        .collect();
    let mut out_cards = Vec::new();
    let mut emotions = Vec::new();
    for n in 0..cards {
        let stage = &stages[n % stages.len().max(1)];
        let lane = non_emotion[(n / stages.len().max(1)) % non_emotion.len()];
        let kind = [
            TouchpointKind::Digital,
            TouchpointKind::Human,
            TouchpointKind::Physical,
        ][n % 3];
        let card = Card {
            id: id(10_000 + n as u128),
            stage_id: stage.id,
            lane_id: lane.id,
            title: format!("Kartu {n}: pelanggan menelusuri promosi ke-{n}"),
            body: if n % 4 == 0 {
                "Pelanggan membandingkan biaya administrasi, suku bunga, dan ulasan di toko aplikasi sebelum memutuskan.".into()
            } else {
                String::new()
            },
            rank: format!("{n:06}"),
            attrs: CardAttrs {
                kind: Some(kind),
                channel: Some(["website", "mobileApp", "Gerai fisik Bandung"][n % 3].into()),
                moment_of_truth: n % 7 == 0,
                owner: (n % 5 == 0).then(|| "Tim Onboarding".into()),
                evidence: Some(Evidence::Observed),
                ..CardAttrs::default()
            },
        };
        if lane.kind == LaneKind::Touchpoints {
            emotions.push(EmotionScore {
                card_id: card.id,
                persona_id: persona.id,
                horizon: Horizon::AsIs,
                score: (n % 5) as i8 - 2,
            });
        }
        out_cards.push(card);
    }
    MapDoc {
        map: MapMeta {
            id: id(1),
            title: "Perjalanan nasabah: pembukaan rekening tabungan".into(),
            created_at: 0,
            updated_at: 0,
        },
        stages,
        lanes,
        cards: out_cards,
        personas: vec![persona],
        emotions,
        comments: Vec::new(),
        history: HistoryState::default(),
    }
}
