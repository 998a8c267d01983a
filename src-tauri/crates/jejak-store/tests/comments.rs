#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Comments on cards and stages: threads with replies, resolved and reopened, each change one
//! undo step; deleting a card or a stage takes its comments and undo brings every one back as it
//! was; they survive a restart and travel in map files, map JSON and snapshots.

mod common;

use common::{journey, new_card};
use jejak_core::{new_id, Comment, CommentOn, Field, Id, Op, Problem};
use jejak_store::{ImportAs, Library, MapFile, StoreError};

fn comment(on: CommentOn, reply_to: Option<Id>, author: &str, text: &str) -> Comment {
    Comment {
        id: new_id(),
        on,
        reply_to,
        author: author.into(),
        text: text.into(),
        created_at: jejak_core::now_millis(),
        resolved: false,
    }
}

fn add(lib: &mut Library, map: Id, c: &Comment) {
    lib.apply(map, &[Op::AddComment { comment: c.clone() }])
        .unwrap();
}

/// A new card in stage `stage`; its id.
fn add_card(lib: &mut Library, doc: &jejak_core::MapDoc, stage: usize, title: &str) -> Id {
    let op = new_card(doc, stage, title);
    let Op::CreateCard { card, .. } = &op else {
        unreachable!()
    };
    let id = card.id;
    lib.apply(doc.map.id, &[op]).unwrap();
    id
}

fn comments(lib: &Library, map: Id) -> Vec<Comment> {
    lib.load_map(map).unwrap().comments
}

fn problem(err: StoreError) -> Problem {
    err.problems()
        .into_iter()
        .next()
        .unwrap_or(Problem::Conflict)
}

#[test]
fn a_thread_is_written_replied_resolved_reopened_and_each_step_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.jejak");
    let (mut lib, doc) = journey(&dir);
    let map = doc.map.id;
    let card = add_card(&mut lib, &doc, 1, "Checkout");
    let on = CommentOn::Card(card);

    let first = comment(on, None, "Ayu", "  Is the fee shown before this step?\n");
    add(&mut lib, map, &first);
    let reply = comment(on, Some(first.id), "Budi", "Only on the last page.");
    add(&mut lib, map, &reply);
    let stored = comments(&lib, map);
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0].text, "Is the fee shown before this step?");
    assert_eq!(stored[1].reply_to, Some(first.id));

    let patch = lib
        .apply(
            map,
            &[Op::ResolveComment {
                id: first.id,
                resolved: true,
            }],
        )
        .unwrap();
    assert!(patch
        .comments
        .iter()
        .any(|c| c.id == first.id && c.resolved));
    lib.apply(
        map,
        &[Op::EditComment {
            id: reply.id,
            text: "Only on the last page (checked).".into(),
        }],
    )
    .unwrap();

    // Restart: everything is there as left.
    lib.close().unwrap();
    let mut lib = Library::open(&path).unwrap();
    let stored = comments(&lib, map);
    assert!(stored[0].resolved);
    assert_eq!(stored[1].text, "Only on the last page (checked).");

    // Each change is one undo step, and redo does them again.
    lib.undo(map).unwrap();
    assert_eq!(comments(&lib, map)[1].text, "Only on the last page.");
    lib.undo(map).unwrap();
    assert!(!comments(&lib, map)[0].resolved, "undo reopens the thread");
    lib.undo(map).unwrap();
    assert_eq!(comments(&lib, map).len(), 1, "undo takes the reply back");
    lib.redo(map).unwrap();
    lib.redo(map).unwrap();
    let stored = comments(&lib, map);
    assert_eq!(stored.len(), 2);
    assert!(stored[0].resolved);

    // Reopening, then deleting the first comment: its replies go with it, undo brings both.
    lib.apply(
        map,
        &[Op::ResolveComment {
            id: first.id,
            resolved: false,
        }],
    )
    .unwrap();
    let patch = lib
        .apply(map, &[Op::DeleteComment { id: first.id }])
        .unwrap();
    assert_eq!(patch.deleted_comments.len(), 2);
    assert!(comments(&lib, map).is_empty());
    let patch = lib.undo(map).unwrap();
    assert_eq!(patch.comments.len(), 2);
    assert_eq!(comments(&lib, map), stored_open(&stored));
}

fn stored_open(stored: &[Comment]) -> Vec<Comment> {
    stored
        .iter()
        .map(|c| Comment {
            resolved: false,
            ..c.clone()
        })
        .collect()
}

