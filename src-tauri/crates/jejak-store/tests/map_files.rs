#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Map files on real files: a map leaves one library as a file and comes into another whole —
//! personas, photos, scores and edit history — as it is, as a copy, or in place of the library's
//! version; bad files are refused untouched and an import that fails writes nothing.

mod common;

use common::{content, sha, worked_library, PHOTO};

use jejak_core::templates::{Locale, Template};
use jejak_core::{Id, Op};
use jejak_store::{ImportAs, Library, MapFile, OpenErrorKind, StoreError};

#[test]
fn a_map_file_brings_the_whole_map_with_its_history_into_another_library() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let file = dir.path().join("perjalanan.jejak");
    let mut lib = Library::open(&path).unwrap();
    lib.export_map_file(map_id, &file).unwrap();
    let original = lib.load_map(map_id).unwrap();

    let other = dir.path().join("laptop-baru.jejak");
    let mut target = Library::open(&other).unwrap();
    let opened = MapFile::open(&file).unwrap();
    assert_eq!(opened.maps().len(), 1);
    assert_eq!(opened.maps()[0].id, map_id);
    let summary = target.import_map(&opened, map_id, ImportAs::New).unwrap();
    assert_eq!(summary.id, map_id);
    let imported = target.load_map(map_id).unwrap();
    assert_eq!(content(&imported), content(&original));
    assert_eq!(imported.map.updated_at, original.map.updated_at);
    assert_eq!(imported.personas[0].photo.as_deref(), Some(PHOTO));
    assert_eq!(imported.history, original.history);

    // The history came along: redo and undo do in the new library what they do in the old one.
    let redone_there = lib.redo(map_id).unwrap();
    let redone_here = target.redo(map_id).unwrap();
    assert_eq!(redone_here.cards, redone_there.cards);
    for _ in 0..3 {
        lib.undo(map_id).unwrap();
        target.undo(map_id).unwrap();
    }
    assert_eq!(
        content(&target.load_map(map_id).unwrap()),
        content(&lib.load_map(map_id).unwrap())
    );
}

#[test]
fn a_map_the_library_has_is_never_overwritten_unasked_and_comes_in_as_a_copy_or_a_replacement() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let file = dir.path().join("map.jejak");
    let mut lib = Library::open(&path).unwrap();
    lib.export_map_file(map_id, &file).unwrap();
    let exported = lib.load_map(map_id).unwrap();
    let opened = MapFile::open(&file).unwrap();

    let err = lib.import_map(&opened, map_id, ImportAs::New).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert_eq!(lib.list_maps("").unwrap().len(), 1);

    // Keep both: a copy with new ids everywhere, whose undo never touches the original.
    let title = "Salinan perjalanan".to_string();
    let copy = lib
        .import_map(
            &opened,
            map_id,
            ImportAs::Copy {
                title: title.clone(),
            },
        )
        .unwrap();
    assert_ne!(copy.id, map_id);
    assert_eq!(copy.title, title);
    let copied = lib.load_map(copy.id).unwrap();
    assert_eq!(copied.cards.len(), exported.cards.len());
    let originals: Vec<Id> = exported.cards.iter().map(|c| c.id).collect();
    assert!(copied.cards.iter().all(|c| !originals.contains(&c.id)));
    assert_eq!(copied.emotions.len(), 1);
    while lib.history(copy.id).unwrap().can_undo {
        lib.undo(copy.id).unwrap();
    }
    assert!(lib.load_map(copy.id).unwrap().personas.is_empty());
    assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&exported));

    // Replace mine: the library's later edits give way to the file's version.
    lib.apply(
        map_id,
        &[Op::RenameMap {
            title: "Diubah sesudah ekspor".into(),
        }],
    )
    .unwrap();
    let named = lib.take_snapshot(map_id, "Sebelum impor").unwrap();
    lib.import_map(&opened, map_id, ImportAs::Replace).unwrap();
    assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&exported));
    assert_eq!(lib.list_maps("").unwrap().len(), 2);
    // The version it replaced is kept in a snapshot, and the map's snapshots stay.
    let snapshots = lib.snapshots(map_id).unwrap();
    assert_eq!(snapshots.len(), 2, "{snapshots:?}");
    assert_eq!(
        snapshots[0].reason,
        jejak_core::snapshot::SnapshotReason::Replace
    );
    assert_eq!(snapshots[1], named);
    let replaced = lib.snapshot_doc(snapshots[0].id).unwrap();
    assert_eq!(replaced.map.title, "Diubah sesudah ekspor");
}

