#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! A full disk and a read-only drive, for real: a small tmpfs that fills up, and one remounted
//! read-only. Edits that cannot be written are refused with the user's words for it, nothing
//! acknowledged is lost, and the library stays readable. Mounting needs root (as in CI); without
//! it the tests say so and stop.

#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::Command;

use jejak_core::templates::{Locale, Template};
use jejak_core::{new_id, NewCard, Op, Place, Problem};
use jejak_store::{Library, StoreError};

/// A tmpfs of `size` mounted in a temporary folder, unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("not run: mounting a tmpfs needs root (CI runs as root)");
            return None;
        }
        Some(Tmpfs { dir })
    }

    fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    fn remount_read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remounting read-only failed");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn card(doc: &jejak_core::MapDoc, title: String) -> Op {
    Op::CreateCard {
        card: NewCard {
            id: new_id(),
            stage_id: doc.stages[0].id,
            lane_id: doc.lanes[0].id,
            title,
            body: "Lorem ipsum dolor sit amet ".repeat(700),
            attrs: Default::default(),
        },
        place: Place::End,
    }
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_full_disk_refuses_the_edit_in_words_and_keeps_every_saved_one() {
    let Some(disk) = Tmpfs::mount("1m") else {
        return;
    };
    let path = disk.path().join("library.jejak");
    let mut lib = Library::open(&path).unwrap();
    let map = lib
        .create_map(Template::CustomerJourney, Locale::Id, Some("Penuh"))
        .unwrap();
    let doc = lib.load_map(map.id).unwrap();
    let mut saved = Vec::new();
    let refusal = loop {
        let title = format!("Card {}", saved.len());
        match lib.apply(map.id, &[card(&doc, title.clone())]) {
            Ok(_) => saved.push(title),
            Err(e) => break e,
        }
        assert!(saved.len() < 1000, "the disk never filled up");
    };
    assert!(!saved.is_empty());
    assert_eq!(refusal.problems(), vec![Problem::DiskFull], "{refusal}");
    // The app keeps working with what it can: the map reads, small edits may still fit.
    let now = lib.load_map(map.id).unwrap();
    assert_eq!(now.cards.len(), saved.len());
    drop(lib);
    // Every acknowledged edit is in the file, which checks out.
    let lib = Library::open(&path).unwrap();
    let titles: Vec<String> = lib
        .load_map(map.id)
        .unwrap()
        .cards
        .into_iter()
        .map(|c| c.title)
        .collect();
    assert_eq!(titles, saved);
}

#[test]
fn a_read_only_drive_shows_the_library_and_refuses_edits_untouched() {
    let Some(disk) = Tmpfs::mount("4m") else {
        return;
    };
    let path = disk.path().join("library.jejak");
    let map = {
        let mut lib = Library::open(&path).unwrap();
        let map = lib
            .create_map(
                Template::CustomerJourney,
                Locale::En,
                Some("On a read-only stick"),
            )
            .unwrap();
        lib.close().unwrap();
        map
    };
    disk.remount_read_only();
    let before = files(&disk.path());
    let mut lib = Library::open(&path).unwrap();
    assert!(lib.is_read_only());
    assert_eq!(lib.list_maps("").unwrap()[0].title, "On a read-only stick");
    let doc = lib.load_map(map.id).unwrap();
    let refused = lib
        .apply(map.id, &[card(&doc, "Nope".into())])
        .err()
        .unwrap();
    assert!(matches!(refused, StoreError::ReadOnly));
    assert_eq!(refused.problems(), vec![Problem::ReadOnly]);
    drop(lib);
    assert_eq!(
        files(&disk.path()),
        before,
        "a read-only open wrote beside the library"
    );
}
