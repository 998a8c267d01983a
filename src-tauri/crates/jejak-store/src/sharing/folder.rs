//! The shared folder on disk. Each map has a subfolder `jejak-map-<id>`; in it each laptop appends
//! to one file of its own, `<device>.jejaklog`, and only ever reads the others. No file is written
//! by two laptops, so a sync tool never has two versions of one to reconcile (no conflict
//! copies), and the live library file is never in the folder.
//!
//! A file is JSON Lines: a header line, then one line per change (`{"change":{...}}`) or per
//! announcement of the laptop's name (`{"hello":{...}}`). Lines are only appended, each ending in
//! a newline; a reader takes complete lines only, so a line a sync tool has copied in part is
//! read once it is whole. A line of a kind this version does not know is skipped.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use jejak_core::sharing::SyncIssue;
use jejak_core::{Id, Op};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::changes::Change;

/// The version of the file format this Jejak writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 1;
const EXTENSION: &str = "jejaklog";
const MAP_DIR_PREFIX: &str = "jejak-map-";
/// No line Jejak writes is longer (a map's first change holds the whole map as it was).
const MAX_LINE_BYTES: usize = jejak_core::mapjson::MAX_BYTES;

pub(crate) fn map_dir(folder: &Path, map_id: Id) -> PathBuf {
    folder.join(format!("{MAP_DIR_PREFIX}{map_id}"))
}

pub(crate) fn own_file(folder: &Path, map_id: Id, device: &str) -> PathBuf {
    map_dir(folder, map_id).join(format!("{device}.{EXTENSION}"))
}

/// The maps that have a subfolder in `folder`.
pub(crate) fn maps_in(folder: &Path) -> io::Result<Vec<Id>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(id) = name
            .to_str()
            .and_then(|n| n.strip_prefix(MAP_DIR_PREFIX))
            .and_then(|id| Id::parse_str(id).ok())
        else {
            continue;
        };
        if entry.file_type()?.is_dir() {
            out.push(id);
        }
    }
    out.sort();
    Ok(out)
}

/// The log files in a map's subfolder (name, size), by name; none when no laptop wrote yet.
/// Conflict copies a sync tool made of a file (`x.sync-conflict-....jejaklog`) are read too:
/// everything in them is in a log of some laptop, and reading it twice changes nothing.
pub(crate) fn log_files(dir: &Path) -> io::Result<Vec<(String, u64)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let is_log = Path::new(&name).extension().is_some_and(|e| e == EXTENSION);
        let meta = entry.metadata()?;
        if is_log && meta.is_file() && !name.starts_with('.') {
            out.push((name, meta.len()));
        }
    }
    out.sort();
    Ok(out)
}

/// A log file's first line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Header {
    pub jejak_sync: u32,
    pub map: Id,
    pub device: String,
}

/// A change as a log file carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct WireChange {
    pub id: Id,
    pub stamp: String,
    pub device: String,
    pub author: String,
    pub ops: Vec<Op>,
    pub inverse: Vec<Op>,
    /// What its maker had seen (laptop -> newest stamp of its changes there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<std::collections::BTreeMap<String, String>>,
}

impl From<&Change> for WireChange {
    fn from(c: &Change) -> Self {
        WireChange {
            id: c.id,
            stamp: c.stamp.clone(),
            device: c.device.clone(),
            author: c.author.clone(),
            ops: c.ops.clone(),
            inverse: c.inverse.clone(),
            seen: c.seen.clone(),
        }
    }
}

impl From<WireChange> for Change {
    fn from(w: WireChange) -> Self {
        Change {
            id: w.id,
            stamp: w.stamp,
            device: w.device,
            author: w.author,
            ops: w.ops,
            inverse: w.inverse,
            seen: w.seen,
        }
    }
}

/// A laptop's name, announced when it starts sharing and when the name changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Hello {
    pub name: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Line {
    Hello(Hello),
    Change(WireChange),
}

fn json_line<T: Serialize>(value: &T) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(value).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Appends `lines` to this laptop's file (made, with its header, when missing) and waits until
/// they are on disk. A line a crash left half-written is cut off first: nobody can have taken it
/// in, since readers take complete lines only.
pub(crate) fn append(path: &Path, header: &Header, lines: &[Line]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    let whole = whole_length(&mut file)?;
    if whole != file.metadata()?.len() {
        file.set_len(whole)?;
    }
    let mut bytes = Vec::new();
    if whole == 0 {
        bytes.extend(json_line(header)?);
    }
    for line in lines {
        bytes.extend(json_line(line)?);
    }
    file.seek(SeekFrom::Start(whole))?;
    file.write_all(&bytes)?;
    file.sync_all()
}

