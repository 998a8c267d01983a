#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! What a crash, a power cut or a half-finished write can leave behind, and how the opener treats
//! it: a library whose log holds every edit opens with them all; a library that is really damaged
//! is refused untouched; a library is one whole file after it is closed.

use std::path::{Path, PathBuf};

use jejak_core::templates::{Locale, Template};
use jejak_core::{new_id, NewCard, Op, Place};
use jejak_store::{Library, OpenErrorKind, OpenOptions, APPLICATION_ID, SCHEMA_VERSION};

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// Every file in the folder with its bytes, to show a refusal changed nothing and made nothing.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

fn add_cards(lib: &mut Library, n: usize) -> (jejak_core::Id, Vec<String>) {
    let map = lib
        .create_map(Template::CustomerJourney, Locale::En, Some("Crash test"))
        .unwrap();
    let doc = lib.load_map(map.id).unwrap();
    let mut titles = Vec::new();
    for i in 0..n {
        let title = format!("Card {i} {}", "x".repeat(i % 300));
        lib.apply(
            map.id,
            &[Op::CreateCard {
                card: NewCard {
                    id: new_id(),
                    stage_id: doc.stages[i % doc.stages.len()].id,
                    lane_id: doc.lanes[i % doc.lanes.len()].id,
                    title: title.clone(),
                    body: "b".repeat(i % 700),
                    attrs: Default::default(),
                },
                place: Place::End,
            }],
        )
        .unwrap();
        titles.push(title);
    }
    (map.id, titles)
}

/// The files a process killed right now would leave: the main file and its log, copied while the
/// connection is still open (so nothing was checkpointed or closed).
fn leave_as_if_killed(lib: &Library, to: &Path) {
    std::fs::copy(lib.path(), to).unwrap();
    std::fs::copy(side(lib.path(), "-wal"), side(to, "-wal")).unwrap();
}

#[test]
fn a_library_killed_in_the_middle_of_a_checkpoint_opens_with_every_edit() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.jejak");
    let crashed_dir = dir.path().join("crashed");
    std::fs::create_dir(&crashed_dir).unwrap();
    let crashed = crashed_dir.join("library.jejak");
    let mut lib = Library::open(&live).unwrap();
    // A reader holding an old snapshot keeps every new page in the log, as between checkpoints.
    let reader = rusqlite::Connection::open(&live).unwrap();
    reader
        .execute_batch("BEGIN; SELECT COUNT(*) FROM maps;")
        .unwrap();
    let (map_id, titles) = add_cards(&mut lib, 150);
    leave_as_if_killed(&lib, &crashed);
    drop(reader);
    drop(lib);

    // A checkpoint writes the newest version of each page into the main file in page order;
    // stop it half way.
    let wal = std::fs::read(side(&crashed, "-wal")).unwrap();
    let page_size = u32::from_be_bytes(wal[8..12].try_into().unwrap()) as usize;
    let mut newest: std::collections::BTreeMap<u32, &[u8]> = Default::default();
    for frame in wal[32..].chunks_exact(24 + page_size) {
        newest.insert(
            u32::from_be_bytes(frame[0..4].try_into().unwrap()),
            &frame[24..],
        );
    }
    assert!(newest.len() > 20, "the log should hold many pages");
    let mut main = std::fs::read(&crashed).unwrap();
    for (pgno, page) in newest.iter().take(newest.len() / 2) {
        let at = (*pgno as usize - 1) * page_size;
        if main.len() < at + page_size {
            main.resize(at + page_size, 0);
        }
        main[at..at + page_size].copy_from_slice(page);
    }
    std::fs::write(&crashed, &main).unwrap();

    // The main file alone is not the database any more (damaged, or missing edits).
    let alone = crashed_dir.join("alone.jejak");
    std::fs::copy(&crashed, &alone).unwrap();
    let alone_cards = rusqlite::Connection::open(&alone).ok().and_then(|c| {
        let ok: String = c
            .pragma_query_value(None, "integrity_check", |r| r.get(0))
            .ok()?;
        let n: i64 = c
            .query_row("SELECT COUNT(*) FROM cards", [], |r| r.get(0))
            .ok()?;
        (ok == "ok").then_some(n as usize)
    });
    std::fs::remove_file(&alone).unwrap();
    assert_ne!(
        alone_cards,
        Some(titles.len()),
        "the main file alone should not be whole"
    );

    let lib = Library::open(&crashed).unwrap();
    let doc = lib.load_map(map_id).unwrap();
    let mut got: Vec<String> = doc.cards.iter().map(|c| c.title.clone()).collect();
    let mut want = titles;
    got.sort();
    want.sort();
    assert_eq!(got, want, "every acknowledged edit is there");
}

#[test]
fn a_damaged_library_with_a_log_is_refused_and_neither_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.jejak");
    let crashed_dir = dir.path().join("crashed");
    std::fs::create_dir(&crashed_dir).unwrap();
    let crashed = crashed_dir.join("library.jejak");
    let mut lib = Library::open(&live).unwrap();
    add_cards(&mut lib, 40);
    leave_as_if_killed(&lib, &crashed);
    drop(lib);
    // Scribble over pages of the main file that the log does not replace.
    let mut bytes = std::fs::read(&crashed).unwrap();
    let len = bytes.len();
    for b in bytes.iter_mut().skip(4096).take(len.saturating_sub(8192)) {
        *b ^= 0x5A;
    }
    std::fs::write(&crashed, &bytes).unwrap();
    let before = snapshot(&crashed_dir);
    let err = Library::open(&crashed).err().map(|e| e.kind);
    assert!(
        matches!(err, Some(OpenErrorKind::Corrupt | OpenErrorKind::NotSqlite)),
        "{err:?}"
    );
    assert_eq!(
        snapshot(&crashed_dir),
        before,
        "refusing changed or created files"
    );
}

