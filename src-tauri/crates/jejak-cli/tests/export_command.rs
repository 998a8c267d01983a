//! `jejak-cli` run as a script would: a real library file in a temp dir, real PDFs read by poppler.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use jejak_core::templates::{Locale, Template};
use jejak_store::Library;

mod common;
use common::cli;

fn stderr(o: &Output) -> String {
    common::text(&o.stderr)
}

fn library(dir: &Path) -> (String, String) {
    let path = dir.join("library.jejak");
    let mut lib = Library::open(&path).unwrap();
    let map = lib
        .create_map(
            Template::CustomerJourney,
            Locale::Id,
            Some("Perjalanan nasabah"),
        )
        .unwrap();
    (path.to_string_lossy().into_owned(), map.id.to_string())
}

fn pdfinfo(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is needed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn exports_by_title_and_by_id_in_each_mode() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = library(dir.path());
    let fit = dir.path().join("fit.pdf");
    let o = cli(&[
        "export",
        "--library",
        &lib,
        "--map",
        "perjalanan NASABAH",
        "-o",
        fit.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("fit.pdf: "));
    let info = pdfinfo(&fit);
    assert!(
        info.contains("Title:           Perjalanan nasabah"),
        "{info}"
    );
    assert!(info.contains("(A4)"));

    let poster = dir.path().join("poster.pdf");
    let o = cli(&[
        "export",
        "--library",
        &lib,
        "--map",
        &id,
        "--paper",
        "a3",
        "--orientation",
        "portrait",
        "--mode",
        "poster",
        "--scale",
        "150",
        "--overlap",
        "12",
        "--lang",
        "id",
        "--output",
        poster.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let info = pdfinfo(&poster);
    assert!(info.contains("841.89 x 1190.55 pts (A3)"), "{info}");

    let by_stage = dir.path().join("stages.pdf");
    let o = cli(&[
        "export",
        "--library",
        &lib,
        "--map",
        &id,
        "--mode",
        "by-stage",
        "--paper",
        "letter",
        "--no-personas",
        "--no-inventory",
        "-o",
        by_stage.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // printpdf stores sizes in millimetres, so 792 pt may read back as 792.001.
    assert!(pdfinfo(&by_stage).contains(" x 612 pts (letter)"));

    let list = cli(&["list", "--library", &lib]);
    assert!(String::from_utf8_lossy(&list.stdout).contains(&id));
}

#[test]
fn mistakes_get_clear_errors_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = library(dir.path());
    let out = dir.path().join("out.pdf");
    let out_s = out.to_str().unwrap();

    let missing = dir.path().join("nope.jejak");
    let o = cli(&[
        "export",
        "--library",
        missing.to_str().unwrap(),
        "--map",
        &id,
        "-o",
        out_s,
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("there is no library at"),
        "{}",
        stderr(&o)
    );
    assert!(
        !missing.exists(),
        "a mistyped path must not create a library"
    );

    let foreign = dir.path().join("notes.txt");
    std::fs::write(&foreign, "just some notes\n").unwrap();
    let o = cli(&[
        "export",
        "--library",
        foreign.to_str().unwrap(),
        "--map",
        &id,
        "-o",
        out_s,
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("cannot open the library"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&foreign).unwrap(), b"just some notes\n");

    let o = cli(&[
        "export",
        "--library",
        &lib,
        "--map",
        "No such map",
        "-o",
        out_s,
    ]);
    assert!(
        stderr(&o).contains("no map has the id or title"),
        "{}",
        stderr(&o)
    );

    let o = cli(&[
        "export",
        "--library",
        &lib,
        "--map",
        &id,
        "--mode",
        "poster",
        "--scale",
        "2",
        "-o",
        out_s,
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("poster scale"), "{}", stderr(&o));

    let o = cli(&[
        "export",
        "--library",
        &lib,
        "--map",
        &id,
        "--paper",
        "a0",
        "-o",
        out_s,
    ]);
    assert!(!o.status.success());
    assert!(!out.exists(), "no file after any failure");

    let no_dir = dir.path().join("missing-dir").join("x.pdf");
    let o = cli(&[
        "export",
        "--library",
        &lib,
        "--map",
        &id,
        "-o",
        no_dir.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
}
