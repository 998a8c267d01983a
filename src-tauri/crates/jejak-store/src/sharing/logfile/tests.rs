#![allow(clippy::unwrap_used)]

use std::io::Write;

use super::*;
use crate::sharing::folder::Hello;

fn header(map: Id) -> Header {
    Header {
        jejak_sync: FORMAT_VERSION,
        map,
        device: "dev-a".into(),
        file: "f1".into(),
    }
}

fn hello(name: &str) -> Line {
    Line::Hello(Hello {
        name: name.into(),
        at: 1,
    })
}

fn after(path: &Path, map: Id, mark: &Mark) -> FileRead {
    read_after(path, "dev-a.jejaklog", map, mark).unwrap()
}

#[test]
fn lines_appended_are_read_once_and_a_half_line_waits() {
    let dir = tempfile::tempdir().unwrap();
    let map = jejak_core::new_id();
    let path = dir.path().join("dev-a.jejaklog");
    append(&path, &header(map), &[hello("Ana")]).unwrap();
    let first = after(&path, map, &Mark::default());
    assert_eq!(first.lines, vec![hello("Ana")]);
    assert_eq!(first.device, "dev-a");
    let mark = first.mark.clone();
    // A sync tool has copied half of the next line.
    let mut f = OpenOptions::new().append(true).open(&path).unwrap();
    f.write_all(b"{\"hello\":{\"name\":\"An").unwrap();
    let again = after(&path, map, &mark);
    assert!(again.lines.is_empty());
    assert_eq!(again.mark.read_to, mark.read_to);
    // The writer (after a crash) cuts the half line and goes on.
    append(&path, &header(map), &[hello("Ana S.")]).unwrap();
    let later = after(&path, map, &mark);
    assert_eq!(later.lines, vec![hello("Ana S.")]);
    assert!(later.issue.is_none());
}

#[test]
fn foreign_newer_and_damaged_files_are_named_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let map = jejak_core::new_id();
    let foreign = dir.path().join("x.jejaklog");
    std::fs::write(&foreign, "hello world\n").unwrap();
    let read = read_after(&foreign, "x.jejaklog", map, &Mark::default()).unwrap();
    assert!(matches!(read.issue, Some(SyncIssue::FileForeign { .. })));
    let newer = dir.path().join("y.jejaklog");
    let line = format!("{{\"jejakSync\":7,\"map\":\"{map}\",\"device\":\"y\"}}\n");
    std::fs::write(&newer, line).unwrap();
    let read = read_after(&newer, "y.jejaklog", map, &Mark::default()).unwrap();
    assert_eq!(
        read.issue,
        Some(SyncIssue::FileNewer {
            file: "y.jejaklog".into(),
            version: 7
        })
    );
    // Nothing counted as read: a Jejak that reads the format starts at the top.
    assert_eq!(read.mark.read_to, 0);
    let other_map = read_after(&newer, "y.jejaklog", jejak_core::new_id(), &Mark::default());
    assert!(other_map.unwrap().issue.is_some());

    let damaged = dir.path().join("dev-a.jejaklog");
    append(&damaged, &header(map), &[hello("Ana")]).unwrap();
    let mut f = OpenOptions::new().append(true).open(&damaged).unwrap();
    f.write_all(b"{\"change\": not json\n[1,2]\n{\"future\":1}\n")
        .unwrap();
    append(&damaged, &header(map), &[hello("Ana 2")]).unwrap();
    let read = after(&damaged, map, &Mark::default());
    assert_eq!(read.lines, vec![hello("Ana"), hello("Ana 2")]);
    assert_eq!(
        read.issue,
        Some(SyncIssue::LinesUnreadable {
            file: "dev-a.jejaklog".into(),
            lines: 2
        })
    );
}

#[test]
fn a_replaced_or_shortened_file_is_read_from_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let map = jejak_core::new_id();
    let path = dir.path().join("dev-a.jejaklog");
    append(&path, &header(map), &[hello("Ana"), hello("Ana 2")]).unwrap();
    let read = after(&path, map, &Mark::default());
    let other = Mark {
        header: "{\"jejakSync\":1,\"map\":\"other\"}".into(),
        ..read.mark.clone()
    };
    assert_eq!(after(&path, map, &other).lines.len(), 2);
    // Made again (deleted by someone, then written anew): shorter than what was read.
    std::fs::remove_file(&path).unwrap();
    append(&path, &header(map), &[hello("Ana 3")]).unwrap();
    assert_eq!(after(&path, map, &read.mark).lines, vec![hello("Ana 3")]);
}

#[test]
fn what_is_not_this_laptops_log_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let map = jejak_core::new_id();
    let path = dir.path().join("dev-a.jejaklog");
    std::fs::write(&path, "someone else's notes\nsecond line").unwrap();
    assert!(matches!(
        append(&path, &header(map), &[hello("Ana")]),
        Err(AppendError::NotOurs)
    ));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"someone else's notes\nsecond line"
    );
    #[cfg(unix)]
    {
        let target = dir.path().join("elsewhere.txt");
        std::fs::write(&target, "keep me").unwrap();
        let link = dir.path().join("dev-b.jejaklog");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(append(&link, &header(map), &[hello("Ana")]).is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"keep me");
    }
}
