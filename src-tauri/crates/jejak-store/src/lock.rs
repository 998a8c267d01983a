//! One writer per library: a Jejak that opens a library holds an exclusive OS lock on a small lock
//! file named after the library's path, so a second window or process is told the library is in
//! use instead of writing beside the first and overwriting its view of a map. The lock files live
//! in the user's runtime or cache folder, never beside the library, and the OS drops the lock when
//! the holder exits or crashes, so a stale lock cannot lock the user out.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jejak_core::Problem;

use crate::error::{OpenError, OpenErrorKind};

/// Held while the library is open; dropping it releases the lock.
#[derive(Debug)]
pub struct LibraryLock {
    _file: Option<File>,
}

fn lock_folder() -> PathBuf {
    dirs::runtime_dir()
        .or_else(dirs::cache_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join("jejak")
        .join("locks")
}

/// Where the Jejak that has `library` open listens for files handed over by a second launch
/// (`jejak FILE` while it runs), beside the library's lock file.
pub fn handover_socket_path(library: &Path) -> PathBuf {
    lock_folder().join(format!("{}.sock", crate::paths::library_key(library)))
}

impl LibraryLock {
    /// Takes the library's lock, waiting up to `wait` for a Jejak that is still closing it (a
    /// restart right after quitting), or says it is in use. When no lock file can be made at all
    /// (a read-only home folder), the library still opens: locking is a guard, not a requirement.
    pub fn acquire(library: &Path, wait: Duration) -> Result<LibraryLock, OpenError> {
        let folder = lock_folder();
        let name = crate::paths::library_key(library);
        let file = std::fs::create_dir_all(&folder).and_then(|_| {
            File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(folder.join(format!("{name}.lock")))
        });
        let Ok(file) = file else {
            return Ok(LibraryLock { _file: None });
        };
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(LibraryLock { _file: Some(file) }),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(OpenError::new(
                        OpenErrorKind::InUse,
                        Problem::LibraryInUse,
                        library,
                        "another Jejak holds the library's lock",
                    ))
                }
                Err(TryLockError::Error(_)) => return Ok(LibraryLock { _file: None }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_opener_is_told_the_library_is_in_use() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let lib = dir.path().join("lib.jejak");
        let first = LibraryLock::acquire(&lib, Duration::ZERO).unwrap_or_else(|e| panic!("{e}"));
        let second = LibraryLock::acquire(&dir.path().join("./lib.jejak"), Duration::ZERO);
        assert_eq!(second.err().map(|e| e.kind), Some(OpenErrorKind::InUse));
        // A Jejak that is just closing: the next one waits for it.
        let closing = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            drop(first);
        });
        assert!(LibraryLock::acquire(&lib, Duration::from_secs(5)).is_ok());
        let _ = closing.join();
    }
}
