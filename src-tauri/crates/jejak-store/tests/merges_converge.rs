#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Property test: two libraries share a map, then each makes its own random edits (every kind of
//! op, deletes of stages, lanes and personas the other side uses, and undos). Whichever merges
//! the other's map file, both end with the same map; no card either side made is lost; the map
//! keeps its invariants; and merging again changes nothing.

mod common;

use std::collections::HashSet;

use common::random::{check_invariants, content, step, to_op, Step};
use jejak_core::templates::{Locale, Template};
use jejak_core::{Id, Op};
use jejak_store::{ImportAs, Library, MapFile};
use proptest::prelude::*;

/// Applies random groups; every few groups an undo instead. Returns the ids of the cards it
/// created that are still in the map at the end.
fn edit(lib: &mut Library, map: Id, groups: &[Vec<Step>]) -> HashSet<Id> {
    let mut made = HashSet::new();
    for (i, group) in groups.iter().enumerate() {
        if i % 5 == 4 {
            lib.undo(map).unwrap();
            continue;
        }
        let doc = lib.load_map(map).unwrap();
        let ops: Vec<Op> = group.iter().filter_map(|s| to_op(&doc, s)).collect();
        if ops.is_empty() {
            continue;
        }
        if lib.apply(map, &ops).is_ok() {
            for op in &ops {
                if let Op::CreateCard { card, .. } = op {
                    made.insert(card.id);
                }
            }
        }
    }
    let now: HashSet<Id> = lib
        .load_map(map)
        .unwrap()
        .cards
        .iter()
        .map(|c| c.id)
        .collect();
    made.retain(|id| now.contains(id));
    made
}

fn groups() -> impl Strategy<Value = Vec<Vec<Step>>> {
    prop::collection::vec(prop::collection::vec(step(), 1..3), 0..12)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn both_sides_reach_the_same_map_and_keep_every_card(
        common_edits in groups(),
        ana_edits in groups(),
        budi_edits in groups(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Library::open(&dir.path().join("a.jejak")).unwrap();
        let map = a.create_map(Template::CustomerJourney, Locale::En, None).unwrap().id;
        edit(&mut a, map, &common_edits);
        let start = dir.path().join("start.jejak");
        a.export_map_file(map, &start).unwrap();
        let mut b = Library::open(&dir.path().join("b.jejak")).unwrap();
        b.import_map(&MapFile::open(&start).unwrap(), map, ImportAs::New).unwrap();

        let by_ana = edit(&mut a, map, &ana_edits);
        let by_budi = edit(&mut b, map, &budi_edits);
        let (from_a, from_b) = (dir.path().join("from-a.jejak"), dir.path().join("from-b.jejak"));
        a.export_map_file(map, &from_a).unwrap();
        b.export_map_file(map, &from_b).unwrap();

        let before = a.load_map(map).unwrap();
        let merge = a.merge_map(&MapFile::open(&from_b).unwrap(), map).unwrap();
        b.merge_map(&MapFile::open(&from_a).unwrap(), map).unwrap();
        let merged = a.load_map(map).unwrap();
        prop_assert_eq!(content(&merged), content(&b.load_map(map).unwrap()));
        check_invariants(&merged);
        let cards: HashSet<Id> = merged.cards.iter().map(|c| c.id).collect();
        for id in by_ana.iter().chain(&by_budi) {
            prop_assert!(cards.contains(id), "card {} was lost", id);
        }

        // Again, and the other side's merged file: nothing new, nothing changes.
        let again = a.merge_map(&MapFile::open(&from_b).unwrap(), map).unwrap();
        prop_assert_eq!(again.received, 0);
        let merged_b = dir.path().join("merged-b.jejak");
        b.export_map_file(map, &merged_b).unwrap();
        let from_merged = a.merge_map(&MapFile::open(&merged_b).unwrap(), map).unwrap();
        prop_assert_eq!(from_merged.received, 0);
        prop_assert_eq!(content(&a.load_map(map).unwrap()), content(&merged));

        // The merge is one undo step (when it brought anything): undone, Ana's map is as it was.
        if merge.received > 0 {
            a.undo(map).unwrap();
            prop_assert_eq!(content(&a.load_map(map).unwrap()), content(&before));
        }
    }
}
