//! `jejak-cli export --format jejak` and `jejak-cli import` as a script runs them, on real files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use jejak_core::templates::{Locale, Template};
use jejak_store::Library;

mod common;
use common::cli;
use common::text;

fn new_library(path: &Path, titles: &[&str]) {
    let mut lib = Library::open(path).unwrap();
    for t in titles {
        lib.create_map(Template::CustomerJourney, Locale::En, Some(t))
            .unwrap();
    }
    lib.close().unwrap();
}

fn titles(path: &Path) -> Vec<String> {
    let lib = Library::open(path).unwrap();
    let mut t: Vec<String> = lib
        .list_maps("")
        .unwrap()
        .into_iter()
        .map(|m| m.title)
        .collect();
    t.sort();
    t
}

#[test]
fn a_map_file_goes_from_one_library_to_another_and_an_existing_map_needs_a_choice() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.jejak"), dir.path().join("b.jejak"));
    new_library(&a, &["Checkout journey", "Onboarding"]);
    new_library(&b, &[]);
    let file = dir.path().join("checkout.jejak");
    let (a_s, b_s, file_s) = (
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        file.to_str().unwrap(),
    );

    let out = cli(&[
        "export",
        "--library",
        a_s,
        "--map",
        "checkout journey",
        "-o",
        file_s,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = cli(&["import", "--library", b_s, file_s]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("imported\tCheckout journey"));
    assert_eq!(titles(&b), ["Checkout journey"]);

    // Again: the library has it now, and a script has to say what it wants.
    let out = cli(&["import", "--library", b_s, file_s]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--copy"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(titles(&b), ["Checkout journey"]);
    let out = cli(&["import", "--library", b_s, file_s, "--copy"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(titles(&b), ["Checkout journey", "Checkout journey (copy)"]);
    let out = cli(&["import", "--library", b_s, file_s, "--replace"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(titles(&b).len(), 2);

    // A whole library file: pick a map by title.
    let out = cli(&["import", "--library", b_s, a_s, "--map", "Onboarding"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(titles(&b).len(), 3);
}

#[test]
fn a_bad_file_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.jejak");
    new_library(&lib, &["Kept"]);
    let bad = dir.path().join("notes.jejak");
    std::fs::write(&bad, "stage,lane\nA,B\n").unwrap();
    let before = std::fs::read(&lib).unwrap();
    let out = cli(&[
        "import",
        "--library",
        lib.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not a Jejak"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&bad).unwrap(), b"stage,lane\nA,B\n");
    assert_eq!(std::fs::read(&lib).unwrap(), before);

    let out = cli(&[
        "export",
        "--library",
        lib.to_str().unwrap(),
        "--map",
        "Kept",
        "-o",
        dir.path().join("kept.txt").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--format"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn merge_brings_both_sides_edits_together_and_lists_the_conflict() {
    use jejak_core::Op;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.jejak"), dir.path().join("b.jejak"));
    let start = dir.path().join("start.jejak");
    let mut ana = Library::open(&a).unwrap();
    let map = ana
        .create_map(Template::CustomerJourney, Locale::En, Some("Workshop"))
        .unwrap()
        .id;
    let doc = ana.load_map(map).unwrap();
    let card = |title: &str| Op::CreateCard {
        card: jejak_core::NewCard {
            id: jejak_core::new_id(),
            stage_id: doc.stages[0].id,
            lane_id: doc.lanes[0].id,
            title: title.into(),
            body: String::new(),
            attrs: Default::default(),
        },
        place: jejak_core::Place::End,
    };
    ana.apply(map, &[card("Shared")]).unwrap();
    ana.export_map_file(map, &start).unwrap();
    let mut budi = Library::open(&b).unwrap();
    budi.import_map(
        &jejak_store::MapFile::open(&start).unwrap(),
        map,
        jejak_store::ImportAs::New,
    )
    .unwrap();
    let shared = ana.load_map(map).unwrap().cards[0].id;
    let retitle = |title: &str| Op::UpdateCard {
        id: shared,
        title: title.into(),
        body: String::new(),
    };
    budi.apply(map, &[card("Budi's card"), retitle("Budi's")])
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    ana.apply(map, &[card("Ana's card"), retitle("Ana's")])
        .unwrap();
    let from_budi = dir.path().join("from-budi.jejak");
    budi.export_map_file(map, &from_budi).unwrap();
    ana.close().unwrap();
    budi.close().unwrap();

    let (a_s, file_s) = (a.to_str().unwrap(), from_budi.to_str().unwrap());
    let out = cli(&["merge", "--library", a_s, file_s]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("merged\tWorkshop\t1 received\t1 kept\t1 conflicts"),
        "{said}"
    );
    assert!(
        said.contains("conflict\tbothChanged\tAna's\ttitle\tkept ours"),
        "{said}"
    );
    let lib = Library::open(&a).unwrap();
    let mut cards: Vec<String> = lib
        .load_map(map)
        .unwrap()
        .cards
        .into_iter()
        .map(|c| c.title)
        .collect();
    cards.sort();
    assert_eq!(cards, ["Ana's", "Ana's card", "Budi's card"]);
    drop(lib);

    // Again: nothing new. A JSON file cannot be merged, and the library is left as it was.
    let out = cli(&["merge", "--library", a_s, file_s]);
    assert!(
        text(&out.stdout).contains("0 received"),
        "{}",
        text(&out.stdout)
    );
    let json = dir.path().join("map.json");
    Library::open(&b)
        .unwrap()
        .export_map_json(map, &json)
        .unwrap();
    let out = cli(&["merge", "--library", a_s, json.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no edit history to merge"));
}
