//! Writing this laptop's log file and reading the others'. Lines are only appended, each ending
//! in a newline, with an fsync; a reader takes complete lines only, so a line a sync tool has
//! copied in part is read once it is whole. A line of a kind this version does not know is
//! skipped. Files are never followed through links, and a file that is not this laptop's own
//! log is never written to.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use jejak_core::sharing::SyncIssue;
use jejak_core::Id;
use serde::Serialize;
use serde_json::Value;

use super::folder::{Header, Line, FORMAT_VERSION};

/// No line Jejak writes is longer (a map's first change holds the whole map as it was): at most
/// this much of a file is read at once.
const MAX_LINE_BYTES: usize = jejak_core::mapjson::MAX_BYTES;
/// No header is longer.
const MAX_HEADER_BYTES: usize = 64 * 1024;

fn json_line<T: Serialize>(value: &T) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(value).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn open_no_follow(path: &Path, write: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    if write {
        options.write(true).create(true).truncate(false);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    options.open(path)
}

/// Why this laptop's file could not be written.
#[derive(Debug)]
pub(crate) enum AppendError {
    /// Something else is where this laptop's file should be: it is left alone.
    NotOurs,
    Io(io::Error),
}

impl From<io::Error> for AppendError {
    fn from(e: io::Error) -> Self {
        AppendError::Io(e)
    }
}

/// Appends `lines` to this laptop's file (made, with `header`, when missing) and waits until
/// they are on disk. A line a crash left half-written is cut off first: nobody can have taken it
/// in, since readers take complete lines only. A file at that name that is not this laptop's log
/// of the map is not touched.
pub(crate) fn append(path: &Path, header: &Header, lines: &[Line]) -> Result<(), AppendError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = open_no_follow(path, true)?;
    let whole = whole_length(&mut file)?;
    let mut bytes = Vec::new();
    if whole == 0 {
        bytes.extend(json_line(header)?);
    } else {
        file.seek(SeekFrom::Start(0))?;
        let ours = first_line(&mut file)?
            .and_then(|line| serde_json::from_slice::<Header>(&line).ok())
            .is_some_and(|h| {
                h.map == header.map && h.device == header.device && h.jejak_sync <= FORMAT_VERSION
            });
        if !ours {
            return Err(AppendError::NotOurs);
        }
    }
    if whole != file.metadata()?.len() {
        file.set_len(whole)?;
    }
    for line in lines {
        bytes.extend(json_line(line)?);
    }
    file.seek(SeekFrom::Start(whole))?;
    file.write_all(&bytes)?;
    file.sync_all()?;
    Ok(())
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

/// The file's first line, as text, when it has a complete one (this laptop's own file: whether
/// it is still the one written before).
pub(crate) fn header_of(path: &Path) -> io::Result<Option<String>> {
    let mut file = open_no_follow(path, false)?;
    Ok(first_line(&mut file)?.map(|l| String::from_utf8_lossy(&l).into_owned()))
}

/// How far a file had been read before.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Mark {
    /// The file's first line ("" while it had none).
    pub header: String,
    /// Bytes taken in, always up to a line's end.
    pub read_to: u64,
    /// The file's length when it was last read: nothing new while it stays so.
    pub seen_len: u64,
}

/// What reading one file brought.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileRead {
    pub name: String,
    /// The laptop that writes the file (from its header).
    pub device: String,
    pub mark: Mark,
    pub lines: Vec<Line>,
    pub issue: Option<SyncIssue>,
}

/// Reads the complete lines of a log file after `mark`, at most about `MAX_LINE_BYTES` of them
/// (the rest next time), from the start when the file is not the one the mark was made on or is
/// shorter than what was read. A file that is not a log of this map, or of a newer format, is
/// skipped with an issue (and read from its start by a Jejak that can); lines that cannot be read
/// are counted and skipped.
pub(crate) fn read_after(path: &Path, name: &str, map_id: Id, mark: &Mark) -> io::Result<FileRead> {
    let mut file = open_no_follow(path, false)?;
    let len = file.metadata()?.len();
    let mut out = FileRead {
        name: name.to_owned(),
        mark: Mark {
            seen_len: len,
            ..Mark::default()
        },
        ..FileRead::default()
    };
    let Some(first) = first_line(&mut file)? else {
        // Nothing whole yet: the laptop (or the sync tool) is still writing it.
        return Ok(out);
    };
    let header_end = first.len() as u64 + 1;
    out.mark.header = String::from_utf8_lossy(&first).into_owned();
    match check_header(&first, map_id) {
        Ok(device) => out.device = device,
        Err(issue) => {
            out.issue = Some(issue.named(name));
            return Ok(out);
        }
    }
    let start = if mark.header == out.mark.header && mark.read_to <= len {
        mark.read_to.max(header_end)
    } else {
        header_end
    };
    file.seek(SeekFrom::Start(start))?;
    let mut rest = Vec::new();
    file.take(MAX_LINE_BYTES as u64 + 1)
        .read_to_end(&mut rest)?;
    let whole = match rest.iter().rposition(|b| *b == b'\n') {
        Some(i) => i + 1,
        // A line longer than any Jejak writes will never end well: skip what there is.
        None if rest.len() > MAX_LINE_BYTES => rest.len(),
        None => 0,
    };
    out.mark.read_to = start + whole as u64;
    let mut unreadable = 0u32;
    if whole == rest.len() && whole > 0 && !rest.contains(&b'\n') {
        unreadable = 1;
    }
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
        if head.len() > MAX_HEADER_BYTES {
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
    let Some(object) = value.as_object() else {
        return Err(serde::de::Error::custom("a line is not an object"));
    };
    if !object.contains_key("change") && !object.contains_key("hello") {
        return Ok(None);
    }
    serde_json::from_value(value).map(Some)
}

#[cfg(test)]
mod tests;
