#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Snapshots on real library files: taken by name and automatically, listed with their counts,
//! previewed without changing anything, restored as one undo step after a safety snapshot,
//! exported as a map file, kept across a restart, and bounded in number.

mod common;

use common::{content, worked_library};
use jejak_core::snapshot::SnapshotReason;
use jejak_core::{Op, Place};
use jejak_store::{Library, MapFile, StoreError, KEEP_AUTOMATIC};

#[test]
fn a_named_snapshot_is_restored_as_one_undo_step_after_a_safety_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let mut lib = Library::open(&path).unwrap();
    let before = lib.load_map(map_id).unwrap();
    let taken = lib.take_snapshot(map_id, "  Sebelum lokakarya 2 ").unwrap();
    assert_eq!(taken.label, "Sebelum lokakarya 2");
    assert_eq!(taken.reason, SnapshotReason::Named);
    assert_eq!(taken.card_count as usize, before.cards.len());
    assert_eq!(taken.stage_count as usize, before.stages.len());
    assert_eq!(taken.lane_count as usize, before.lanes.len());

    // The workshop: a stage goes (with its cards and their scores), a persona goes, a renaming.
    lib.apply(
        map_id,
        &[Op::DeleteStage {
            id: before.stages[1].id,
        }],
    )
    .unwrap();
    lib.apply(
        map_id,
        &[Op::DeletePersona {
            id: before.personas[0].id,
        }],
    )
    .unwrap();
    lib.apply(
        map_id,
        &[Op::RenameMap {
            title: "Sesudah".into(),
        }],
    )
    .unwrap();
    let after = lib.load_map(map_id).unwrap();
    assert_ne!(content(&after), content(&before));

    // Preview changes nothing.
    let preview = lib.snapshot_doc(taken.id).unwrap();
    assert_eq!(content(&preview), content(&before));
    assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&after));

    lib.restore_snapshot(taken.id).unwrap();
    assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&before));
    let list = lib.snapshots(map_id).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].reason, SnapshotReason::Restore);
    assert_eq!(
        content(&lib.snapshot_doc(list[0].id).unwrap()),
        content(&after)
    );

    // One undo step brings back what was there before the restore; redo restores again.
    lib.undo(map_id).unwrap();
    assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&after));
    lib.redo(map_id).unwrap();
    assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&before));
    lib.undo(map_id).unwrap();

    // They live in the library file.
    lib.close().unwrap();
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.snapshots(map_id).unwrap(), list);
    assert_eq!(content(&lib.load_map(map_id).unwrap()), content(&after));
}

#[test]
fn a_snapshot_exports_as_a_map_file_and_can_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let mut lib = Library::open(&path).unwrap();
    let kept = lib.load_map(map_id).unwrap();
    let taken = lib.take_snapshot(map_id, "Awal").unwrap();
    lib.apply(
        map_id,
        &[Op::RenameMap {
            title: "Lain".into(),
        }],
    )
    .unwrap();

    let file = dir.path().join("awal.jejak");
    lib.export_snapshot_file(taken.id, &file).unwrap();
    let opened = MapFile::open(&file).unwrap();
    let other = dir.path().join("other.jejak");
    let mut target = Library::open(&other).unwrap();
    target
        .import_map(&opened, map_id, jejak_store::ImportAs::New)
        .unwrap();
    assert_eq!(content(&target.load_map(map_id).unwrap()), content(&kept));

    lib.delete_snapshot(taken.id).unwrap();
    assert!(lib.snapshots(map_id).unwrap().is_empty());
    let gone = lib.restore_snapshot(taken.id).unwrap_err();
    assert!(
        matches!(
            gone,
            StoreError::NotFound {
                what: "snapshot",
                ..
            }
        ),
        "{gone}"
    );
}

#[test]
fn names_are_checked_and_a_deleted_map_takes_its_snapshots_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let mut lib = Library::open(&path).unwrap();
    assert!(matches!(
        lib.take_snapshot(map_id, "   "),
        Err(StoreError::Invalid(_))
    ));
    let long = "x".repeat(jejak_core::snapshot::MAX_LABEL_CHARS + 1);
    assert!(matches!(
        lib.take_snapshot(map_id, &long),
        Err(StoreError::Invalid(_))
    ));
    assert!(lib.snapshots(map_id).unwrap().is_empty());
    lib.take_snapshot(map_id, "Satu").unwrap();
    lib.trash_map(map_id).unwrap();
    lib.purge_map(map_id).unwrap();
    assert!(lib.snapshots(map_id).unwrap().is_empty());
}

#[test]
fn the_first_edit_of_a_day_keeps_the_map_as_it_was_and_old_automatic_ones_go() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    {
        // The map was made yesterday.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE maps SET created_at = created_at - 25 * 3600 * 1000",
            [],
        )
        .unwrap();
    }
    let mut lib = Library::open(&path).unwrap();
    let yesterday = lib.load_map(map_id).unwrap();
    let stage = yesterday.stages[0].id;
    let rename = |title: &str| Op::RenameStage {
        id: stage,
        title: title.into(),
    };
    lib.apply(map_id, &[rename("Hari ini")]).unwrap();
    lib.apply_merged(map_id, &[rename("Hari ini 2")], "k")
        .unwrap();
    let list = lib.snapshots(map_id).unwrap();
    assert_eq!(list.len(), 1, "one a day, not one an edit");
    assert_eq!(list[0].reason, SnapshotReason::Daily);
    assert_eq!(
        content(&lib.snapshot_doc(list[0].id).unwrap()),
        content(&yesterday)
    );

    // Automatic snapshots are bounded; named ones are never pruned.
    let named = lib.take_snapshot(map_id, "Tetap").unwrap();
    for i in 0..(KEEP_AUTOMATIC + 5) {
        let card = jejak_core::NewCard {
            id: jejak_core::new_id(),
            stage_id: stage,
            lane_id: yesterday.lanes[0].id,
            title: format!("Kartu {i}"),
            body: String::new(),
            attrs: Default::default(),
        };
        let create = Op::CreateCard {
            card,
            place: Place::End,
        };
        lib.apply(map_id, &[create]).unwrap();
        let snapshot = lib.snapshots(map_id).unwrap()[0].id;
        lib.restore_snapshot(snapshot).unwrap();
    }
    // Each kind has its quota: the restores never pushed out the day's snapshot.
    let list = lib.snapshots(map_id).unwrap();
    let count = |r| list.iter().filter(|s| s.reason == r).count() as i64;
    assert_eq!(count(SnapshotReason::Restore), KEEP_AUTOMATIC);
    assert_eq!(count(SnapshotReason::Daily), 1);
    assert!(list.contains(&named));
}

#[test]
fn a_metrics_import_keeps_the_map_as_it_was_before() {
    let dir = tempfile::tempdir().unwrap();
    let (path, map_id) = worked_library(dir.path());
    let mut lib = Library::open(&path).unwrap();
    let before = lib.load_map(map_id).unwrap();
    let title = before.cards[0].title.clone();
    let spec = jejak_core::metrics::MetricsImport {
        match_by: jejak_core::metrics::MatchBy::Title,
        key_column: "card".into(),
        columns: vec!["CSAT".into()],
        number_style: Default::default(),
    };
    lib.import_metrics(map_id, &format!("card,CSAT\n{title},4.5\n"), &spec)
        .unwrap();
    let list = lib.snapshots(map_id).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, SnapshotReason::Bulk);
    assert_eq!(
        content(&lib.snapshot_doc(list[0].id).unwrap()),
        content(&before)
    );
}