/// The length of the file up to its last newline.
fn whole_length(file: &mut File) -> io::Result<u64> {
    let len = file.metadata()?.len();
    let mut end = len;
    let mut chunk = vec![0u8; 64 * 1024];
    while end > 0 {
        let start = end.saturating_sub(chunk.len() as u64);
        let n = usize::try_from(end - start).unwrap_or(chunk.len());
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut chunk[..n])?;
        if let Some(i) = chunk[..n].iter().rposition(|b| *b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// What reading one file brought.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileRead {
    pub name: String,
    /// The file's first line, as text ("" while it has none).
    pub header: String,
    /// The laptop that writes the file (from its header).
    pub device: String,
    /// Bytes taken in, always up to a line's end.
    pub read_to: u64,
    pub lines: Vec<Line>,
    pub issue: Option<SyncIssue>,
}

/// How far a file had been read before.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Mark {
    pub header: String,
    pub read_to: u64,
}

/// Reads the complete lines of a log file after `mark` (from the start when the file is not the
/// one the mark was made on). A file that is not a log of this map, or of a newer format, is
/// skipped whole with an issue; lines that cannot be read are counted and skipped.
pub(crate) fn read_after(path: &Path, name: &str, map_id: Id, mark: &Mark) -> io::Result<FileRead> {
    let mut file = File::open(path)?;
    let mut out = FileRead {
        name: name.to_owned(),
        ..FileRead::default()
    };
    let Some(first) = first_line(&mut file)? else {
        // Nothing whole yet: the laptop (or the sync tool) is still writing it.
        return Ok(out);
    };
    let header_end = first.len() as u64 + 1;
    out.header = String::from_utf8_lossy(&first).into_owned();
    match check_header(&first, map_id) {
        Ok(device) => out.device = device,
        Err(issue) => {
            out.issue = Some(issue.named(name));
            out.read_to = file.metadata()?.len();
            return Ok(out);
        }
    }
    let start = if mark.header == out.header {
        mark.read_to.max(header_end)
    } else {
        header_end
    };
    file.seek(SeekFrom::Start(start))?;
    let mut rest = Vec::new();
    file.read_to_end(&mut rest)?;
    let whole = match rest.iter().rposition(|b| *b == b'\n') {
        Some(i) => i + 1,
        // A line longer than any Jejak writes will never end well: skip what there is.
        None if rest.len() > MAX_LINE_BYTES => rest.len(),
        None => 0,
    };
    out.read_to = start + whole as u64;
    let mut unreadable = 0u32;
    for line in rest[..whole].split(|b| *b == b'\n') {
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        match parse_line(line) {
            Ok(Some(line)) => out.lines.push(line),
            Ok(None) => {}
            Err(_) => unreadable = unreadable.saturating_add(1),
        }
    }
    if unreadable > 0 {
        out.issue = Some(SyncIssue::LinesUnreadable {
            file: name.to_owned(),
            lines: unreadable,
        });
    }
    Ok(out)
}

/// The first line without its newline; `None` while the file has no complete line.
fn first_line(file: &mut File) -> io::Result<Option<Vec<u8>>> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = file.read(&mut chunk)?;
        if n == 0 {
            return Ok(None);
        }
        if let Some(i) = chunk[..n].iter().position(|b| *b == b'\n') {
            head.extend_from_slice(&chunk[..i]);
            return Ok(Some(head));
        }
        head.extend_from_slice(&chunk[..n]);
        if head.len() > 64 * 1024 {
            // No header is this long: not a log file.
            return Ok(Some(head));
        }
    }
}

/// Why a file's header is not one to read, before the file's name is known.
enum BadHeader {
    Foreign,
    Newer(u32),
}

impl BadHeader {
    fn named(self, file: &str) -> SyncIssue {
        match self {
            BadHeader::Foreign => SyncIssue::FileForeign {
                file: file.to_owned(),
            },
            BadHeader::Newer(version) => SyncIssue::FileNewer {
                file: file.to_owned(),
                version,
            },
        }
    }
}

/// The writing laptop's id, when the header is that of a log of map `map_id` this Jejak reads.
fn check_header(line: &[u8], map_id: Id) -> std::result::Result<String, BadHeader> {
    let value: Value = serde_json::from_slice(line).map_err(|_| BadHeader::Foreign)?;
    let version = value
        .get("jejakSync")
        .and_then(Value::as_u64)
        .ok_or(BadHeader::Foreign)?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(BadHeader::Newer(u32::try_from(version).unwrap_or(u32::MAX)));
    }
    let header: Header = serde_json::from_value(value).map_err(|_| BadHeader::Foreign)?;
    if header.map != map_id || header.device.is_empty() {
        return Err(BadHeader::Foreign);
    }
    Ok(header.device)
}

