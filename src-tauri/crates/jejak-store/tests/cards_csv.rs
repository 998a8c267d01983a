#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Cards from a CSV on real files: the inventory CSV written in either language comes back as the
//! same cards (text and attributes, in the same cells) into another map; a file with bad rows,
//! or one that would create stages without the user's agreement, writes nothing; the import is
//! one undo step with a snapshot before it.

mod common;

use common::worked_library;
use jejak_core::attrs::{Evidence, Priority, TouchpointKind};
use jejak_core::cards_csv::{self, CardField, CardsImport, ColumnMapping};
use jejak_core::templates::{Locale, Template};
use jejak_core::{CardAttrs, MapDoc, Op, Place, Problem};
use jejak_store::{Library, StoreError};

/// Cards by (stage title, lane title, title, body, attributes without metrics), sorted.
fn cards(doc: &MapDoc) -> Vec<(String, String, String, String, String)> {
    let mut out: Vec<_> = doc
        .cards
        .iter()
        .map(|c| {
            let stage = doc.stages.iter().find(|s| s.id == c.stage_id).unwrap();
            let lane = doc.lanes.iter().find(|l| l.id == c.lane_id).unwrap();
            let mut attrs = c.attrs.clone();
            attrs.metrics.clear();
            attrs.color = None;
            (
                stage.title.clone(),
                lane.title.clone(),
                c.title.clone(),
                c.body.clone(),
                format!("{attrs:?}"),
            )
        })
        .collect();
    out.sort();
    out
}

fn suggested(text: &str) -> CardsImport {
    CardsImport {
        mapping: cards_csv::preview(text).unwrap().suggested,
        create_missing: false,
    }
}

#[test]
fn the_inventory_csv_comes_back_as_the_same_cards_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let mut lib = Library::open(&path).unwrap();
    let doc = lib.load_map(map_id).unwrap();
    let (stage, lane) = (doc.stages[2].id, doc.lanes[0].id);
    let attrs = CardAttrs {
        channel: Some("mobileApp".into()),
        kind: Some(TouchpointKind::Human),
        moment_of_truth: true,
        owner: Some("=Tim CX".into()),
        evidence: Some(Evidence::Assumed),
        tags: vec!["promo".into(), "app".into()],
        url: Some("https://contoh.id/a".into()),
        priority: Some(Priority::High),
        ..CardAttrs::default()
    };
    lib.apply(
        map_id,
        &[Op::CreateCard {
            card: jejak_core::NewCard {
                id: jejak_core::new_id(),
                stage_id: stage,
                lane_id: lane,
                title: "-Bayar, \"QRIS\"; gagal".into(),
                body: "Dua baris\nteks".into(),
                attrs,
            },
            place: Place::End,
        }],
    )
    .unwrap();
    let original = lib.load_map(map_id).unwrap();

    for locale in [Locale::En, Locale::Id] {
        let csv = dir.path().join(format!("kartu-{}.csv", locale.as_str()));
        lib.export_inventory_csv(map_id, &csv, locale).unwrap();
        let text = std::fs::read_to_string(&csv).unwrap();
        let spec = suggested(&text);
        assert_eq!(
            spec.mapping.len(),
            CardField::ALL.len(),
            "every field found by its header"
        );

        // Into a blank copy of the same board: same stages and lanes, no cards.
        let target = lib
            .create_map(Template::CustomerJourney, Locale::Id, Some("Salinan"))
            .unwrap();
        let summary = lib.check_cards_csv(target.id, &text, &spec).unwrap();
        assert_eq!(summary.cards as usize, original.cards.len());
        assert!(
            summary.new_stages.is_empty() && summary.new_lanes.is_empty(),
            "{summary:?}"
        );
        let (_, done) = lib.import_cards_csv(target.id, &text, &spec).unwrap();
        assert_eq!(done.cards as usize, original.cards.len());
        let imported = lib.load_map(target.id).unwrap();
        assert_eq!(cards(&imported), cards(&original), "{locale:?}");

        // One undo step takes them all back, and a snapshot was taken first.
        lib.undo(target.id).unwrap();
        assert!(lib.load_map(target.id).unwrap().cards.is_empty());
        assert_eq!(lib.snapshots(target.id).unwrap().len(), 1);
    }
}

