//! A small map for the importer targets to match rows against.

use jejak_core::{CardAttrs, HistoryState, MapDoc, MapMeta};

pub fn doc() -> MapDoc {
    let card = |title: &str, tag: &str, url: &str| jejak_core::Card {
        id: jejak_core::new_id(),
        stage_id: jejak_core::new_id(),
        lane_id: jejak_core::new_id(),
        title: title.into(),
        body: String::new(),
        rank: "80".into(),
        attrs: CardAttrs {
            tags: vec![tag.into()],
            url: Some(url.into()),
            ..CardAttrs::default()
        },
    };
    MapDoc {
        map: MapMeta {
            id: jejak_core::new_id(),
            title: "Fuzz".into(),
            created_at: 0,
            updated_at: 0,
        },
        stages: vec![],
        lanes: vec![],
        cards: vec![
            card("Promo page", "promo", "https://shop.example.com/promo"),
            card("App", "app", "https://shop.example.com/app"),
        ],
        personas: vec![],
        emotions: vec![],
        history: HistoryState::default(),
    }
}
