#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! A card that opens another map ("the detailed checkout journey"): the link is an ordinary card
//! attribute, so it is one undo step, survives a restart, and travels in map files and map JSON
//! — where the linked map may be missing, which the UI says on the card.

use jejak_core::templates::{Locale, Template};
use jejak_core::{CardAttrs, Id, NewCard, Op, Place};
use jejak_store::{ImportAs, Library, MapFile};

fn link(lib: &mut Library, map: Id, card: Id, to: Option<Id>) {
    let attrs = CardAttrs {
        linked_map: to,
        ..CardAttrs::default()
    };
    lib.apply(map, &[Op::SetCardAttrs { id: card, attrs }])
        .unwrap();
}

fn linked(lib: &Library, map: Id, card: Id) -> Option<Id> {
    let doc = lib.load_map(map).unwrap();
    doc.cards
        .iter()
        .find(|c| c.id == card)
        .unwrap()
        .attrs
        .linked_map
}

#[test]
fn a_link_to_another_map_is_undone_redone_kept_and_carried() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.jejak");
    let mut lib = Library::open(&path).unwrap();
    let overview = lib
        .create_map(Template::CustomerJourney, Locale::En, Some("Overview"))
        .unwrap();
    let detail = lib
        .create_map(Template::Blank, Locale::En, Some("Checkout in detail"))
        .unwrap();
    let doc = lib.load_map(overview.id).unwrap();
    let card = jejak_core::new_id();
    lib.apply(
        overview.id,
        &[Op::CreateCard {
            card: NewCard {
                id: card,
                stage_id: doc.stages[2].id,
                lane_id: doc.lanes[0].id,
                title: "Checkout".into(),
                body: String::new(),
                attrs: CardAttrs::default(),
            },
            place: Place::End,
        }],
    )
    .unwrap();

    link(&mut lib, overview.id, card, Some(detail.id));
    assert_eq!(linked(&lib, overview.id, card), Some(detail.id));
    lib.undo(overview.id).unwrap();
    assert_eq!(linked(&lib, overview.id, card), None);
    lib.redo(overview.id).unwrap();
    assert_eq!(linked(&lib, overview.id, card), Some(detail.id));

    // Trashing or deleting the linked map leaves the card and its link alone: nothing fails.
    lib.trash_map(detail.id).unwrap();
    assert_eq!(linked(&lib, overview.id, card), Some(detail.id));
    lib.close().unwrap();
    let mut lib = Library::open(&path).unwrap();
    assert_eq!(linked(&lib, overview.id, card), Some(detail.id));

    // A map file and map JSON carry the link to another library, where that map is not.
    let file = dir.path().join("overview.jejak");
    let json = dir.path().join("overview.json");
    lib.export_map_file(overview.id, &file).unwrap();
    lib.export_map_json(overview.id, &json).unwrap();
    for (i, source) in [file, json].iter().enumerate() {
        let other = dir.path().join(format!("other-{i}.jejak"));
        let mut target = Library::open(&other).unwrap();
        let opened = MapFile::open(source).unwrap();
        target
            .import_map(&opened, overview.id, ImportAs::New)
            .unwrap();
        assert_eq!(linked(&target, overview.id, card), Some(detail.id));
    }

    // A copy (keep both) gets new ids everywhere, but its link still names the same map, also
    // after an undo and a redo of the linking step in the copy's history.
    let file = dir.path().join("overview.jejak");
    let opened = MapFile::open(&file).unwrap();
    let copy = lib
        .import_map(
            &opened,
            overview.id,
            ImportAs::Copy {
                title: "Overview (copy)".into(),
            },
        )
        .unwrap();
    let copied = lib.load_map(copy.id).unwrap();
    assert_eq!(copied.cards[0].attrs.linked_map, Some(detail.id));
    lib.undo(copy.id).unwrap();
    lib.redo(copy.id).unwrap();
    let copied = lib.load_map(copy.id).unwrap();
    assert_eq!(copied.cards[0].attrs.linked_map, Some(detail.id));

    // Unlinking is a step of its own, and the card without a link is stored as before links.
    link(&mut lib, overview.id, card, None);
    assert_eq!(linked(&lib, overview.id, card), None);
    let doc = lib.load_map(overview.id).unwrap();
    let stored = serde_json::to_string(&doc.cards[0].attrs).unwrap();
    assert!(!stored.contains("linkedMap"), "{stored}");
}
