#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Two facilitators, one map: each library edits its own copy, then one merges the other's map
//! file. Every edit of both sides is kept, whichever side merges; where both changed the same
//! thing, the later edit stands and the conflict is listed.

mod common;

use std::path::{Path, PathBuf};

use common::{card_titled, content, later, new_card};
use jejak_core::snapshot::SnapshotReason;
use jejak_core::sync::{ConflictKind, Side};
use jejak_core::templates::{Locale, Template};
use jejak_core::{Id, MapDoc, Op, Place};
use jejak_store::{Library, MapFile};

/// Two libraries with the same map (the second imported it from the first's map file).
struct Pair {
    dir: tempfile::TempDir,
    a: Library,
    b: Library,
    map: Id,
}

fn pair() -> Pair {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Library::open(&dir.path().join("ana.jejak")).unwrap();
    a.set_setting("user.name", "Ana").unwrap();
    let map = a
        .create_map(Template::CustomerJourney, Locale::En, Some("Onboarding"))
        .unwrap()
        .id;
    let doc = a.load_map(map).unwrap();
    a.apply(map, &[new_card(&doc, 0, "Shared card")]).unwrap();
    let file = dir.path().join("start.jejak");
    a.export_map_file(map, &file).unwrap();
    let mut b = Library::open(&dir.path().join("budi.jejak")).unwrap();
    b.set_setting("user.name", "Budi").unwrap();
    b.import_map(
        &MapFile::open(&file).unwrap(),
        map,
        jejak_store::ImportAs::New,
    )
    .unwrap();
    Pair { dir, a, b, map }
}

impl Pair {
    fn file_of(&self, lib: &Library, name: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        lib.export_map_file(self.map, &path).unwrap();
        path
    }

    /// Each side merges the other's file (taken before either merged); both maps must then be
    /// the same.
    fn merge_both_ways(&mut self) -> (jejak_store_report::Report, jejak_store_report::Report) {
        let from_a = self.file_of(&self.a, "from-a.jejak");
        let from_b = self.file_of(&self.b, "from-b.jejak");
        let at_a = merge(&mut self.a, &from_b, self.map);
        let at_b = merge(&mut self.b, &from_a, self.map);
        let (doc_a, doc_b) = (self.doc_a(), self.b.load_map(self.map).unwrap());
        assert_eq!(content(&doc_a), content(&doc_b), "both sides end alike");
        (at_a, at_b)
    }

    fn doc_a(&self) -> MapDoc {
        self.a.load_map(self.map).unwrap()
    }
}

mod jejak_store_report {
    pub type Report = jejak_core::sync::MergeReport;
}

fn merge(lib: &mut Library, file: &Path, map: Id) -> jejak_core::sync::MergeReport {
    lib.merge_map(&MapFile::open(file).unwrap(), map).unwrap()
}

#[test]
fn cards_added_on_both_sides_are_all_kept_whichever_side_merges() {
    let mut p = pair();
    let doc = p.doc_a();
    p.a.apply(p.map, &[new_card(&doc, 1, "Ana's card")])
        .unwrap();
    p.b.apply(p.map, &[new_card(&doc, 1, "Budi's card")])
        .unwrap();
    p.b.apply(p.map, &[new_card(&doc, 2, "Budi's second")])
        .unwrap();
    let (at_a, at_b) = p.merge_both_ways();
    assert_eq!((at_a.received, at_a.kept_ours), (2, 1));
    assert_eq!((at_b.received, at_b.kept_ours), (1, 2));
    assert!(at_a.conflicts.is_empty(), "{:?}", at_a.conflicts);
    let merged = p.doc_a();
    for title in ["Shared card", "Ana's card", "Budi's card", "Budi's second"] {
        card_titled(&merged, title);
    }
    // Both appended to the same cell from the same state: the two cards got distinct places.
    let cell: Vec<_> = merged
        .cards
        .iter()
        .filter(|c| c.stage_id == doc.stages[1].id)
        .collect();
    assert_eq!(cell.len(), 2);
    assert_ne!(cell[0].rank, cell[1].rank);
}

