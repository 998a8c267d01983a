#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Property test: random sequences of edits keep the map's invariants, a rejected edit changes
//! nothing, and undoing everything restores the map exactly (redoing everything returns to the end).

mod common;

use common::random::{check_invariants, content, step, to_op};
use jejak_core::templates::{Locale, Template};
use jejak_core::Op;
use jejak_store::Library;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn apply_then_undo_all_restores_the_map(groups in prop::collection::vec(prop::collection::vec(step(), 1..4), 1..25)) {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(&dir.path().join("lib.jejak")).unwrap();
        let map_id = lib.create_map(Template::CustomerJourney, Locale::En, None).unwrap().id;
        let start = lib.load_map(map_id).unwrap();
        let mut applied = 0;
        for group in &groups {
            // Every op of a group is built against the map before the group, so a later op may aim
            // at something an earlier one deleted: then the whole group must be rejected.
            let doc = lib.load_map(map_id).unwrap();
            let ops: Vec<Op> = group.iter().filter_map(|s| to_op(&doc, s)).collect();
            if ops.is_empty() { continue; }
            match lib.apply(map_id, &ops) {
                Ok(_) => applied += 1,
                Err(_) => {
                    // A rejected group (e.g. an op aimed at something an earlier op deleted)
                    // must leave the map as it was.
                    prop_assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&doc));
                }
            }
            check_invariants(&lib.load_map(map_id).unwrap());
        }
        let end = lib.load_map(map_id).unwrap();
        for _ in 0..applied {
            lib.undo(map_id).unwrap();
            check_invariants(&lib.load_map(map_id).unwrap());
        }
        let undone = lib.load_map(map_id).unwrap();
        prop_assert_eq!(content(&undone), content(&start));
        prop_assert!(!undone.history.can_undo);
        for _ in 0..applied {
            lib.redo(map_id).unwrap();
        }
        prop_assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&end));
    }
}