#[test]
fn deleting_a_card_or_a_stage_takes_its_comments_and_undo_brings_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let map = doc.map.id;
    let card = add_card(&mut lib, &doc, 2, "Pay");
    let stage = doc.stages[2].id;
    let on_card = comment(CommentOn::Card(card), None, "Ayu", "Fee surprise here");
    let reply = comment(CommentOn::Card(card), Some(on_card.id), "Rina", "ملاحظة");
    let on_stage = comment(CommentOn::Stage(stage), None, "Budi", "Whole stage is slow");
    let resolved = Comment {
        resolved: true,
        ..comment(CommentOn::Stage(stage), None, "Budi", "Done already")
    };
    for c in [&on_card, &reply, &on_stage, &resolved] {
        add(&mut lib, map, c);
    }
    let before = comments(&lib, map);

    let patch = lib.apply(map, &[Op::DeleteCard { id: card }]).unwrap();
    assert_eq!(patch.deleted_comments.len(), 2, "{patch:?}");
    assert_eq!(comments(&lib, map).len(), 2);
    lib.undo(map).unwrap();
    assert_eq!(comments(&lib, map), before);

    let patch = lib.apply(map, &[Op::DeleteStage { id: stage }]).unwrap();
    assert_eq!(patch.deleted_comments.len(), 4);
    assert!(comments(&lib, map).is_empty());
    lib.undo(map).unwrap();
    assert_eq!(
        comments(&lib, map),
        before,
        "resolved state and replies come back"
    );
    lib.redo(map).unwrap();
    assert!(comments(&lib, map).is_empty());
    lib.undo(map).unwrap();

    // Deleting the lane the card is in takes the card's comments, not the stage's.
    lib.apply(
        map,
        &[Op::DeleteLane {
            id: doc.lanes[0].id,
        }],
    )
    .unwrap();
    assert_eq!(comments(&lib, map).len(), 2);
    lib.undo(map).unwrap();
    assert_eq!(comments(&lib, map), before);
}

#[test]
fn what_a_comment_cannot_be_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let map = doc.map.id;
    let stage = CommentOn::Stage(doc.stages[0].id);
    let long_arabic = "تجربة ".repeat(1_000);
    assert!(long_arabic.chars().count() >= 5_000);
    let first = comment(stage, None, "Ayu", &long_arabic);
    add(&mut lib, map, &first);
    assert_eq!(comments(&lib, map)[0].text, long_arabic.trim());

    let refuse = |lib: &mut Library, op: Op| {
        let before = lib.load_map(map).unwrap();
        let err = lib.apply(map, &[op]).unwrap_err();
        assert_eq!(lib.load_map(map).unwrap(), before);
        problem(err)
    };
    let blank = comment(stage, None, "Ayu", " \n ");
    assert_eq!(
        refuse(&mut lib, Op::AddComment { comment: blank }),
        Problem::Blank {
            field: Field::CommentText
        }
    );
    let nameless = comment(stage, None, "  ", "Hello");
    assert_eq!(
        refuse(&mut lib, Op::AddComment { comment: nameless }),
        Problem::Blank {
            field: Field::CommentAuthor
        }
    );
    let huge = comment(stage, None, "Ayu", &"x".repeat(10_001));
    assert_eq!(
        refuse(&mut lib, Op::AddComment { comment: huge }),
        Problem::TooLong {
            field: Field::CommentText,
            max: 10_000
        }
    );
    let reply = comment(stage, Some(first.id), "Budi", "ok");
    add(&mut lib, map, &reply);
    let to_reply = comment(stage, Some(reply.id), "Budi", "nested");
    refuse(&mut lib, Op::AddComment { comment: to_reply });
    let elsewhere = comment(CommentOn::Stage(doc.stages[1].id), Some(first.id), "B", "x");
    refuse(&mut lib, Op::AddComment { comment: elsewhere });
    refuse(
        &mut lib,
        Op::ResolveComment {
            id: reply.id,
            resolved: true,
        },
    );
    let nowhere = comment(CommentOn::Card(new_id()), None, "Ayu", "lost");
    refuse(&mut lib, Op::AddComment { comment: nowhere });
    refuse(&mut lib, Op::AddComment { comment: first });

    // A comment on another map's stage is refused too.
    let other = lib
        .create_map(
            jejak_core::templates::Template::CustomerJourney,
            jejak_core::templates::Locale::En,
            None,
        )
        .unwrap();
    let other_doc = lib.load_map(other.id).unwrap();
    let foreign = comment(CommentOn::Stage(other_doc.stages[0].id), None, "A", "x");
    refuse(&mut lib, Op::AddComment { comment: foreign });
}

