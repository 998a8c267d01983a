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

#[test]
fn the_touchpoints_go_to_a_spreadsheet_as_csv_with_formula_looking_text_made_inert() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jejak");
    let mut lib = Library::open(&path).unwrap();
    let map = lib
        .create_map(Template::CustomerJourney, Locale::Id, Some("Perjalanan"))
        .unwrap();
    let doc = lib.load_map(map.id).unwrap();
    let card = |title: &str| Op::CreateCard {
        card: jejak_core::NewCard {
            id: jejak_core::new_id(),
            stage_id: doc.stages[1].id,
            lane_id: doc.lanes[0].id,
            title: title.into(),
            body: "Bayar, lalu \"gagal\"\nbaris dua".into(),
            attrs: jejak_core::CardAttrs {
                kind: Some(jejak_core::attrs::TouchpointKind::Human),
                metrics: [("CSAT".to_string(), 4.5)].into(),
                ..Default::default()
            },
        },
        place: jejak_core::Place::End,
    };
    lib.apply(
        map.id,
        &[
            card("=HYPERLINK(\"http://x\",\"klik\")"),
            card("Pembayaran"),
        ],
    )
    .unwrap();
    lib.close().unwrap();
    let csv = dir.path().join("kartu.csv");
    let out = cli(&[
        "export",
        "--library",
        path.to_str().unwrap(),
        "--map",
        "Perjalanan",
        "--lang",
        "id",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte-order mark"
    );
    let body = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let header = body.lines().next().unwrap();
    assert!(
        header.starts_with("Tahap;Lajur;Judul;Teks;Kanal;Jenis"),
        "{header}"
    );
    assert!(header.ends_with(";CSAT"), "{header}");
    assert!(
        body.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\""),
        "{body}"
    );
    assert!(
        body.contains("\"Bayar, lalu \"\"gagal\"\"\nbaris dua\""),
        "{body}"
    );
    assert!(body.contains(";Manusia;"), "{body}");
    assert!(body.contains(";4,5"), "{body}");
}
