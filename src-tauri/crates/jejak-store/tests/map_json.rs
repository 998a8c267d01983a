#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Map JSON (and Mermaid journeys) on real files: export → import gives the same map (ids kept as it is or on replace,
//! new ids on a copy); files with errors are refused with where the error is, the file and the
//! library untouched.

mod common;

use common::{content, sha, worked_library, PHOTO};
use jejak_core::Problem;
use jejak_store::{ImportAs, Library, MapFile, OpenErrorKind};

#[test]
fn json_export_then_import_gives_back_the_same_map() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let mut lib = Library::open(&path).unwrap();
    let json = dir.path().join("peta.json");
    lib.export_map_json(map_id, &json).unwrap();
    let original = lib.load_map(map_id).unwrap();
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.contains("\"format\": \"jejak.map\""), "{text}");
    #[cfg(unix)]
    {
        // Readable as any saved file, not owner-only like the temporary file it was written as.
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&json).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }

    let mut other = Library::open(&dir.path().join("other.jejak")).unwrap();
    let file = MapFile::open(&json).unwrap();
    assert_eq!(file.maps().len(), 1);
    other.import_map(&file, map_id, ImportAs::New).unwrap();
    let imported = other.load_map(map_id).unwrap();
    assert_eq!(content(&imported), content(&original));
    assert_eq!(imported.personas[0].photo.as_deref(), Some(PHOTO));
    assert!(!imported.history.can_undo, "JSON carries no edit history");

    // Replace keeps the ids; a copy gets new ones.
    lib.apply(
        map_id,
        &[jejak_core::Op::RenameMap {
            title: "Lain".into(),
        }],
    )
    .unwrap();
    lib.import_map(&file, map_id, ImportAs::Replace).unwrap();
    assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&original));
    let copy = lib
        .import_map(
            &file,
            map_id,
            ImportAs::Copy {
                title: "Salinan".into(),
            },
        )
        .unwrap();
    let copied = lib.load_map(copy.id).unwrap();
    assert_eq!(copied.cards.len(), original.cards.len());
    assert!(copied
        .cards
        .iter()
        .all(|c| original.cards.iter().all(|o| o.id != c.id)));
    assert_eq!(copied.emotions.len(), original.emotions.len());
}

/// Each bad file is refused with `problem`, and neither it nor the library changes.
fn refused(name: &str, bytes: &[u8], expect: impl Fn(&Problem) -> bool) {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let before = sha(&file);
    let library_before = sha(&path);
    match MapFile::open(&file) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => {
            assert!(expect(&e.problem), "{name}: {:?} ({})", e.problem, e.detail);
            assert_ne!(e.kind, OpenErrorKind::Io);
        }
    }
    assert_eq!(sha(&file), before);
    assert_eq!(sha(&path), library_before);
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.list_maps("").unwrap().len(), 1);
    assert!(lib.load_map(map_id).is_ok());
}

#[test]
fn bad_json_files_are_refused_with_where_and_why() {
    refused(
        "syntax.json",
        b"{\n  \"format\": \"jejak.map\",\n  \"version\": 1,\n  stages\n}",
        |p| *p == Problem::FileSyntax { line: 4, column: 3 },
    );
    refused(
        "package.json",
        br#"{"name": "left-pad", "version": "1.0.0"}"#,
        |p| *p == Problem::LibraryNotSqlite,
    );
    refused(
        "newer.json",
        br#"{"format": "jejak.map", "version": 7}"#,
        |p| matches!(p, Problem::LibraryNewer { version: 7, .. }),
    );
    refused(
        "incomplete.json",
        br#"{"format": "jejak.map", "version": 1, "stages": []}"#,
        |p| matches!(p, Problem::FileContent { line: 1, .. }),
    );
    refused(
        "latin1.json",
        b"{\"format\": \"jejak.map\",\n \"title\": \"caf\xe9\"}",
        |p| *p == Problem::FileNotUtf8 { line: 2 },
    );
    let deep = format!(
        "{{\"format\": {}{}}}",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    refused("deep.json", deep.as_bytes(), |p| {
        matches!(p, Problem::FileSyntax { .. })
    });
    let mut huge = b"{\"format\": \"jejak.map\", \"pad\": \"".to_vec();
    huge.resize(jejak_core::mapjson::MAX_BYTES + 10, b'a');
    refused("huge.json", &huge, |p| {
        matches!(p, Problem::FileTooLarge { max_mb: 64 })
    });
}

#[test]
fn a_json_map_with_what_the_app_refuses_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let mut lib = Library::open(&path).unwrap();
    let mut doc = lib.load_map(map_id).unwrap();
    lib.trash_map(map_id).unwrap();
    lib.purge_map(map_id).unwrap();
    // A hand-edited file: the last card's title is far too long.
    if let Some(card) = doc.cards.last_mut() {
        card.title = "x".repeat(10_000);
    }
    let json = dir.path().join("hostile.json");
    std::fs::write(&json, jejak_core::mapjson::write(&doc)).unwrap();
    let file = MapFile::open(&json).unwrap();
    assert!(lib.import_map(&file, map_id, ImportAs::New).is_err());
    assert!(
        lib.list_maps("").unwrap().is_empty(),
        "no half-imported map"
    );
    assert!(!lib.has_map(map_id).unwrap());
}

#[test]
fn a_mermaid_journey_goes_out_and_comes_back_with_its_documented_losses() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let lib = Library::open(&path).unwrap();
    let original = lib.load_map(map_id).unwrap();
    let file = dir.path().join("journey.mmd");
    lib.export_mermaid(map_id, &file, None).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("journey\n    title Perjalanan pelanggan\n"),
        "{text}"
    );
    // The worked map's one card, scored −2 by Rina: 1 on Mermaid's scale, Rina its actor.
    assert!(text.contains(": 1: Rina\n"), "{text}");

    let opened = MapFile::open(&file).unwrap();
    let new_id = opened.maps()[0].id;
    assert_ne!(
        new_id, map_id,
        "a Mermaid file always comes in as a new map"
    );
    let mut other = Library::open(&dir.path().join("other.jejak")).unwrap();
    other.import_map(&opened, new_id, ImportAs::New).unwrap();
    let back = other.load_map(new_id).unwrap();
    let titles =
        |d: &jejak_core::MapDoc| d.stages.iter().map(|s| s.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&back), titles(&original));
    assert_eq!(back.cards.len(), 1);
    assert_eq!(back.cards[0].title, original.cards[0].title);
    assert_eq!(back.personas[0].name, "Rina");
    assert_eq!(back.emotions[0].score, -2);

    refused(
        "bad.mmd",
        b"journey\n  section A\n    Bayar: sangat: Rina\n",
        |p| {
            *p == Problem::FileSyntax {
                line: 3,
                column: 11,
            }
        },
    );
    refused("flow.mmd", b"graph TD\n  A-->B\n", |p| {
        *p == Problem::LibraryNotSqlite
    });
}
