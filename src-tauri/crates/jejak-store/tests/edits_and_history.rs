#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Edits through operations, undo/redo that survives reopening the file, and library actions.

use jejak_core::templates::{Locale, Template};
use jejak_core::{new_id, CardAttrs, LaneKind, NewLane, NewStage, Op, Place};
use jejak_store::{Library, StoreError};

mod common;
use common::{journey, new_card};

#[test]
fn templates_seed_stages_and_lanes_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("lib.jejak")).unwrap();
    let m = lib
        .create_map(Template::PurchasePhases, Locale::Id, None)
        .unwrap();
    let doc = lib.load_map(m.id).unwrap();
    let names: Vec<_> = doc.stages.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        names,
        [
            "Pra-pembelian",
            "Pembelian",
            "Pasca-pembelian",
            "Layanan & dukungan"
        ]
    );
    assert_eq!(doc.lanes[0].kind, LaneKind::Touchpoints);
    assert_eq!(m.title, "Titik sentuh per fase pembelian");
    assert!(!doc.history.can_undo);
}

#[test]
fn an_edit_is_on_disk_and_undoable_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    let (mut lib, doc) = journey(&dir);
    let map_id = doc.map.id;
    let op = new_card(&doc, 0, "Sees an Instagram ad");
    let patch = lib.apply(map_id, &[op]).unwrap();
    assert_eq!(patch.cards.len(), 1);
    assert!(patch.history.can_undo);
    let card_id = patch.cards[0].id;
    lib.apply(
        map_id,
        &[Op::UpdateCard {
            id: card_id,
            title: "Sees an ad".into(),
            body: "on <b>IG</b>".into(),
        }],
    )
    .unwrap();
    drop(lib);

    let mut lib = Library::open(&path).unwrap();
    let doc = lib.load_map(map_id).unwrap();
    assert_eq!(doc.cards[0].title, "Sees an ad");
    assert_eq!(doc.cards[0].body, "on <b>IG</b>");
    assert!(doc.history.can_undo);

    let patch = lib.undo(map_id).unwrap();
    assert_eq!(patch.cards[0].title, "Sees an Instagram ad");
    let patch = lib.undo(map_id).unwrap();
    assert_eq!(patch.deleted_cards, vec![card_id]);
    assert!(!patch.history.can_undo && patch.history.can_redo);
    // Nothing left to undo is not an error.
    assert!(lib.undo(map_id).unwrap().cards.is_empty());
    lib.redo(map_id).unwrap();
    let patch = lib.redo(map_id).unwrap();
    assert_eq!(patch.cards[0].title, "Sees an ad");
    assert!(!patch.history.can_redo);
}

#[test]
fn deleting_a_stage_with_cards_is_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let map_id = doc.map.id;
    lib.apply(
        map_id,
        &[
            new_card(&doc, 1, "a"),
            new_card(&doc, 1, "b"),
            new_card(&doc, 2, "c"),
        ],
    )
    .unwrap();
    let before = lib.load_map(map_id).unwrap();
    let patch = lib
        .apply(
            map_id,
            &[Op::DeleteStage {
                id: doc.stages[1].id,
            }],
        )
        .unwrap();
    assert_eq!(patch.deleted_stages, vec![doc.stages[1].id]);
    assert_eq!(patch.deleted_cards.len(), 2);
    lib.undo(map_id).unwrap();
    let after = lib.load_map(map_id).unwrap();
    assert_eq!(before.stages, after.stages);
    assert_eq!(before.cards, after.cards);
}

#[test]
fn a_failing_group_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let map_id = doc.map.id;
    let bad = Op::RenameStage {
        id: new_id(),
        title: "Ghost".into(),
    };
    let err = lib
        .apply(map_id, &[new_card(&doc, 0, "kept?"), bad])
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");
    let doc2 = lib.load_map(map_id).unwrap();
    assert!(doc2.cards.is_empty());
    assert!(!doc2.history.can_undo);
    let blank = lib.apply(
        map_id,
        &[Op::RenameStage {
            id: doc.stages[0].id,
            title: "  ".into(),
        }],
    );
    assert!(matches!(blank, Err(StoreError::Invalid(_))));
    assert!(matches!(
        lib.apply(map_id, &[]),
        Err(StoreError::Invalid(_))
    ));
}

