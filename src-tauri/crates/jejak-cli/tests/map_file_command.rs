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