#[test]
fn an_index_that_disagrees_with_its_table_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    let mut lib = Library::open(&path).unwrap();
    add_cards(&mut lib, 30);
    drop(lib);
    {
        // The index keeps its entries (built on lane_id) but now claims to be on stage_id:
        // quick_check does not notice, integrity_check does.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = 'CREATE INDEX cards_by_lane ON cards(stage_id)'
             WHERE name = 'cards_by_lane';
             PRAGMA writable_schema = OFF;",
        )
        .unwrap();
        let quick: String = conn
            .pragma_query_value(None, "quick_check", |r| r.get(0))
            .unwrap();
        assert_eq!(quick, "ok");
    }
    let before = snapshot(dir.path());
    assert_eq!(
        Library::open(&path).err().map(|e| e.kind),
        Some(OpenErrorKind::Corrupt)
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_library_whose_upgrade_fails_is_refused_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.jejak");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        for (_, sql) in &jejak_store::MIGRATIONS[..4] {
            conn.execute_batch(sql).unwrap();
        }
        // Something the next migration will trip over.
        conn.execute_batch("CREATE TABLE history_by_state (x TEXT);")
            .unwrap();
        conn.pragma_update(None, "user_version", 4).unwrap();
    }
    const { assert!(SCHEMA_VERSION > 4) };
    let before = snapshot(dir.path());
    let err = Library::open(&path).err().unwrap();
    assert_eq!(err.kind, OpenErrorKind::Corrupt);
    assert_eq!(snapshot(dir.path()), before, "the refused file was changed");
}

#[test]
fn a_closed_library_is_one_whole_file_that_can_be_copied_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    let mut lib = Library::open(&path).unwrap();
    let (map_id, titles) = add_cards(&mut lib, 60);
    lib.close().unwrap();
    assert!(
        !side(&path, "-wal").exists(),
        "the log is gone after closing"
    );
    let copy_dir = dir.path().join("elsewhere");
    std::fs::create_dir(&copy_dir).unwrap();
    let copy = copy_dir.join("moved.jejak");
    std::fs::copy(&path, &copy).unwrap();
    let moved = Library::open(&copy).unwrap();
    assert_eq!(moved.load_map(map_id).unwrap().cards.len(), titles.len());
}

#[test]
fn a_half_created_library_from_an_older_jejak_is_replaced_by_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.jejak");
    std::fs::write(&path, b"").unwrap();
    std::fs::write(side(&path, "-journal"), vec![0u8; 512]).unwrap();
    let mut lib = Library::open(&path).unwrap();
    assert!(lib.list_maps("").unwrap().is_empty());
    lib.create_map(Template::Blank, Locale::Id, None).unwrap();
    drop(lib);
    assert!(!side(&path, "-journal").exists());
    // A lone empty file is still refused: nothing says Jejak made it.
    let lone = dir.path().join("lone.jejak");
    std::fs::write(&lone, b"").unwrap();
    assert_eq!(
        Library::open(&lone).err().map(|e| e.kind),
        Some(OpenErrorKind::Empty)
    );
}

#[test]
fn leftovers_of_an_interrupted_creation_are_cleared_and_never_mistaken_for_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.jejak");
    let half = dir.path().join(".library.jejak.new-abc123");
    std::fs::write(&half, b"SQLite format 3\0 half written").unwrap();
    std::fs::write(side(&half, "-journal"), b"junk").unwrap();
    drop(Library::open(&path).unwrap());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["library.jejak"], "only the library is left");
}

#[test]
fn a_second_jejak_on_the_same_library_is_told_it_is_in_use_and_a_reader_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    let mut first = Library::open(&path).unwrap();
    first
        .create_map(Template::CustomerJourney, Locale::En, Some("Shared"))
        .unwrap();
    let no_wait = OpenOptions {
        lock_wait: std::time::Duration::ZERO,
        ..OpenOptions::default()
    };
    let second = Library::open_with(&path, no_wait).err().unwrap();
    assert_eq!(second.kind, OpenErrorKind::InUse);
    let reader = Library::open_for_reading(&path).unwrap();
    assert_eq!(reader.list_maps("").unwrap()[0].title, "Shared");
    drop(reader);
    drop(first);
    assert!(Library::open(&path).is_ok(), "free again once closed");
}

#[test]
fn damage_after_a_clean_close_is_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let path = dir.path().join("lib.jejak");
    let options = OpenOptions {
        state_dir: Some(state.clone()),
        ..OpenOptions::default()
    };
    let mut lib = Library::open_with(&path, options.clone()).unwrap();
    add_cards(&mut lib, 40);
    lib.close().unwrap();
    assert_eq!(
        std::fs::read_dir(&state).unwrap().count(),
        1,
        "clean close recorded"
    );
    // A clean start opens without the full check; it works.
    drop(Library::open_with(&path, options.clone()).unwrap());
    // Damage written afterwards changes the file's times, so the full check runs and refuses it.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut bytes = std::fs::read(&path).unwrap();
    for b in bytes.iter_mut().skip(8192).take(4096) {
        *b = 0;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(
        Library::open_with(&path, options).err().map(|e| e.kind),
        Some(OpenErrorKind::Corrupt)
    );
}
