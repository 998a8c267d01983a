//! Names derived from a library's path: its folder, its side files, and a stable key for the
//! per-library files Jejak keeps elsewhere (the lock, the clean-close record).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The folder a library lives in (`.` for a bare file name).
pub(crate) fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `library.jejak` + `-wal` → `library.jejak-wal`; an empty suffix gives the path itself.
pub(crate) fn side_path(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// The same path however the library is named (relative, through a symlink, not created yet).
fn canonical(library: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(library) {
        return p;
    }
    match library.file_name() {
        Some(name) => std::fs::canonicalize(folder_of(library))
            .map(|p| p.join(name))
            .unwrap_or_else(|_| library.to_path_buf()),
        None => library.to_path_buf(),
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A short stable key for the library at `library` (hex of a hash of its canonical path).
pub(crate) fn library_key(library: &Path) -> String {
    let digest = Sha256::digest(canonical(library).as_os_str().as_encoded_bytes());
    hex(&digest[..16])
}

/// Makes renames and new files in `folder` durable (on Unix a folder is synced like a file).
pub(crate) fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}
