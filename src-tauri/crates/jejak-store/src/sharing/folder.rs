//! The shared folder on disk. Each map has a subfolder `jejak-map-<id>`; in it each laptop appends
//! to one file of its own, `<device>.jejaklog`, and only ever reads the others. No file is written
//! by two laptops, so a sync tool never has two versions of one to reconcile (no conflict
//! copies), and the live library file is never in the folder.
//!
//! A file is JSON Lines: a header line, then one line per change (`{"change":{...}}`) or per
//! announcement of the laptop's name (`{"hello":{...}}`). Writing and reading them is in
//! `logfile`.

use std::io;
use std::path::{Path, PathBuf};

use jejak_core::{Id, Op};
use serde::{Deserialize, Serialize};

use crate::changes::Change;

/// The version of the file format this Jejak writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 1;
const EXTENSION: &str = "jejaklog";
const MAP_DIR_PREFIX: &str = "jejak-map-";

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
    /// Made when the file is made: a file deleted and made again (or put in another's place) is
    /// told from the one read before, and read from its start.
    #[serde(default)]
    pub file: String,
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

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
        #[cfg(unix)]
        std::os::unix::fs::symlink("/etc/hostname", sub.join("link.jejaklog")).unwrap();
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
