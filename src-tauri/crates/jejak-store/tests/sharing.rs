#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! A team shares a map through a folder a sync tool replicates: each laptop writes its own file
//! there and merges the others'. Real libraries and a real folder in a temp dir; the "sync tool"
//! is the file system itself (and, where a test says so, a copy made half-way).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::{card_titled, content, later, new_card};
use jejak_core::sharing::SyncIssue;
use jejak_core::sync::ConflictKind;
use jejak_core::templates::{Locale, Template};
use jejak_core::{Id, MapDoc, Op, Problem};
use jejak_store::{Library, StoreError};

struct Team {
    dir: tempfile::TempDir,
    a: Library,
    b: Library,
    map: Id,
}

impl Team {
    fn folder(&self) -> PathBuf {
        self.dir.path().join("Shared")
    }

    fn map_dir(&self) -> PathBuf {
        self.folder().join(format!("jejak-map-{}", self.map))
    }

    fn doc_a(&self) -> MapDoc {
        self.a.load_map(self.map).unwrap()
    }

    fn doc_b(&self) -> MapDoc {
        self.b.load_map(self.map).unwrap()
    }

    /// Ana, Budi, Ana: after that both have everything.
    fn sync_all(&mut self) {
        self.a.sync_map(self.map).unwrap();
        self.b.sync_map(self.map).unwrap();
        self.a.sync_map(self.map).unwrap();
        assert_eq!(content(&self.doc_a()), content(&self.doc_b()));
    }
}

fn library(dir: &Path, file: &str, name: &str) -> Library {
    let mut lib = Library::open(&dir.join(file)).unwrap();
    lib.set_setting("user.name", name).unwrap();
    lib
}

/// Ana shares a map with one card; Budi adds it from the folder.
fn team() -> Team {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("Shared")).unwrap();
    let mut a = library(dir.path(), "ana.jejak", "Ana");
    let map = a
        .create_map(Template::CustomerJourney, Locale::En, Some("Onboarding"))
        .unwrap()
        .id;
    let doc = a.load_map(map).unwrap();
    a.apply(map, &[new_card(&doc, 0, "Shared card")]).unwrap();
    a.share_map(map, &dir.path().join("Shared")).unwrap();
    let first = a.sync_map(map).unwrap();
    assert!(
        first.written >= 2,
        "the map's whole log goes out: {first:?}"
    );
    let mut b = library(dir.path(), "budi.jejak", "Budi");
    let found = b.maps_in_folder(&dir.path().join("Shared")).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].title, "Onboarding");
    assert_eq!(found[0].editors, vec!["Ana".to_owned()]);
    assert!(!found[0].in_library);
    b.add_shared_map(&dir.path().join("Shared"), map).unwrap();
    let team = Team { dir, a, b, map };
    assert_eq!(content(&team.doc_a()), content(&team.doc_b()));
    team
}

