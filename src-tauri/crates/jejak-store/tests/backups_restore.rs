#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Backups through the library: taken through the open connection, checked, listed; a damaged
//! library is replaced by a copy of the newest good one and kept beside it unchanged.

use jejak_core::templates::{Locale, Template};
use jejak_store::{backups, Library, OpenErrorKind};

#[test]
fn the_newest_good_backup_replaces_a_damaged_library_which_is_kept_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.jejak");
    let mut lib = Library::open(&path).unwrap();
    let map = lib
        .create_map(Template::CustomerJourney, Locale::Id, Some("Disimpan"))
        .unwrap();
    let first = lib.backup_now().unwrap();
    assert!(backups::verify(&first.path).is_ok());
    // A later backup that is itself damaged is passed over.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = lib.backup_now().unwrap();
    lib.close().unwrap();
    let mut bad = std::fs::read(&second.path).unwrap();
    bad[5000..9000].fill(0xA5);
    std::fs::write(&second.path, bad).unwrap();
    assert_eq!(backups::list(&path).len(), 2);

    let mut damaged = std::fs::read(&path).unwrap();
    damaged[4096..12288].fill(0x5A);
    std::fs::write(&path, &damaged).unwrap();
    assert_eq!(
        Library::open(&path).err().map(|e| e.kind),
        Some(OpenErrorKind::Corrupt)
    );

    let restored = backups::restore_newest(&path, jejak_core::now_millis()).unwrap();
    assert_eq!(
        restored.backup.path, first.path,
        "the damaged backup is skipped"
    );
    let kept = restored.damaged_kept_at.unwrap();
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        damaged,
        "the damaged file was changed"
    );
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.load_map(map.id).unwrap().map.title, "Disimpan");
}

#[test]
fn without_a_good_backup_nothing_moves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.jejak");
    drop(Library::open(&path).unwrap());
    let before = std::fs::read(&path).unwrap();
    assert!(backups::restore_newest(&path, 0).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
