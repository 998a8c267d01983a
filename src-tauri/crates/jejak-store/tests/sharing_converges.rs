#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Property test: three laptops share a map through one folder. Each makes random edits (every
//! kind of op, deletes of what the others use, undos and redos) and syncs at random moments, so
//! edits cross in every order. Once everyone has synced, all three have the same map, it keeps
//! its invariants, and a further round changes nothing.

mod common;

use common::random::{check_invariants, content, step, to_op, Step};
use jejak_core::templates::{Locale, Template};
use jejak_core::{Id, Op};
use jejak_store::Library;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Move {
    Edit(Vec<Step>),
    Undo,
    Redo,
    Sync,
}

fn a_move() -> impl Strategy<Value = (usize, Move)> {
    let what = prop_oneof![
        4 => prop::collection::vec(step(), 1..3).prop_map(Move::Edit),
        1 => Just(Move::Undo),
        1 => Just(Move::Redo),
        3 => Just(Move::Sync),
    ];
    (0usize..3, what)
}

fn play(lib: &mut Library, map: Id, m: &Move) {
    match m {
        Move::Edit(steps) => {
            let doc = lib.load_map(map).unwrap();
            let ops: Vec<Op> = steps.iter().filter_map(|s| to_op(&doc, s)).collect();
            if !ops.is_empty() {
                // An op the map refuses (a stale target) is the UI's problem, not the test's.
                let _ = lib.apply(map, &ops);
            }
        }
        // Undo and redo of a shared map fit themselves to what came in: they never fail.
        Move::Undo => {
            lib.undo(map).unwrap();
        }
        Move::Redo => {
            lib.redo(map).unwrap();
        }
        Move::Sync => {
            lib.sync_map(map).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn three_laptops_end_with_the_same_map(moves in prop::collection::vec(a_move(), 0..30)) {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Shared");
        std::fs::create_dir(&folder).unwrap();
        let mut a = Library::open(&dir.path().join("a.jejak")).unwrap();
        let map = a.create_map(Template::CustomerJourney, Locale::En, None).unwrap().id;
        a.share_map(map, &folder).unwrap();
        a.sync_map(map).unwrap();
        let mut libs = vec![a];
        for name in ["b.jejak", "c.jejak"] {
            let mut lib = Library::open(&dir.path().join(name)).unwrap();
            lib.add_shared_map(&folder, map).unwrap();
            libs.push(lib);
        }
        for (who, m) in &moves {
            play(&mut libs[*who], map, m);
        }
        for _ in 0..2 {
            for lib in libs.iter_mut() {
                lib.sync_map(map).unwrap();
            }
        }
        let first = libs[0].load_map(map).unwrap();
        check_invariants(&first);
        for lib in &libs[1..] {
            prop_assert_eq!(content(&lib.load_map(map).unwrap()), content(&first));
        }
        let again = libs[0].sync_map(map).unwrap();
        prop_assert_eq!((again.received, again.written), (0, 0));
    }
}