#[test]
fn edits_on_either_laptop_reach_the_other_and_each_sees_who_edits() {
    let mut t = team();
    let doc = t.doc_b();
    t.b.apply(t.map, &[new_card(&doc, 1, "Budi's card")])
        .unwrap();
    let out = t.b.sync_map(t.map).unwrap();
    assert_eq!(out.written, 1);
    let came = t.a.sync_map(t.map).unwrap();
    assert_eq!(came.received, 1);
    assert!(came.patch.cards.iter().any(|c| c.title == "Budi's card"));
    assert_eq!(content(&t.doc_a()), content(&t.doc_b()));

    let status = t.a.sharing_status(t.map).unwrap();
    assert_eq!(status.peers.len(), 1);
    assert_eq!(status.peers[0].name, "Budi");
    assert!(status.peers[0].edits >= 1);
    assert!(status.peers[0].last_edit_at.is_some());
    assert!(status.peers[0].arrived_at.is_some());
    assert_eq!(status.waiting, 0);
    let theirs = t.b.sharing_status(t.map).unwrap();
    assert_eq!(theirs.peers[0].name, "Ana");
    assert_ne!(theirs.device, status.device);

    // A round with nothing new changes nothing.
    let quiet = t.a.sync_map(t.map).unwrap();
    assert_eq!((quiet.received, quiet.written), (0, 0));
    // One file per laptop, nothing else.
    let mut files: Vec<_> = std::fs::read_dir(t.map_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut expected = vec![
        format!("{}.jejaklog", status.device),
        format!("{}.jejaklog", theirs.device),
    ];
    expected.sort();
    assert_eq!(files, expected);
}

#[test]
fn concurrent_edits_converge_the_later_wins_and_conflicts_are_listed_on_both() {
    let mut t = team();
    let doc = t.doc_a();
    let shared = card_titled(&doc, "Shared card").id;
    let retitle = |title: &str| Op::UpdateCard {
        id: shared,
        title: title.into(),
        body: String::new(),
    };
    // Ana deletes the second stage while Budi, offline, files a card there; both retitle the
    // shared card, Budi later.
    t.a.apply(
        t.map,
        &[Op::DeleteStage {
            id: doc.stages[1].id,
        }],
    )
    .unwrap();
    t.a.apply(t.map, &[retitle("Ana's title")]).unwrap();
    t.b.apply(t.map, &[new_card(&doc, 1, "Budi's idea")])
        .unwrap();
    later();
    t.b.apply(t.map, &[retitle("Budi's title")]).unwrap();
    t.sync_all();

    let merged = t.doc_a();
    assert_eq!(card_titled(&merged, "Budi's title").id, shared);
    let idea = card_titled(&merged, "Budi's idea");
    let parked = merged
        .stages
        .iter()
        .find(|s| s.id == idea.stage_id)
        .unwrap();
    assert_eq!(parked.title, "Parked");
    for lib in [&t.a, &t.b] {
        let kinds: Vec<ConflictKind> = lib
            .conflicts(t.map)
            .unwrap()
            .iter()
            .map(|c| c.kind)
            .collect();
        assert!(kinds.contains(&ConflictKind::BothChanged), "{kinds:?}");
        assert!(kinds.contains(&ConflictKind::Parked), "{kinds:?}");
    }
    let both =
        t.a.conflicts(t.map)
            .unwrap()
            .into_iter()
            .find(|c| c.kind == ConflictKind::BothChanged)
            .unwrap();
    assert_eq!(both.theirs.author, "Budi");
    assert_eq!(both.ours.author, "Ana");
}

#[test]
fn undo_takes_back_my_own_edit_and_never_a_teammates() {
    let mut t = team();
    let shared = card_titled(&t.doc_a(), "Shared card").id;
    t.a.apply(
        t.map,
        &[Op::UpdateCard {
            id: shared,
            title: "Ana's title".into(),
            body: String::new(),
        }],
    )
    .unwrap();
    t.sync_all();
    later();
    // Budi writes the card's text and adds a card of his own; it reaches Ana.
    t.b.apply(
        t.map,
        &[Op::UpdateCard {
            id: shared,
            title: "Ana's title".into(),
            body: "Budi's notes".into(),
        }],
    )
    .unwrap();
    let doc = t.doc_b();
    t.b.apply(t.map, &[new_card(&doc, 2, "Budi's card")])
        .unwrap();
    t.sync_all();

    // Ana's undo puts back her title only: Budi's text and card stay.
    t.a.undo(t.map).unwrap();
    let after = t.doc_a();
    let c = after.cards.iter().find(|c| c.id == shared).unwrap();
    assert_eq!(c.title, "Shared card");
    assert_eq!(c.body, "Budi's notes");
    card_titled(&after, "Budi's card");
    t.a.redo(t.map).unwrap();
    let redone = t.doc_a();
    let c = redone.cards.iter().find(|c| c.id == shared).unwrap();
    assert_eq!(
        (c.title.as_str(), c.body.as_str()),
        ("Ana's title", "Budi's notes")
    );

    // Undo of a card Ana made after Budi moved it elsewhere: the card goes, nothing breaks.
    let doc = t.doc_a();
    t.a.apply(t.map, &[new_card(&doc, 0, "Short-lived")])
        .unwrap();
    t.sync_all();
    let id = card_titled(&t.doc_b(), "Short-lived").id;
    t.b.apply(t.map, &[Op::DeleteCard { id }]).unwrap();
    t.sync_all();
    t.a.undo(t.map).unwrap();
    t.sync_all();
    card_titled(&t.doc_a(), "Budi's card");
}

#[test]
fn a_line_copied_in_part_waits_and_damaged_lines_are_skipped_and_named() {
    let mut t = team();
    let doc = t.doc_b();
    t.b.apply(t.map, &[new_card(&doc, 1, "First")]).unwrap();
    t.b.apply(t.map, &[new_card(&doc, 1, "Second")]).unwrap();
    t.b.sync_map(t.map).unwrap();
    let device = t.b.sharing_status(t.map).unwrap().device;
    let file = t.map_dir().join(format!("{device}.jejaklog"));
    let whole = std::fs::read(&file).unwrap();
    // The sync tool has delivered the file up to the middle of its last line.
    std::fs::write(&file, &whole[..whole.len() - 40]).unwrap();
    let part = t.a.sync_map(t.map).unwrap();
    assert_eq!(part.received, 1, "the complete line came in");
    assert!(part.issues.is_empty(), "{:?}", part.issues);
    std::fs::write(&file, &whole).unwrap();
    let rest = t.a.sync_map(t.map).unwrap();
    assert_eq!(rest.received, 1);
    card_titled(&t.doc_a(), "Second");

    // A line damaged in transit is skipped and named; what follows still comes in.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .unwrap();
    f.write_all(b"{\"change\":{\"id\":\"garbled\n").unwrap();
    drop(f);
    t.b.apply(t.map, &[new_card(&doc, 1, "Third")]).unwrap();
    t.b.sync_map(t.map).unwrap();
    let damaged = t.a.sync_map(t.map).unwrap();
    assert_eq!(damaged.received, 1);
    assert!(
        damaged.issues.contains(&SyncIssue::LinesUnreadable {
            file: format!("{device}.jejaklog"),
            lines: 1
        }),
        "{:?}",
        damaged.issues
    );
    assert_eq!(t.a.sharing_status(t.map).unwrap().issues.len(), 1);
    card_titled(&t.doc_a(), "Third");
}

#[test]
fn foreign_and_newer_files_are_named_and_left_byte_for_byte_alone() {
    let mut t = team();
    let foreign = t.map_dir().join("notes.jejaklog");
    std::fs::write(&foreign, b"not a Jejak file\n").unwrap();
    let newer = t.map_dir().join("future.jejaklog");
    let text = format!(
        "{{\"jejakSync\":2,\"map\":\"{}\",\"device\":\"f\"}}\n{{\"warp\":1}}\n",
        t.map
    );
    std::fs::write(&newer, &text).unwrap();
    let before = t.doc_a();
    let report = t.a.sync_map(t.map).unwrap();
    assert_eq!(report.received, 0);
    assert!(report.issues.contains(&SyncIssue::FileForeign {
        file: "notes.jejaklog".into()
    }));
    assert!(report.issues.contains(&SyncIssue::FileNewer {
        file: "future.jejaklog".into(),
        version: 2
    }));
    assert_eq!(content(&t.doc_a()), content(&before));
    assert_eq!(std::fs::read(&foreign).unwrap(), b"not a Jejak file\n");
    assert_eq!(std::fs::read_to_string(&newer).unwrap(), text);
    // Read once: the next round does not read them again.
    assert!(t.a.sync_map(t.map).unwrap().issues.is_empty());
    assert_eq!(t.a.sharing_status(t.map).unwrap().issues.len(), 2);
}

/// A hand-made line of a third laptop "odd": one change stamped at `ms` doing `op`.
fn odd_line(map: Id, ms: i64, op: &str) -> String {
    format!(
        "{{\"change\":{{\"id\":\"{id}\",\"stamp\":\"{ms:013}-000000-odd\",\"device\":\"odd\",\"author\":\"Odd\",\"ops\":[{op}],\"inverse\":[]}}}}\n",
        id = jejak_core::new_id(),
        ms = ms,
        op = op,
    )
    .replace("{map}", &map.to_string())
}

#[test]
fn an_edit_that_does_not_apply_or_is_dated_ahead_is_left_out_and_the_rest_comes_in() {
    let mut t = team();
    let doc = t.doc_b();
    t.b.apply(t.map, &[new_card(&doc, 1, "Good card")]).unwrap();
    t.b.sync_map(t.map).unwrap();
    // An edit no Jejak would make (a blank map title), and one from a clock centuries ahead.
    let now = jejak_core::now_millis();
    let file = format!(
        "{{\"jejakSync\":1,\"map\":\"{map}\",\"device\":\"odd\"}}\n{}",
        odd_line(t.map, now, r#"{"type":"renameMap","title":""}"#),
        map = t.map
    );
    std::fs::write(t.map_dir().join("odd.jejaklog"), file).unwrap();
    let report = t.a.sync_map(t.map).unwrap();
    assert_eq!(report.received, 1, "{report:?}");
    assert!(report.issues.contains(&SyncIssue::EditsRefused {
        file: "odd.jejaklog".into(),
        edits: 1
    }));
    let doc = t.doc_a();
    assert_eq!(doc.map.title, "Onboarding");
    card_titled(&doc, "Good card");

    let ahead = odd_line(
        t.map,
        9_999_999_999_999,
        r#"{"type":"renameMap","title":"Hijacked"}"#,
    );
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(t.map_dir().join("odd.jejaklog"))
        .unwrap();
    f.write_all(ahead.as_bytes()).unwrap();
    drop(f);
    let report = t.a.sync_map(t.map).unwrap();
    assert!(report.issues.contains(&SyncIssue::ClockAhead {
        file: "odd.jejaklog".into(),
        edits: 1
    }));
    assert_eq!(t.doc_a().map.title, "Onboarding");

    // Neither left a trace: Ana's next edits are stamped now, not after the year 2286, and the
    // rounds go on.
    t.a.apply(t.map, &[new_card(&doc, 0, "After")]).unwrap();
    t.sync_all();
    let log = std::fs::read_to_string(t.map_dir().join(format!(
        "{}.jejaklog",
        t.a.sharing_status(t.map).unwrap().device
    )))
    .unwrap();
    let last = log.lines().last().unwrap();
    assert!(!last.contains("\"stamp\":\"99999"), "{last}");
}

#[test]
fn an_unreachable_folder_keeps_edits_waiting_until_it_is_back() {
    let mut t = team();
    let away = t.dir.path().join("Unplugged");
    std::fs::rename(t.folder(), &away).unwrap();
    let doc = t.doc_a();
    t.a.apply(t.map, &[new_card(&doc, 2, "Offline card")])
        .unwrap();
    let report = t.a.sync_map(t.map).unwrap();
    assert_eq!(report.written, 0);
    assert!(matches!(
        report.issues[..],
        [SyncIssue::FolderUnreachable { .. }]
    ));
    assert_eq!(t.a.sharing_status(t.map).unwrap().waiting, 1);
    // The map is as edited; nothing was made where the folder was.
    card_titled(&t.doc_a(), "Offline card");
    assert!(!t.folder().exists());
    std::fs::rename(&away, t.folder()).unwrap();
    assert_eq!(t.a.sync_map(t.map).unwrap().written, 1);
    t.b.sync_map(t.map).unwrap();
    card_titled(&t.doc_b(), "Offline card");
}

#[test]
fn a_crash_between_writing_and_noting_it_only_writes_lines_twice() {
    let mut t = team();
    let doc = t.doc_a();
    t.a.apply(t.map, &[new_card(&doc, 1, "Twice")]).unwrap();
    // The lines are written, then the app dies before the library notes it.
    let job = t.a.sync_job(t.map, true).unwrap().unwrap();
    let _lost = job.run();
    let again = t.a.sync_map(t.map).unwrap();
    assert_eq!(again.written, 1, "written again");
    t.b.sync_map(t.map).unwrap();
    let cards: Vec<_> = t
        .doc_b()
        .cards
        .into_iter()
        .filter(|c| c.title == "Twice")
        .collect();
    assert_eq!(cards.len(), 1);
}

#[test]
fn a_library_put_back_from_an_old_copy_gets_its_own_edits_back_from_the_folder() {
    let mut t = team();
    let path = t.dir.path().join("ana.jejak");
    let old = t.dir.path().join("ana-old.jejak");
    t.a.backup_now().unwrap();
    let a = std::mem::replace(&mut t.a, library(t.dir.path(), "scratch.jejak", "x"));
    a.close().unwrap();
    std::fs::copy(&path, &old).unwrap();
    t.a = Library::open(&path).unwrap();
    let doc = t.doc_a();
    t.a.apply(t.map, &[new_card(&doc, 3, "Only in the folder")])
        .unwrap();
    t.a.sync_map(t.map).unwrap();
    let a = std::mem::replace(&mut t.a, library(t.dir.path(), "scratch2.jejak", "x"));
    a.close().unwrap();
    std::fs::copy(&old, &path).unwrap();
    t.a = Library::open(&path).unwrap();
    assert!(t
        .doc_a()
        .cards
        .iter()
        .all(|c| c.title != "Only in the folder"));
    t.a.sync_map(t.map).unwrap();
    card_titled(&t.doc_a(), "Only in the folder");
}

#[test]
fn folders_that_cannot_hold_a_shared_map_are_refused_with_a_reason() {
    let t = team();
    let mut a = t.a;
    let problem = |e: StoreError| e.problems()[0].clone();
    let missing = a.share_map(t.map, &t.dir.path().join("nope")).unwrap_err();
    assert_eq!(problem(missing), Problem::FolderMissing);
    let holds = a.share_map(t.map, t.dir.path()).unwrap_err();
    assert_eq!(problem(holds), Problem::SyncFolderHoldsLibrary);
    let empty = t.dir.path().join("Empty");
    std::fs::create_dir(&empty).unwrap();
    assert!(a.maps_in_folder(&empty).unwrap().is_empty());
}

#[test]
fn stopping_leaves_the_files_and_writes_no_more() {
    let mut t = team();
    t.a.stop_sharing(t.map).unwrap();
    assert!(t.a.sharing_status(t.map).unwrap().folder.is_none());
    let doc = t.doc_a();
    t.a.apply(t.map, &[new_card(&doc, 1, "Private")]).unwrap();
    assert!(t.a.sync_map(t.map).is_err());
    assert!(t.a.sync_job(t.map, true).unwrap().is_none());
    t.b.sync_map(t.map).unwrap();
    assert!(t.doc_b().cards.iter().all(|c| c.title != "Private"));
    assert_eq!(std::fs::read_dir(t.map_dir()).unwrap().count(), 2);
    // Shared again, everything goes out once more and Budi gets it.
    t.a.share_map(t.map, &t.folder()).unwrap();
    t.sync_all();
    card_titled(&t.doc_b(), "Private");
}

#[test]
fn a_file_deleted_from_the_folder_is_written_again_and_read_from_its_start() {
    let mut t = team();
    let doc = t.doc_b();
    t.b.apply(t.map, &[new_card(&doc, 1, "Before the tidy-up")])
        .unwrap();
    t.sync_all();
    // Someone tidies the folder and deletes Budi's file.
    let budi = t.b.sharing_status(t.map).unwrap().device;
    std::fs::remove_file(t.map_dir().join(format!("{budi}.jejaklog"))).unwrap();
    t.b.apply(t.map, &[new_card(&doc, 2, "After the tidy-up")])
        .unwrap();
    t.b.sync_map(t.map).unwrap(); // notices its file is gone
    assert!(
        t.b.sharing_status(t.map).unwrap().waiting > 2,
        "everything waits again"
    );
    t.b.sync_map(t.map).unwrap(); // writes it all anew
    t.a.sync_map(t.map).unwrap();
    card_titled(&t.doc_a(), "After the tidy-up");
    // A third laptop joining now finds everything Budi ever did.
    let mut c = library(t.dir.path(), "citra.jejak", "Citra");
    c.add_shared_map(&t.folder(), t.map).unwrap();
    let doc = c.load_map(t.map).unwrap();
    card_titled(&doc, "Before the tidy-up");
    card_titled(&doc, "After the tidy-up");
    assert_eq!(content(&doc), content(&t.doc_a()));
}

#[test]
fn a_round_read_from_old_marks_is_not_taken_in_twice() {
    let mut t = team();
    let doc = t.doc_b();
    t.b.apply(t.map, &[new_card(&doc, 1, "Once")]).unwrap();
    t.b.sync_map(t.map).unwrap();
    let first = t.a.sync_job(t.map, true).unwrap().unwrap().run();
    let second = t.a.sync_job(t.map, true).unwrap().unwrap().run();
    assert_eq!(t.a.sync_take_in(first).unwrap().received, 1);
    let late = t.a.sync_take_in(second).unwrap();
    assert_eq!(late.received, 0);
    assert_eq!(
        t.doc_a().cards.iter().filter(|c| c.title == "Once").count(),
        1
    );
    // Adding a map the library shares already through the folder changes nothing.
    let waiting = t.a.sharing_status(t.map).unwrap().waiting;
    t.a.add_shared_map(&t.folder(), t.map).unwrap();
    assert_eq!(t.a.sharing_status(t.map).unwrap().waiting, waiting);
}

#[test]
fn undo_and_redo_leave_a_teammates_later_edits_alone_also_after_sharing_stops() {
    let mut t = team();
    let shared = card_titled(&t.doc_a(), "Shared card").id;
    let set = |title: &str, body: &str| Op::UpdateCard {
        id: shared,
        title: title.into(),
        body: body.into(),
    };
    t.a.apply(t.map, &[set("Ana's title", "")]).unwrap();
    t.sync_all();
    later();
    // Budi, having seen it, rewrites the title: Ana's undo must not take his title back.
    t.b.apply(t.map, &[set("Budi's title", "")]).unwrap();
    t.sync_all();
    t.a.undo(t.map).unwrap();
    let now = t.doc_a();
    assert_eq!(card_titled(&now, "Budi's title").id, shared);
    t.a.redo(t.map).unwrap();
    assert_eq!(card_titled(&t.doc_a(), "Budi's title").id, shared);

    // Between Ana's undo and redo of her text, Budi writes the text: the redo keeps it.
    t.a.apply(t.map, &[set("Budi's title", "Ana's text")])
        .unwrap();
    t.sync_all();
    t.a.undo(t.map).unwrap();
    t.sync_all();
    later();
    t.b.apply(t.map, &[set("Budi's title", "Budi's text")])
        .unwrap();
    t.sync_all();
    t.a.redo(t.map).unwrap();
    let c = t
        .doc_a()
        .cards
        .into_iter()
        .find(|c| c.id == shared)
        .unwrap();
    assert_eq!(c.body, "Budi's text");

    // Sharing stopped, teammates' edits stay in the map: undo still fits itself to them.
    let doc = t.doc_a();
    t.a.apply(t.map, &[new_card(&doc, 0, "Made by Ana")])
        .unwrap();
    t.sync_all();
    let id = card_titled(&t.doc_b(), "Made by Ana").id;
    t.b.apply(t.map, &[Op::DeleteCard { id }]).unwrap();
    t.sync_all();
    t.a.stop_sharing(t.map).unwrap();
    t.a.undo(t.map).unwrap();
    t.a.undo(t.map).unwrap();
}

#[test]
fn an_edit_made_after_seeing_the_others_is_no_conflict_even_beside_an_older_one() {
    let mut t = team();
    let shared = card_titled(&t.doc_a(), "Shared card").id;
    let retitle = |title: &str| Op::UpdateCard {
        id: shared,
        title: title.into(),
        body: String::new(),
    };
    t.a.apply(t.map, &[retitle("Ana's title")]).unwrap();
    t.a.sync_map(t.map).unwrap();
    later();
    // Budi files a card before Ana's title reaches him, then sees it and writes a better one.
    let doc = t.doc_b();
    t.b.apply(t.map, &[new_card(&doc, 1, "Budi's card")])
        .unwrap();
    t.b.sync_map(t.map).unwrap();
    assert_eq!(card_titled(&t.doc_b(), "Ana's title").id, shared);
    later();
    t.b.apply(t.map, &[retitle("Budi's better title")]).unwrap();
    t.b.sync_map(t.map).unwrap();
    // Both of Budi's changes reach Ana in one round: the title is his decision, not a clash.
    let report = t.a.sync_map(t.map).unwrap();
    assert_eq!(report.received, 2);
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    assert_eq!(card_titled(&t.doc_a(), "Budi's better title").id, shared);
}

#[test]
fn my_file_put_back_as_an_older_copy_is_set_aside_and_written_anew() {
    let mut t = team();
    let doc = t.doc_b();
    t.b.apply(t.map, &[new_card(&doc, 1, "First")]).unwrap();
    t.b.sync_map(t.map).unwrap();
    let budi = t.b.sharing_status(t.map).unwrap().device;
    let file = t.map_dir().join(format!("{budi}.jejaklog"));
    let older = std::fs::read(&file).unwrap();
    t.b.apply(t.map, &[new_card(&doc, 2, "Second")]).unwrap();
    t.b.apply(t.map, &[new_card(&doc, 3, "Third")]).unwrap();
    t.b.sync_map(t.map).unwrap();
    t.a.sync_map(t.map).unwrap();
    // The sync tool puts back an older version of Budi's file; Budi edits on.
    std::fs::write(&file, &older).unwrap();
    t.b.apply(t.map, &[new_card(&doc, 0, "Fourth")]).unwrap();
    t.b.sync_map(t.map).unwrap();
    t.b.sync_map(t.map).unwrap();
    let report = t.a.sync_map(t.map).unwrap();
    assert!(report.issues.is_empty(), "{:?}", report.issues);
    card_titled(&t.doc_a(), "Fourth");
    assert_eq!(content(&t.doc_a()), content(&t.doc_b()));
    // The older copy is kept aside, under a name nobody reads.
    let aside = std::fs::read_dir(t.map_dir())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().contains(".lost-")
        })
        .count();
    assert_eq!(aside, 1);
}

