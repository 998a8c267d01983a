//! `jejak-cli sync` as a script runs it: two libraries share a map through one folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use jejak_core::templates::{Locale, Template};
use jejak_store::Library;

mod common;
use common::{cli, run_ok, text};

fn card_titles(library: &Path) -> Vec<String> {
    let lib = Library::open(library).unwrap();
    let map = lib.list_maps("").unwrap()[0].id;
    let mut titles: Vec<String> = lib
        .load_map(map)
        .unwrap()
        .cards
        .into_iter()
        .map(|c| c.title)
        .collect();
    titles.sort();
    titles
}

#[test]
fn two_libraries_keep_a_map_in_step_through_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (ana, budi) = (dir.path().join("ana.jejak"), dir.path().join("budi.jejak"));
    let folder = dir.path().join("Team");
    std::fs::create_dir(&folder).unwrap();
    Library::open(&ana)
        .unwrap()
        .create_map(
            Template::CustomerJourney,
            Locale::En,
            Some("Checkout journey"),
        )
        .unwrap();
    Library::open(&budi).unwrap().close().unwrap();
    let (a, b, f) = (
        ana.to_str().unwrap(),
        budi.to_str().unwrap(),
        folder.to_str().unwrap(),
    );

    let out = run_ok(&[
        "sync",
        "--library",
        a,
        "--map",
        "checkout journey",
        "--folder",
        f,
        "--name",
        "Ana",
    ]);
    assert!(out.contains("sharing\tCheckout journey"), "{out}");
    assert!(
        out.contains("synced\tCheckout journey\t0 received"),
        "{out}"
    );

    let out = run_ok(&["sync", "--library", b, "--folder", f, "--name", "Budi"]);
    assert!(out.contains("added\tCheckout journey"), "{out}");

    // Budi files cards from a spreadsheet, then syncs; Ana's next sync brings them.
    let csv = dir.path().join("cards.csv");
    std::fs::write(
        &csv,
        "title,stage,lane\nPays by QRIS,Purchase,Touchpoints\n",
    )
    .unwrap();
    run_ok(&[
        "import",
        "--library",
        b,
        csv.to_str().unwrap(),
        "--map",
        "Checkout journey",
    ]);
    let out = run_ok(&["sync", "--library", b]);
    assert!(out.contains("1 written"), "{out}");
    let out = run_ok(&["sync", "--library", a]);
    assert!(out.contains("1 received"), "{out}");
    assert_eq!(card_titles(&ana), ["Pays by QRIS"]);
    assert_eq!(card_titles(&ana), card_titles(&budi));

    // A folder that is gone: the command says so and fails; the edits wait.
    std::fs::rename(&folder, dir.path().join("Away")).unwrap();
    let out = cli(&["sync", "--library", a]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("could not be reached"),
        "{}",
        text(&out.stderr)
    );
    std::fs::rename(dir.path().join("Away"), &folder).unwrap();

    let out = run_ok(&[
        "sync",
        "--library",
        a,
        "--map",
        "Checkout journey",
        "--stop",
    ]);
    assert!(out.contains("stopped\tCheckout journey"), "{out}");
    let out = cli(&["sync", "--library", a, "--map", "Checkout journey"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("is not shared"));
}

#[test]
fn a_folder_holding_the_library_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let ana = dir.path().join("ana.jejak");
    Library::open(&ana)
        .unwrap()
        .create_map(Template::Blank, Locale::En, Some("Map"))
        .unwrap();
    let out = cli(&[
        "sync",
        "--library",
        ana.to_str().unwrap(),
        "--map",
        "Map",
        "--folder",
        dir.path().to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("holds the library"),
        "{}",
        text(&out.stderr)
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("jejak-map-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}