#[test]
fn cards_cannot_point_into_another_map() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let other = lib.create_map(Template::Blank, Locale::En, None).unwrap();
    let err = lib
        .apply(other.id, &[new_card(&doc, 0, "stray")])
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }));
}

#[test]
fn places_order_stages_lanes_and_cards() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let map_id = doc.map.id;
    let first = doc.stages[0].id;
    let new_stage = new_id();
    lib.apply(
        map_id,
        &[Op::CreateStage {
            stage: NewStage {
                id: new_stage,
                title: "Need".into(),
            },
            place: Place::Before(first),
        }],
    )
    .unwrap();
    let lane = new_id();
    lib.apply(
        map_id,
        &[Op::CreateLane {
            lane: NewLane {
                id: lane,
                title: "Backstage".into(),
                kind: LaneKind::Backstage,
            },
            place: Place::End,
        }],
    )
    .unwrap();
    let d = lib.load_map(map_id).unwrap();
    assert_eq!(d.stages[0].id, new_stage);
    assert_eq!(d.lanes.last().unwrap().id, lane);

    let a = lib.apply(map_id, &[new_card(&d, 1, "a")]).unwrap().cards[0].id;
    let b_op = match new_card(&d, 1, "b") {
        Op::CreateCard { card, .. } => Op::CreateCard {
            card,
            place: Place::Before(a),
        },
        other => other,
    };
    lib.apply(map_id, &[b_op]).unwrap();
    let d = lib.load_map(map_id).unwrap();
    let titles: Vec<_> = d.cards.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["b", "a"]);

    // Move "a" to the last stage: one row changes, undo puts it back.
    let last = d.stages.last().unwrap().id;
    let p = lib
        .apply(
            map_id,
            &[Op::MoveCard {
                id: a,
                stage_id: last,
                lane_id: d.lanes[0].id,
                place: Place::End,
            }],
        )
        .unwrap();
    assert_eq!(p.cards[0].stage_id, last);
    let p = lib.undo(map_id).unwrap();
    assert_eq!(p.cards[0].stage_id, d.stages[1].id);
}

#[test]
fn library_lists_searches_duplicates_and_trashes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    lib.apply(doc.map.id, &[new_card(&doc, 0, "x")]).unwrap();
    lib.create_map(Template::Blank, Locale::Id, Some("Perjalanan Nasabah Bank"))
        .unwrap();
    let copy = lib
        .duplicate_map(doc.map.id, "Copy of Customer journey")
        .unwrap();
    assert_eq!(copy.card_count, 1);
    assert_eq!(copy.stage_count, 5);
    assert!(!lib.history(copy.id).unwrap().can_undo);

    assert_eq!(lib.list_maps("").unwrap().len(), 3);
    assert_eq!(lib.list_maps("nasabah").unwrap().len(), 1);
    assert_eq!(lib.list_maps("CUSTOMER").unwrap().len(), 2);
    // A card's text finds its map too, named by that card; a title match names none.
    let found = lib.list_maps("X").unwrap();
    assert_eq!(found.len(), 2, "the journey and its copy hold card x");
    assert!(found
        .iter()
        .all(|m| m.found_in_card.as_deref() == Some("x")));
    assert_eq!(lib.list_maps("nasabah").unwrap()[0].found_in_card, None);
    // Most recently changed first.
    assert_eq!(lib.list_maps("").unwrap()[0].id, copy.id);

    assert!(
        lib.purge_map(copy.id).is_err(),
        "only trashed maps can be purged"
    );
    lib.trash_map(copy.id).unwrap();
    assert_eq!(lib.list_maps("").unwrap().len(), 2);
    assert_eq!(lib.list_trash().unwrap().len(), 1);
    lib.restore_map(copy.id).unwrap();
    assert_eq!(lib.list_maps("").unwrap().len(), 3);
    lib.trash_map(copy.id).unwrap();
    lib.purge_map(copy.id).unwrap();
    assert!(lib.load_map(copy.id).is_err());
    assert!(lib.list_trash().unwrap().is_empty());

    lib.apply(
        doc.map.id,
        &[Op::RenameMap {
            title: "Onboarding".into(),
        }],
    )
    .unwrap();
    assert_eq!(lib.map_summary(doc.map.id).unwrap().title, "Onboarding");
    lib.undo(doc.map.id).unwrap();
    assert_eq!(
        lib.map_summary(doc.map.id).unwrap().title,
        "Customer journey"
    );
}

