#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Personas and their emotion scores through deletes and undo, and figures imported from a
//! metrics CSV as one undo step (split from edits_and_history.rs).

use jejak_core::{new_id, CardAttrs, Op, Place};
use jejak_store::{Library, StoreError};

mod common;
use common::{journey, new_card};

fn persona(name: &str) -> jejak_core::PersonaFields {
    jejak_core::PersonaFields {
        id: new_id(),
        name: name.into(),
        role: "Student".into(),
        goals: "Save for a laptop".into(),
        needs: String::new(),
        pains: String::new(),
        color: "#7c3aed".into(),
        photo: Some("data:image/png;base64,iVBORw0KGgo=".into()),
    }
}

#[test]
fn personas_and_emotion_scores_survive_deletes_through_undo() {
    use jejak_core::Horizon;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    let (mut lib, doc) = journey(&dir);
    let map_id = doc.map.id;
    let rina = persona("Rina");
    lib.apply(
        map_id,
        &[Op::CreatePersona {
            persona: rina.clone(),
            place: Place::End,
        }],
    )
    .unwrap();
    let card = lib
        .apply(map_id, &[new_card(&doc, 0, "Sign-up")])
        .unwrap()
        .cards[0]
        .id;
    let set = |score: Option<i8>| Op::SetEmotion {
        card_id: card,
        persona_id: rina.id,
        horizon: Horizon::AsIs,
        score,
    };
    let p = lib.apply(map_id, &[set(Some(-2))]).unwrap();
    assert_eq!(p.emotions[0].score, -2);
    assert!(matches!(
        lib.apply(map_id, &[set(Some(3))]),
        Err(StoreError::Invalid(_))
    ));
    lib.apply(
        map_id,
        &[Op::SetEmotion {
            card_id: card,
            persona_id: rina.id,
            horizon: Horizon::ToBe,
            score: Some(1),
        }],
    )
    .unwrap();
    drop(lib);

    let mut lib = Library::open(&path).unwrap();
    let doc2 = lib.load_map(map_id).unwrap();
    assert_eq!(doc2.personas.len(), 1);
    assert_eq!(doc2.personas[0].photo, rina.photo);
    assert_eq!(doc2.emotions.len(), 2);
    // Deleting the card drops its scores; undo brings both back.
    lib.apply(map_id, &[Op::DeleteCard { id: card }]).unwrap();
    assert!(lib.load_map(map_id).unwrap().emotions.is_empty());
    lib.undo(map_id).unwrap();
    assert_eq!(lib.load_map(map_id).unwrap().emotions, doc2.emotions);
    // Same for deleting the persona.
    let p = lib
        .apply(map_id, &[Op::DeletePersona { id: rina.id }])
        .unwrap();
    assert_eq!(p.deleted_personas, vec![rina.id]);
    assert!(lib.load_map(map_id).unwrap().emotions.is_empty());
    let p = lib.undo(map_id).unwrap();
    assert_eq!(p.personas.len(), 1);
    assert_eq!(lib.load_map(map_id).unwrap().emotions, doc2.emotions);
    // Clearing a score reports it as deleted.
    let p = lib.apply(map_id, &[set(None)]).unwrap();
    assert_eq!(p.deleted_emotions.len(), 1);
    // A duplicated map keeps personas and scores, with new ids.
    let copy = lib.duplicate_map(map_id, "Copy").unwrap();
    let copied = lib.load_map(copy.id).unwrap();
    assert_eq!(copied.personas.len(), 1);
    assert_ne!(copied.personas[0].id, rina.id);
    assert_eq!(copied.emotions.len(), 1);
}

#[test]
fn a_metrics_csv_is_imported_as_one_undo_step_and_a_bad_one_writes_nothing() {
    use jejak_core::metrics::{MatchBy, MetricsImport};
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let map_id = doc.map.id;
    let id = lib
        .apply(map_id, &[new_card(&doc, 0, "Promo page")])
        .unwrap()
        .cards[0]
        .id;
    lib.apply(
        map_id,
        &[Op::SetCardAttrs {
            id,
            attrs: CardAttrs {
                tags: vec!["promo".into()],
                ..CardAttrs::default()
            },
        }],
    )
    .unwrap();
    let spec = MetricsImport {
        key_column: "tags".into(),
        match_by: MatchBy::Tag,
        columns: vec!["clicks".into(), "csat".into()],
        number_style: jejak_core::NumberStyle::Auto,
    };
    let before = lib.load_map(map_id).unwrap();
    let bad = "tags,clicks,csat\npromo,12,4.5\npromo,many,4\n";
    match lib.import_metrics(map_id, bad, &spec) {
        Err(StoreError::Rejected(errors)) => assert!(
            matches!(&errors[0], jejak_core::Problem::CsvNumber { line: 3, .. }),
            "{errors:?}"
        ),
        other => panic!("expected a rejection, got {other:?}"),
    }
    assert_eq!(
        lib.load_map(map_id).unwrap(),
        before,
        "a refused import changed the map"
    );

    let good = "tags,clicks,csat\npromo,\"1,250\",4.5\nghost,3,1\n";
    let result = lib.import_metrics(map_id, good, &spec).unwrap();
    assert_eq!(result.report.updated_cards, 1);
    assert_eq!(result.report.unmatched.len(), 1);
    let metrics = &result.patch.cards[0].attrs.metrics;
    assert_eq!(metrics.get("clicks"), Some(&1250.0));
    assert_eq!(metrics.get("csat"), Some(&4.5));
    lib.undo(map_id).unwrap();
    assert!(lib.load_map(map_id).unwrap().cards[0]
        .attrs
        .metrics
        .is_empty());
}