#[test]
fn the_maps_of_a_whole_library_file_can_be_picked() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.jejak");
    let mut lib = Library::open(&old).unwrap();
    let ids: Vec<Id> = ["Satu", "Dua", "Tiga"]
        .iter()
        .map(|t| {
            lib.create_map(Template::Blank, Locale::Id, Some(t))
                .unwrap()
                .id
        })
        .collect();
    lib.close().unwrap();

    let mut new = Library::open(&dir.path().join("new.jejak")).unwrap();
    let file = MapFile::open(&old).unwrap();
    assert_eq!(file.maps().len(), 3);
    for id in &ids[..2] {
        new.import_map(&file, *id, ImportAs::New).unwrap();
    }
    let mut titles: Vec<String> = new
        .list_maps("")
        .unwrap()
        .into_iter()
        .map(|m| m.title)
        .collect();
    titles.sort();
    assert_eq!(titles, ["Dua", "Satu"]);
}

#[test]
fn bad_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let good = dir.path().join("good.jejak");
    Library::open(&path)
        .unwrap()
        .export_map_file(map_id, &good)
        .unwrap();
    let bytes = std::fs::read(&good).unwrap();

    let write = |name: &str, data: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, data).unwrap();
        p
    };
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hi');")
        .unwrap();
    let newer = write("newer.jejak", &bytes);
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let mut damaged = bytes.clone();
    // From the start of a page in the middle: its header, not just text a row holds.
    let start = damaged.len() / 2 / 4096 * 4096;
    damaged[start..start + 2048].fill(0x5A);
    let cases = [
        (write("empty.jejak", b""), OpenErrorKind::Empty),
        (
            write("text.jejak", b"stage,lane\nA,B\n"),
            OpenErrorKind::NotSqlite,
        ),
        (
            write("truncated.jejak", &bytes[..bytes.len() / 3]),
            OpenErrorKind::Corrupt,
        ),
        (write("damaged.jejak", &damaged), OpenErrorKind::Corrupt),
        (foreign, OpenErrorKind::Foreign),
        (newer, OpenErrorKind::Newer),
    ];
    for (file, kind) in cases {
        let before = sha(&file);
        let err = MapFile::open(&file).err().map(|e| e.kind);
        assert_eq!(err, Some(kind), "{}", file.display());
        assert_eq!(sha(&file), before, "{} was changed", file.display());
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-wal") || n.ends_with("-journal") || n.ends_with("-shm"))
        .collect();
    assert_eq!(names, Vec::<String>::new(), "side files were left");
}

#[test]
fn a_file_with_what_the_app_refuses_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let file = dir.path().join("hostile.jejak");
    Library::open(&path)
        .unwrap()
        .export_map_file(map_id, &file)
        .unwrap();
    // A card title far over the limit, written behind Jejak's back.
    rusqlite::Connection::open(&file)
        .unwrap()
        .execute("UPDATE cards SET title = ?1", [("x".repeat(100_000))])
        .unwrap();
    let target_path = dir.path().join("target.jejak");
    let mut target = Library::open(&target_path).unwrap();
    let opened = MapFile::open(&file).unwrap();
    let err = target
        .import_map(&opened, map_id, ImportAs::New)
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    assert!(
        target.list_maps("").unwrap().is_empty(),
        "half a map came in"
    );
}

#[test]
fn an_export_replaces_a_file_only_when_complete_and_says_why_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let lib = Library::open(&path).unwrap();
    let dest = dir.path().join("out.jejak");
    std::fs::write(&dest, b"an older export").unwrap();
    lib.export_map_file(map_id, &dest).unwrap();
    assert_eq!(MapFile::open(&dest).unwrap().maps().len(), 1);
    assert!(!std::fs::read_dir(dir.path()).unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with(".jejak-export-")));

    let missing = dir.path().join("no-such-folder").join("out.jejak");
    let err = lib.export_map_file(map_id, &missing).unwrap_err();
    assert!(matches!(err, StoreError::File { .. }), "{err}");
    assert!(matches!(
        lib.export_map_file(jejak_core::new_id(), &dest),
        Err(StoreError::NotFound { .. })
    ));
}