#[test]
fn stages_and_lanes_are_created_only_when_the_user_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("library.jejak")).unwrap();
    let map = lib
        .create_map(Template::CustomerJourney, Locale::En, None)
        .unwrap();
    let text = "Phase;Touchpoint;Row\nAwareness;Sees an ad;Touchpoints\nUnboxing;Opens the box;Backstage\nunboxing;Reads the card;Backstage\n";
    let mut spec = CardsImport {
        mapping: vec![
            ColumnMapping {
                field: CardField::Stage,
                column: "Phase".into(),
            },
            ColumnMapping {
                field: CardField::Title,
                column: "Touchpoint".into(),
            },
            ColumnMapping {
                field: CardField::Lane,
                column: "Row".into(),
            },
        ],
        create_missing: false,
    };
    let before = lib.load_map(map.id).unwrap();
    let summary = lib.check_cards_csv(map.id, text, &spec).unwrap();
    assert_eq!(
        summary.new_stages,
        vec!["Unboxing".to_string()],
        "matched ignoring case"
    );
    assert_eq!(summary.new_lanes, vec!["Backstage".to_string()]);
    match lib.import_cards_csv(map.id, text, &spec) {
        Err(StoreError::Rejected(p)) => assert_eq!(
            p,
            vec![Problem::CsvNewAxes {
                stages: 1,
                lanes: 1
            }]
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(lib.load_map(map.id).unwrap().cards, before.cards);
    spec.create_missing = true;
    lib.import_cards_csv(map.id, text, &spec).unwrap();
    let after = lib.load_map(map.id).unwrap();
    assert_eq!(after.stages.len(), before.stages.len() + 1);
    assert_eq!(after.lanes.len(), before.lanes.len() + 1);
    assert_eq!(after.cards.len(), 3);
    lib.undo(map.id).unwrap();
    let undone = lib.load_map(map.id).unwrap();
    assert_eq!(
        (undone.stages.len(), undone.lanes.len(), undone.cards.len()),
        (before.stages.len(), before.lanes.len(), 0)
    );
}

#[test]
fn a_file_with_bad_rows_writes_nothing_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.jejak");
    let mut lib = Library::open(&path).unwrap();
    let map = lib
        .create_map(Template::CustomerJourney, Locale::En, None)
        .unwrap();
    let long = "x".repeat(501);
    let text = format!(
        "Title,Kind,Priority,Moment of truth\nFine,digital,high,yes\nBad kind,robot,,\n{long},,,\n,,,\nBad mot,,,maybe\n"
    );
    let spec = suggested(&text);
    let before = lib.load_map(map.id).unwrap();
    let problems = match lib.import_cards_csv(map.id, &text, &spec) {
        Err(StoreError::Rejected(p)) => p,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        matches!(&problems[0], Problem::CsvBadValue { line: 3, column, value } if column == "Kind" && value == "robot")
    );
    assert!(
        matches!(&problems[1], Problem::CsvLine { line: 4, problem } if matches!(**problem, Problem::TooLong { .. }))
    );
    assert!(
        matches!(&problems[2], Problem::CsvBadValue { line: 6, .. }),
        "the blank line 5 is skipped"
    );
    assert_eq!(lib.load_map(map.id).unwrap(), before);
    assert!(
        lib.snapshots(map.id).unwrap().is_empty(),
        "not even a snapshot"
    );

    // No title column chosen; a column that is not in the file.
    let none = CardsImport {
        mapping: vec![],
        create_missing: true,
    };
    assert!(
        matches!(lib.check_cards_csv(map.id, &text, &none), Err(StoreError::Rejected(p)) if p == vec![Problem::CsvNoTitleColumn])
    );
    let missing = CardsImport {
        mapping: vec![ColumnMapping {
            field: CardField::Title,
            column: "Nope".into(),
        }],
        create_missing: true,
    };
    assert!(
        matches!(lib.check_cards_csv(map.id, &text, &missing), Err(StoreError::Rejected(p)) if p == vec![Problem::CsvNoColumn { column: "Nope".into() }])
    );
}
