#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // shared by several test files

//! A worked-on library to export, snapshot and import, shared by the map file, JSON and snapshot
//! tests.

pub mod random;

use std::path::{Path, PathBuf};

use jejak_core::templates::{Locale, Template};
use jejak_core::{new_id, CardAttrs, Horizon, Id, MapDoc, NewCard, Op, PersonaFields, Place};
use jejak_store::Library;

pub const PHOTO: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/// A library with one worked-on map: a template's board, a persona with a photo, a score, a
/// moved and a renamed card, and one edit undone.
pub fn worked_library(dir: &Path) -> (PathBuf, Id) {
    let path = dir.join("library.jejak");
    let mut lib = Library::open(&path).unwrap();
    let map = lib
        .create_map(
            Template::CustomerJourney,
            Locale::Id,
            Some("Perjalanan pelanggan"),
        )
        .unwrap();
    let doc = lib.load_map(map.id).unwrap();
    let (stage, lane) = (doc.stages[0].id, doc.lanes[0].id);
    let card = jejak_core::new_id();
    let persona = jejak_core::new_id();
    lib.apply(
        map.id,
        &[Op::CreateCard {
            card: jejak_core::NewCard {
                id: card,
                stage_id: stage,
                lane_id: lane,
                title: "Lihat iklan".into(),
                body: "Di Instagram".into(),
                attrs: Default::default(),
            },
            place: Place::End,
        }],
    )
    .unwrap();
    lib.apply(
        map.id,
        &[Op::CreatePersona {
            persona: PersonaFields {
                id: persona,
                name: "Rina".into(),
                role: "Mahasiswa".into(),
                goals: String::new(),
                needs: String::new(),
                pains: String::new(),
                color: "#7c3aed".into(),
                photo: Some(PHOTO.into()),
            },
            place: Place::End,
        }],
    )
    .unwrap();
    lib.apply(
        map.id,
        &[Op::SetEmotion {
            card_id: card,
            persona_id: persona,
            horizon: Horizon::AsIs,
            score: Some(-2),
        }],
    )
    .unwrap();
    lib.apply(
        map.id,
        &[Op::MoveCard {
            id: card,
            stage_id: doc.stages[1].id,
            lane_id: lane,
            place: Place::End,
        }],
    )
    .unwrap();
    lib.apply(
        map.id,
        &[Op::UpdateCard {
            id: card,
            title: "Lihat iklan lagi".into(),
            body: String::new(),
        }],
    )
    .unwrap();
    lib.undo(map.id).unwrap();
    lib.close().unwrap();
    (path, map.id)
}

/// The map without what differs by design between libraries: history is compared by behaviour,
/// and the time of the last edit is when each library made it.
pub fn content(doc: &MapDoc) -> String {
    let mut doc = doc.clone();
    doc.history = Default::default();
    doc.map.updated_at = 0;
    serde_json::to_string(&doc).unwrap()
}

pub fn sha(path: &Path) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

/// A library in `dir` with one map from the customer-journey template.
pub fn journey(dir: &tempfile::TempDir) -> (Library, jejak_core::MapDoc) {
    let mut lib = Library::open(&dir.path().join("lib.jejak")).unwrap();
    let map = lib
        .create_map(Template::CustomerJourney, Locale::En, None)
        .unwrap();
    let doc = lib.load_map(map.id).unwrap();
    (lib, doc)
}

/// A card titled `title` in stage `stage`, first lane, at the end of its cell.
pub fn new_card(doc: &jejak_core::MapDoc, stage: usize, title: &str) -> Op {
    Op::CreateCard {
        card: NewCard {
            id: new_id(),
            stage_id: doc.stages[stage].id,
            lane_id: doc.lanes[0].id,
            title: title.into(),
            body: String::new(),
            attrs: CardAttrs::default(),
        },
        place: Place::End,
    }
}

/// Lets the wall clock move on, so the next edit is the later one on either laptop.
pub fn later() {
    std::thread::sleep(std::time::Duration::from_millis(5));
}

/// The card of `doc` titled `title`.
pub fn card_titled<'a>(doc: &'a MapDoc, title: &str) -> &'a jejak_core::Card {
    doc.cards
        .iter()
        .find(|c| c.title == title)
        .unwrap_or_else(|| panic!("no card {title:?}"))
}