#[test]
fn settings_persist() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    Library::open(&path)
        .unwrap()
        .set_setting("locale", "id")
        .unwrap();
    assert_eq!(
        Library::open(&path)
            .unwrap()
            .setting("locale")
            .unwrap()
            .as_deref(),
        Some("id")
    );
}

#[test]
fn field_edits_with_one_merge_key_are_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let map_id = doc.map.id;
    let id = lib.apply(map_id, &[new_card(&doc, 0, "A")]).unwrap().cards[0].id;
    let typed = |title: &str| Op::UpdateCard {
        id,
        title: title.into(),
        body: String::new(),
    };
    lib.apply_merged(map_id, &[typed("Ab")], "title-1").unwrap();
    lib.apply_merged(map_id, &[typed("Abc")], "title-1")
        .unwrap();
    lib.apply_merged(map_id, &[typed("Abcd")], "title-1")
        .unwrap();
    // A new field session starts a new step.
    lib.apply_merged(map_id, &[typed("Abcde")], "title-2")
        .unwrap();
    assert_eq!(lib.undo(map_id).unwrap().cards[0].title, "Abcd");
    assert_eq!(lib.undo(map_id).unwrap().cards[0].title, "A");
    // Redo replays the merged step whole.
    assert_eq!(lib.redo(map_id).unwrap().cards[0].title, "Abcd");
    // After an undo, the same key does not merge into an older step.
    lib.undo(map_id).unwrap();
    lib.apply_merged(map_id, &[typed("X")], "title-1").unwrap();
    assert_eq!(lib.undo(map_id).unwrap().cards[0].title, "A");
}

#[test]
fn touchpoint_attributes_are_validated_stored_and_undone() {
    use jejak_core::attrs::{Evidence, Priority, TouchpointKind};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    let (mut lib, doc) = journey(&dir);
    let map_id = doc.map.id;
    let id = lib
        .apply(map_id, &[new_card(&doc, 0, "Checkout page")])
        .unwrap()
        .cards[0]
        .id;
    let attrs = CardAttrs {
        channel: Some(" website ".into()),
        kind: Some(TouchpointKind::Digital),
        moment_of_truth: true,
        owner: Some("E-commerce team".into()),
        evidence: Some(Evidence::Observed),
        tags: vec!["checkout".into(), "checkout".into()],
        url: Some("https://example.com/checkout".into()),
        color: Some("#FFAA00".into()),
        priority: Some(Priority::High),
        ..CardAttrs::default()
    };
    let stored = lib
        .apply(map_id, &[Op::SetCardAttrs { id, attrs }])
        .unwrap()
        .cards[0]
        .attrs
        .clone();
    assert_eq!(stored.channel.as_deref(), Some("website"));
    assert_eq!(stored.tags, ["checkout"]);
    assert_eq!(stored.color.as_deref(), Some("#ffaa00"));
    let bad = CardAttrs {
        color: Some("orange".into()),
        ..CardAttrs::default()
    };
    assert!(matches!(
        lib.apply(map_id, &[Op::SetCardAttrs { id, attrs: bad }]),
        Err(StoreError::Invalid(_))
    ));
    drop(lib);

    let mut lib = Library::open(&path).unwrap();
    assert_eq!(lib.load_map(map_id).unwrap().cards[0].attrs, stored);
    // Deleting and undoing brings the attributes back too.
    lib.apply(map_id, &[Op::DeleteCard { id }]).unwrap();
    assert_eq!(lib.undo(map_id).unwrap().cards[0].attrs, stored);
    assert_eq!(
        lib.undo(map_id).unwrap().cards[0].attrs,
        CardAttrs::default()
    );
}