#[test]
fn merging_the_same_file_again_changes_nothing_and_the_merge_is_one_undo_step() {
    let mut p = pair();
    let doc = p.doc_a();
    p.a.apply(p.map, &[new_card(&doc, 1, "Ana's card")])
        .unwrap();
    let before = p.doc_a();
    p.b.apply(p.map, &[new_card(&doc, 2, "Budi's card")])
        .unwrap();
    let from_b = p.file_of(&p.b, "b.jejak");

    let first = merge(&mut p.a, &from_b, p.map);
    assert_eq!(first.received, 1);
    let merged = p.doc_a();
    let again = merge(&mut p.a, &from_b, p.map);
    assert_eq!(again.received, 0);
    assert_eq!(content(&p.doc_a()), content(&merged));

    // A snapshot kept the map as it was before (only one: the second merge brought nothing).
    let snaps = p.a.snapshots(p.map).unwrap();
    let merges: Vec<_> = snaps
        .iter()
        .filter(|s| s.reason == SnapshotReason::Merge)
        .collect();
    assert_eq!(merges.len(), 1);
    assert_eq!(merges[0].card_count, 2);

    p.a.undo(p.map).unwrap();
    assert_eq!(content(&p.doc_a()), content(&before));
    p.a.redo(p.map).unwrap();
    assert_eq!(content(&p.doc_a()), content(&merged));

    // Undone, the merge is still known: the same file again brings nothing, and the undo stays.
    p.a.undo(p.map).unwrap();
    assert_eq!(merge(&mut p.a, &from_b, p.map).received, 0);
    assert_eq!(content(&p.doc_a()), content(&before));
}

#[test]
fn the_same_title_edited_on_both_sides_keeps_the_later_edit_and_lists_the_conflict() {
    let mut p = pair();
    let card = card_titled(&p.doc_a(), "Shared card").id;
    let retitle = |title: &str| Op::UpdateCard {
        id: card,
        title: title.into(),
        body: String::new(),
    };
    p.a.apply(p.map, &[retitle("Ana's title")]).unwrap();
    later();
    p.b.apply(p.map, &[retitle("Budi's title")]).unwrap();
    let (at_a, at_b) = p.merge_both_ways();
    assert_eq!(card_titled(&p.doc_a(), "Budi's title").id, card);

    let c = &at_a.conflicts[..];
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].kind, ConflictKind::BothChanged);
    assert_eq!(c[0].field, "title");
    assert_eq!(c[0].kept, Side::Theirs);
    assert_eq!(c[0].ours.value, "Ana's title");
    assert_eq!(c[0].ours.author, "Ana");
    assert_eq!(c[0].theirs.value, "Budi's title");
    assert_eq!(c[0].theirs.author, "Budi");
    assert_eq!(c[0].cards, vec![card]);
    assert!(c[0].can_use_other);
    // Budi's side sees the same conflict from its own point of view.
    assert_eq!(at_b.conflicts.len(), 1);
    assert_eq!(at_b.conflicts[0].kept, Side::Ours);

    // Listed until dealt with; "use the other version" puts Ana's title back, as an undo step.
    let listed = p.a.conflicts(p.map).unwrap();
    assert_eq!(listed.len(), 1);
    p.a.use_other_version(p.map, listed[0].id).unwrap();
    assert_eq!(card_titled(&p.doc_a(), "Ana's title").id, card);
    assert!(p.a.conflicts(p.map).unwrap().is_empty());
    p.b.dismiss_conflict(p.map, at_b.conflicts[0].id).unwrap();
    assert!(p.b.conflicts(p.map).unwrap().is_empty());
}

#[test]
fn different_fields_of_one_card_edited_on_each_side_both_stand() {
    let mut p = pair();
    let card = card_titled(&p.doc_a(), "Shared card").clone();
    p.a.apply(
        p.map,
        &[Op::UpdateCard {
            id: card.id,
            title: "Renamed by Ana".into(),
            body: card.body.clone(),
        }],
    )
    .unwrap();
    later();
    let mut attrs = card.attrs.clone();
    attrs.channel = Some("WhatsApp".into());
    p.b.apply(
        p.map,
        &[
            Op::UpdateCard {
                id: card.id,
                title: card.title.clone(),
                body: "Body by Budi".into(),
            },
            Op::SetCardAttrs { id: card.id, attrs },
        ],
    )
    .unwrap();
    let (at_a, _) = p.merge_both_ways();
    assert!(at_a.conflicts.is_empty(), "{:?}", at_a.conflicts);
    let merged = p.doc_a();
    let merged = card_titled(&merged, "Renamed by Ana");
    assert_eq!(merged.body, "Body by Budi");
    assert_eq!(merged.attrs.channel.as_deref(), Some("WhatsApp"));
}

#[test]
fn a_card_moved_to_two_stages_goes_where_the_later_move_put_it() {
    let mut p = pair();
    let doc = p.doc_a();
    let card = card_titled(&doc, "Shared card").id;
    let move_to = |stage: usize| Op::MoveCard {
        id: card,
        stage_id: doc.stages[stage].id,
        lane_id: doc.lanes[0].id,
        place: Place::End,
    };
    p.b.apply(p.map, &[move_to(2)]).unwrap();
    later();
    p.a.apply(p.map, &[move_to(3)]).unwrap();
    let (at_a, _) = p.merge_both_ways();
    let merged = p.doc_a();
    assert_eq!(
        card_titled(&merged, "Shared card").stage_id,
        doc.stages[3].id
    );
    let c = &at_a.conflicts;
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!((c[0].field.as_str(), c[0].kept), ("cell", Side::Ours));
    assert_eq!(c[0].theirs.value["stageId"], doc.stages[2].id.to_string());

    // The other version moves it to Budi's stage.
    p.a.use_other_version(p.map, c[0].id).unwrap();
    let doc = p.doc_a();
    assert_eq!(card_titled(&doc, "Shared card").stage_id, doc.stages[2].id);
}