/// A line of a kind this version knows, `None` for another kind (a newer Jejak's addition).
fn parse_line(line: &[u8]) -> serde_json::Result<Option<Line>> {
    let value: Value = serde_json::from_slice(line)?;
    let known = value
        .as_object()
        .is_some_and(|o| o.contains_key("change") || o.contains_key("hello"));
    if !value.is_object() {
        return Err(serde::de::Error::custom("a line is not an object"));
    }
    if !known {
        return Ok(None);
    }
    serde_json::from_value(value).map(Some)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn header(map: Id) -> Header {
        Header {
            jejak_sync: FORMAT_VERSION,
            map,
            device: "dev-a".into(),
        }
    }

    fn hello(name: &str) -> Line {
        Line::Hello(Hello {
            name: name.into(),
            at: 1,
        })
    }

    #[test]
    fn lines_appended_are_read_once_and_a_half_line_waits() {
        let dir = tempfile::tempdir().unwrap();
        let map = jejak_core::new_id();
        let path = dir.path().join("dev-a.jejaklog");
        append(&path, &header(map), &[hello("Ana")]).unwrap();
        let first = read_after(&path, "dev-a.jejaklog", map, &Mark::default()).unwrap();
        assert_eq!(first.lines, vec![hello("Ana")]);
        assert_eq!(first.device, "dev-a");
        let mark = Mark {
            header: first.header.clone(),
            read_to: first.read_to,
        };
        // A sync tool has copied half of the next line.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"hello\":{\"name\":\"An").unwrap();
        let again = read_after(&path, "dev-a.jejaklog", map, &mark).unwrap();
        assert!(again.lines.is_empty());
        assert_eq!(again.read_to, mark.read_to);
        // The writer (after a crash) cuts the half line and goes on.
        append(&path, &header(map), &[hello("Ana S.")]).unwrap();
        let later = read_after(&path, "dev-a.jejaklog", map, &mark).unwrap();
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
        let other_map = read_after(&newer, "y.jejaklog", jejak_core::new_id(), &Mark::default());
        assert!(other_map.unwrap().issue.is_some());

        let damaged = dir.path().join("dev-a.jejaklog");
        append(&damaged, &header(map), &[hello("Ana")]).unwrap();
        let mut f = OpenOptions::new().append(true).open(&damaged).unwrap();
        f.write_all(b"{\"change\": not json\n[1,2]\n{\"future\":1}\n")
            .unwrap();
        append(&damaged, &header(map), &[hello("Ana 2")]).unwrap();
        let read = read_after(&damaged, "dev-a.jejaklog", map, &Mark::default()).unwrap();
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
    fn a_replaced_file_is_read_from_its_start() {
        let dir = tempfile::tempdir().unwrap();
        let map = jejak_core::new_id();
        let path = dir.path().join("dev-a.jejaklog");
        append(&path, &header(map), &[hello("Ana"), hello("Ana 2")]).unwrap();
        let read = read_after(&path, "dev-a.jejaklog", map, &Mark::default()).unwrap();
        let mark = Mark {
            header: "{\"jejakSync\":1,\"map\":\"other\"}".into(),
            read_to: read.read_to,
        };
        let again = read_after(&path, "dev-a.jejaklog", map, &mark).unwrap();
        assert_eq!(again.lines.len(), 2);
    }

    #[test]
    fn only_log_files_and_map_folders_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let map = jejak_core::new_id();
        let sub = map_dir(dir.path(), map);
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::create_dir_all(dir.path().join("jejak-map-nonsense")).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        std::fs::write(sub.join("a.jejaklog"), "x").unwrap();
        std::fs::write(sub.join(".a.jejaklog.tmp"), "x").unwrap();
        std::fs::write(sub.join("a.sync-conflict-1.jejaklog"), "xy").unwrap();
        assert_eq!(maps_in(dir.path()).unwrap(), vec![map]);
        assert_eq!(
            log_files(&sub).unwrap(),
            vec![
                ("a.jejaklog".to_owned(), 1),
                ("a.sync-conflict-1.jejaklog".to_owned(), 2)
            ]
        );
        assert!(log_files(&dir.path().join("missing")).unwrap().is_empty());
    }
}