#[test]
fn deleting_the_parked_stage_keeps_the_cards_its_deleter_did_not_know_of() {
    let mut t = team();
    let doc = t.doc_a();
    let gone = doc.stages[1].id;
    t.a.apply(t.map, &[Op::DeleteStage { id: gone }]).unwrap();
    t.b.apply(t.map, &[new_card(&doc, 1, "Parked once")])
        .unwrap();
    t.sync_all();
    let parked = t
        .doc_a()
        .stages
        .into_iter()
        .find(|s| s.title == "Parked")
        .unwrap();
    // Budi files another card in Parked; Ana, not knowing, deletes the Parked stage.
    let lane = t.doc_b().lanes[0].id;
    t.b.apply(
        t.map,
        &[Op::CreateCard {
            card: jejak_core::NewCard {
                id: jejak_core::new_id(),
                stage_id: parked.id,
                lane_id: lane,
                title: "Filed in Parked".into(),
                body: String::new(),
                attrs: Default::default(),
            },
            place: jejak_core::Place::End,
        }],
    )
    .unwrap();
    t.a.apply(t.map, &[Op::DeleteStage { id: parked.id }])
        .unwrap();
    t.sync_all();
    let merged = t.doc_a();
    assert_eq!(card_titled(&merged, "Filed in Parked").stage_id, parked.id);
    assert!(merged.cards.iter().all(|c| c.title != "Parked once"));
}
