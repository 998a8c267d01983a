//! Libraries that Jejak closed cleanly itself: a start after a clean exit need not read the whole
//! file again. When Jejak closes a library (checkpointed, no log left beside it) it records the
//! file's size, modification time, inode and a hash of its first page; it forgets that record the
//! moment it opens the file for writing. The full check is skipped only when the record exists
//! and still describes the file exactly: any write since (by Jejak after a crash, by a sync tool,
//! by a person) changes at least the time and usually the first page.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::paths::{hex, library_key};

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified_ns: u128,
    inode: u64,
    changed_ns: i64,
    first_page: String,
}

/// The record's file for this library: one per library path.
fn record_path(dir: &Path, library: &Path) -> PathBuf {
    dir.join(format!("{}.json", library_key(library)))
}

fn current(library: &Path) -> std::io::Result<Stamp> {
    let file = std::fs::File::open(library)?;
    let meta = file.metadata()?;
    let mut page = Vec::with_capacity(4096);
    file.take(4096).read_to_end(&mut page)?;
    let modified_ns = meta
        .modified()?
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    #[cfg(unix)]
    let (inode, changed_ns) = {
        use std::os::unix::fs::MetadataExt;
        (
            meta.ino(),
            meta.ctime()
                .saturating_mul(1_000_000_000)
                .saturating_add(meta.ctime_nsec()),
        )
    };
    #[cfg(not(unix))]
    let (inode, changed_ns) = (0, 0);
    Ok(Stamp {
        len: meta.len(),
        modified_ns,
        inode,
        changed_ns,
        first_page: hex(&Sha256::digest(&page)),
    })
}

/// True when Jejak closed this library cleanly and nothing has touched it since.
pub(crate) fn matches(dir: &Path, library: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(record_path(dir, library)) else {
        return false;
    };
    match (serde_json::from_str::<Stamp>(&text), current(library)) {
        (Ok(saved), Ok(now)) => saved == now,
        _ => false,
    }
}

/// Records a clean close. Best effort: without a record the next start checks the whole file.
pub(crate) fn record(dir: &Path, library: &Path) {
    let record = record_path(dir, library);
    let Ok(stamp) = current(library) else {
        return;
    };
    let Ok(text) = serde_json::to_string(&stamp) else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = record.with_extension("json.new");
    if std::fs::write(&tmp, text).is_ok() {
        let _ = std::fs::rename(&tmp, &record);
    }
}

/// Forgets the record before the library is written to, so a crash can never leave a stale one.
pub(crate) fn forget(dir: &Path, library: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(record_path(dir, library)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_matches_until_the_file_changes() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let state = dir.path().join("state");
        let lib = dir.path().join("lib.jejak");
        std::fs::write(&lib, vec![7u8; 8192]).unwrap_or_else(|e| panic!("{e}"));
        assert!(!matches(&state, &lib));
        record(&state, &lib);
        assert!(matches(&state, &lib));
        // Same size, same first page, one byte later in the file: the times tell.
        std::thread::sleep(std::time::Duration::from_millis(20));
        let mut bytes = std::fs::read(&lib).unwrap_or_default();
        bytes[5000] = 8;
        std::fs::write(&lib, &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert!(!matches(&state, &lib));
        record(&state, &lib);
        assert!(matches(&state, &lib));
        forget(&state, &lib).unwrap_or_else(|e| panic!("{e}"));
        assert!(!matches(&state, &lib));
    }
}
