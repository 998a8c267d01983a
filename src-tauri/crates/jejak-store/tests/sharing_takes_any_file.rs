#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Proptest version of the `sync_log` fuzz target (tests/fuzz; `make fuzz` runs it longer): a
//! teammate's file in the shared folder may hold anything — random bytes, lines cut anywhere,
//! changes whose ops make no sense for the map, a clock far off. A round never fails or panics on
//! it, never writes to it, and leaves a map that keeps its invariants; a second round takes in
//! nothing more.

mod common;

use common::random::{check_invariants, content, step, to_op, Step};
use jejak_core::templates::{Locale, Template};
use jejak_core::MapDoc;
use jejak_store::Library;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Piece {
    /// A change of a real op against the map, stamped `ms_ago` before now (negative: ahead).
    Change {
        steps: Vec<Step>,
        ms_ago: i64,
        seen: bool,
    },
    Hello(String),
    Bytes(Vec<u8>),
    /// The next piece cut after this many bytes (a sync tool's half copy, or damage).
    Cut(usize),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        5 => (prop::collection::vec(step(), 1..3), -2_000_000_000i64..10_000_000, any::<bool>())
            .prop_map(|(steps, ms_ago, seen)| Piece::Change { steps, ms_ago, seen }),
        1 => ".{0,300}".prop_map(Piece::Hello),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Piece::Bytes),
        1 => (0usize..120).prop_map(Piece::Cut),
    ]
}

fn file_of(doc: &MapDoc, with_header: bool, pieces: &[Piece]) -> Vec<u8> {
    let mut out = Vec::new();
    if with_header {
        out.extend(
            format!(
                "{{\"jejakSync\":1,\"map\":\"{}\",\"device\":\"odd\",\"file\":\"x\"}}\n",
                doc.map.id
            )
            .bytes(),
        );
    }
    let now = jejak_core::now_millis();
    let mut cut: Option<usize> = None;
    for (n, p) in pieces.iter().enumerate() {
        let mut line = match p {
            Piece::Change {
                steps,
                ms_ago,
                seen,
            } => {
                let ops: Vec<_> = steps.iter().filter_map(|s| to_op(doc, s)).collect();
                let stamp = format!("{:013}-{:06}-odd", (now - ms_ago).max(0), n);
                let seen = seen.then(|| serde_json::json!({ "odd": "0000000000000-000000-odd" }));
                serde_json::json!({ "change": {
                    "id": jejak_core::new_id(), "stamp": stamp, "device": "odd",
                    "author": "Odd", "ops": ops, "inverse": [], "seen": seen,
                }})
                .to_string()
                .into_bytes()
            }
            Piece::Hello(name) => serde_json::json!({ "hello": { "name": name, "at": 1 } })
                .to_string()
                .into_bytes(),
            Piece::Bytes(b) => b.clone(),
            Piece::Cut(at) => {
                cut = Some(*at);
                continue;
            }
        };
        if let Some(at) = cut.take() {
            line.truncate(at);
        }
        out.extend(line);
        out.push(b'\n');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_file_in_the_folder_is_taken_in_safely(
        pieces in prop::collection::vec(piece(), 0..8),
        with_header in prop::bool::weighted(0.85),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Shared");
        std::fs::create_dir(&folder).unwrap();
        let mut lib = Library::open(&dir.path().join("a.jejak")).unwrap();
        let map = lib.create_map(Template::CustomerJourney, Locale::En, None).unwrap().id;
        lib.share_map(map, &folder).unwrap();
        lib.sync_map(map).unwrap();
        let doc = lib.load_map(map).unwrap();
        let bytes = file_of(&doc, with_header, &pieces);
        let file = folder.join(format!("jejak-map-{map}")).join("odd.jejaklog");
        std::fs::write(&file, &bytes).unwrap();

        lib.sync_map(map).unwrap();
        prop_assert_eq!(std::fs::read(&file).unwrap(), bytes);
        let after = lib.load_map(map).unwrap();
        check_invariants(&after);
        let again = lib.sync_map(map).unwrap();
        prop_assert_eq!(again.received, 0);
        prop_assert_eq!(content(&lib.load_map(map).unwrap()), content(&after));
        // Undo of the map's own history still works beside whatever came in.
        let doc = lib.load_map(map).unwrap();
        lib.apply(map, &[common::new_card(&doc, 0, "Mine")]).unwrap();
        lib.undo(map).unwrap();
    }
}