#[test]
fn a_card_added_to_a_stage_the_other_side_deleted_is_parked_not_lost() {
    for delete_first in [true, false] {
        let mut p = pair();
        let doc = p.doc_a();
        let stage = doc.stages[1].id;
        let delete = Op::DeleteStage { id: stage };
        let add = new_card(&doc, 1, "Budi's card in the deleted stage");
        if delete_first {
            p.a.apply(p.map, &[delete]).unwrap();
            later();
            p.b.apply(p.map, &[add]).unwrap();
        } else {
            p.b.apply(p.map, &[add]).unwrap();
            later();
            p.a.apply(p.map, &[delete]).unwrap();
        }
        let (at_a, at_b) = p.merge_both_ways();
        let merged = p.doc_a();
        let card = card_titled(&merged, "Budi's card in the deleted stage");
        let parked = merged
            .stages
            .iter()
            .find(|s| s.id == card.stage_id)
            .unwrap();
        assert_eq!(parked.title, "Parked");
        assert!(
            merged.stages.iter().all(|s| s.id != stage),
            "the delete stands"
        );
        assert_eq!(card.lane_id, doc.lanes[0].id, "the card keeps its lane");
        for report in [&at_a, &at_b] {
            let c = &report.conflicts;
            assert_eq!(c.len(), 1, "delete first: {delete_first}: {c:?}");
            assert_eq!(c[0].kind, ConflictKind::Parked);
            assert_eq!(c[0].cards, vec![card.id]);
        }
        assert_eq!(at_a.conflicts[0].ours.author, "Ana");
        assert_eq!(at_a.conflicts[0].theirs.author, "Budi");
    }
}

#[test]
fn a_card_edited_on_one_side_and_deleted_on_the_other_stays_deleted_with_a_conflict() {
    let mut p = pair();
    let card = card_titled(&p.doc_a(), "Shared card").id;
    p.a.apply(
        p.map,
        &[Op::UpdateCard {
            id: card,
            title: "Edited by Ana".into(),
            body: String::new(),
        }],
    )
    .unwrap();
    later();
    p.b.apply(p.map, &[Op::DeleteCard { id: card }]).unwrap();
    let (at_a, _) = p.merge_both_ways();
    assert!(p.doc_a().cards.iter().all(|c| c.id != card));
    let c = &at_a.conflicts;
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].kind, ConflictKind::ChangedDeleted);
    assert_eq!(c[0].label, "Edited by Ana");
    assert_eq!(c[0].theirs.value, "deleted");
}

#[test]
fn undoing_a_merge_hides_its_conflicts_and_a_new_edit_then_forgets_them() {
    let mut p = pair();
    let card = card_titled(&p.doc_a(), "Shared card").id;
    let retitle = |title: &str| Op::UpdateCard {
        id: card,
        title: title.into(),
        body: String::new(),
    };
    p.b.apply(p.map, &[retitle("Budi's")]).unwrap();
    later();
    p.a.apply(p.map, &[retitle("Ana's")]).unwrap();
    let from_b = p.file_of(&p.b, "b.jejak");
    assert_eq!(merge(&mut p.a, &from_b, p.map).conflicts.len(), 1);
    p.a.undo(p.map).unwrap();
    assert!(p.a.conflicts(p.map).unwrap().is_empty());
    p.a.redo(p.map).unwrap();
    assert_eq!(p.a.conflicts(p.map).unwrap().len(), 1);
    p.a.undo(p.map).unwrap();
    p.a.apply(p.map, &[retitle("Ana again")]).unwrap();
    assert!(p.a.conflicts(p.map).unwrap().is_empty());
}

#[test]
fn a_map_json_file_cannot_be_merged_and_nothing_is_written() {
    let mut p = pair();
    let json = p.dir.path().join("map.json");
    p.b.export_map_json(p.map, &json).unwrap();
    let file = MapFile::open(&json).unwrap();
    assert!(!file.can_merge());
    let before = p.doc_a();
    assert!(p.a.merge_map(&file, p.map).is_err());
    assert_eq!(content(&p.doc_a()), content(&before));
    assert!(p
        .a
        .snapshots(p.map)
        .unwrap()
        .iter()
        .all(|s| s.reason != SnapshotReason::Merge));
}
