//! `jejak-cli export --format json`, importing the JSON back, and `jejak-cli snapshot`, as a
//! script runs them, on real files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jejak_core::templates::{Locale, Template};
use jejak_core::Op;
use jejak_store::Library;

mod common;
use common::{cli, text};

#[test]
fn json_goes_out_and_back_in_and_a_snapshot_is_taken_listed_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.jejak"), dir.path().join("b.jejak"));
    let mut lib = Library::open(&a).unwrap();
    let map = lib
        .create_map(Template::CustomerJourney, Locale::Id, Some("Perjalanan"))
        .unwrap();
    lib.close().unwrap();
    Library::open(&b).unwrap().close().unwrap();
    let json = dir.path().join("peta.json");
    let s = |p: &std::path::Path| p.to_str().unwrap().to_owned();

    let out = cli(&[
        "export",
        "--library",
        &s(&a),
        "--map",
        "Perjalanan",
        "-o",
        &s(&json),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = cli(&["import", "--library", &s(&b), &s(&json)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (one, two) = (
        Library::open(&a).unwrap().load_map(map.id).unwrap(),
        Library::open(&b).unwrap().load_map(map.id).unwrap(),
    );
    assert_eq!(one.cards, two.cards);
    assert_eq!(one.stages, two.stages);

    // A file with a syntax error says where, and the library stays as it was.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n \"format\": \"jejak.map\",,\n}").unwrap();
    let out = cli(&["import", "--library", &s(&b), &s(&bad)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("line 2, column"),
        "{}",
        text(&out.stderr)
    );

    let out = cli(&[
        "snapshot",
        "--library",
        &s(&a),
        "take",
        "--map",
        "Perjalanan",
        "--name",
        "Sebelum",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let id = text(&out.stdout).split('\t').next().unwrap().to_owned();
    let mut lib = Library::open(&a).unwrap();
    lib.apply(
        map.id,
        &[Op::RenameMap {
            title: "Sesudah".into(),
        }],
    )
    .unwrap();
    lib.close().unwrap();

    let out = cli(&["snapshot", "--library", &s(&a), "list", "--map", "Sesudah"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Named"), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).ends_with("Sebelum\n"),
        "{}",
        text(&out.stdout)
    );
    let out = cli(&["snapshot", "--library", &s(&a), "restore", &id]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lib = Library::open(&a).unwrap();
    assert_eq!(lib.load_map(map.id).unwrap().map.title, "Perjalanan");
    assert_eq!(
        lib.snapshots(map.id).unwrap().len(),
        2,
        "with the safety snapshot"
    );

    let out = cli(&["snapshot", "--library", &s(&a), "restore", "nonsense"]);
    assert!(!out.status.success());
}