#[test]
fn comments_travel_in_map_files_json_copies_and_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let map = doc.map.id;
    let card = add_card(&mut lib, &doc, 0, "Ad");
    let first = comment(CommentOn::Card(card), None, "Ayu", "Which channel?");
    let reply = comment(CommentOn::Card(card), Some(first.id), "Budi", "Instagram");
    let on_stage = comment(
        CommentOn::Stage(doc.stages[0].id),
        None,
        "Ayu",
        "Stage note",
    );
    for c in [&first, &reply, &on_stage] {
        add(&mut lib, map, c);
    }
    let expected = comments(&lib, map);

    let file = dir.path().join("map.jejak");
    let json = dir.path().join("map.json");
    lib.export_map_file(map, &file).unwrap();
    lib.export_map_json(map, &json).unwrap();
    for (i, source) in [&file, &json].iter().enumerate() {
        let mut target = Library::open(&dir.path().join(format!("other-{i}.jejak"))).unwrap();
        let opened = MapFile::open(source).unwrap();
        target.import_map(&opened, map, ImportAs::New).unwrap();
        assert_eq!(comments(&target, map), expected);
    }

    // A copy renames every id, comments and replies included, and its history still works.
    let opened = MapFile::open(&file).unwrap();
    let copy = lib
        .import_map(
            &opened,
            map,
            ImportAs::Copy {
                title: "Copy".into(),
            },
        )
        .unwrap();
    let copied = comments(&lib, copy.id);
    assert_eq!(copied.len(), 3);
    let copied_card = lib.load_map(copy.id).unwrap().cards[0].id;
    assert!(copied
        .iter()
        .all(|c| !expected.iter().any(|e| e.id == c.id)));
    let by_text = |text: &str| copied.iter().find(|c| c.text == text).unwrap();
    assert_eq!(by_text("Which channel?").on, CommentOn::Card(copied_card));
    assert_eq!(
        by_text("Instagram").reply_to,
        Some(by_text("Which channel?").id)
    );
    lib.undo(copy.id).unwrap();
    assert_eq!(comments(&lib, copy.id).len(), 2);
    lib.redo(copy.id).unwrap();
    assert_eq!(comments(&lib, copy.id), copied);

    // A snapshot keeps them; restoring it brings them back after they were deleted.
    let snap = lib.take_snapshot(map, "before").unwrap();
    lib.apply(map, &[Op::DeleteCard { id: card }]).unwrap();
    lib.apply(map, &[Op::DeleteComment { id: on_stage.id }])
        .unwrap();
    assert!(comments(&lib, map).is_empty());
    lib.restore_snapshot(snap.id).unwrap();
    assert_eq!(comments(&lib, map), expected);
}

#[test]
fn a_map_file_with_a_stray_reply_is_refused_and_the_library_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (mut lib, doc) = journey(&dir);
    let map = doc.map.id;
    let (a, b) = (
        add_card(&mut lib, &doc, 0, "A"),
        add_card(&mut lib, &doc, 1, "B"),
    );
    let first = comment(CommentOn::Card(a), None, "Ayu", "On A");
    add(&mut lib, map, &first);
    let file = dir.path().join("map.jejak");
    lib.export_map_file(map, &file).unwrap();
    // Made by hand: a reply on card B to the thread on card A.
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute(
        "INSERT INTO comments (id, map_id, card_id, reply_to, author, text, created_at)
         VALUES (?1, ?2, ?3, ?4, 'Budi', 'stray', 5)",
        rusqlite::params![
            new_id().to_string(),
            map.to_string(),
            b.to_string(),
            first.id.to_string()
        ],
    )
    .unwrap();
    drop(conn);

    let target_path = dir.path().join("other.jejak");
    let mut target = Library::open(&target_path).unwrap();
    let opened = MapFile::open(&file).unwrap();
    assert!(target.import_map(&opened, map, ImportAs::New).is_err());
    assert!(target.list_maps("").unwrap().is_empty(), "nothing written");
}
