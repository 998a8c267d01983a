//! Rolling backups of the library, made with SQLite's online backup API into a `backups/` folder
//! beside it: at most one an hour while editing and one on quit, each checked after writing
//! exactly as the opener checks a library. Kept: the newest few, plus the newest of each of the
//! last seven days. A damaged library can be replaced by its newest good backup.

use std::path::{Path, PathBuf};
use std::time::Duration;

use jejak_core::Problem;
use rusqlite::backup::{Backup as SqliteBackup, StepResult};
use rusqlite::{Connection, OpenFlags};
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

use crate::error::OpenError;
use crate::lock::LibraryLock;
use crate::open;
use crate::paths::{folder_of, side_path, sync_folder};
use crate::{Result, StoreError};

/// No more than one backup per hour while editing.
pub const BACKUP_EVERY_MS: i64 = 60 * 60 * 1000;
/// The newest backups always kept.
const KEEP_RECENT: usize = 5;
/// Days for which the newest backup of the day is kept too.
const KEEP_DAYS: i64 = 7;

const NAME_TIME: &[time::format_description::FormatItem<'static>] =
    format_description!("[year][month][day]-[hour][minute][second]");

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    /// When it was taken, in Unix milliseconds (UTC, from its name).
    pub taken_at: i64,
    pub bytes: u64,
}

/// `<library folder>/backups`.
pub fn folder(library: &Path) -> PathBuf {
    folder_of(library).join("backups")
}

fn stem(library: &Path) -> String {
    library
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "library".into())
}

fn name_for(library: &Path, taken_at: i64) -> String {
    let when = OffsetDateTime::from_unix_timestamp(taken_at.div_euclid(1000))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let stamp = when.format(NAME_TIME).unwrap_or_default();
    format!("{}-{stamp}Z.jejak", stem(library))
}

/// The time in a backup's name, if it is one of this library's backups.
fn taken_at(library: &Path, file_name: &str) -> Option<i64> {
    let rest = file_name.strip_prefix(&format!("{}-", stem(library)))?;
    let stamp = rest.strip_suffix("Z.jejak")?;
    let when = PrimitiveDateTime::parse(stamp, NAME_TIME).ok()?;
    Some(when.assume_utc().unix_timestamp() * 1000)
}

/// This library's backups, newest first.
pub fn list(library: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(folder(library)) else {
        return Vec::new();
    };
    let mut found: Vec<BackupFile> = entries
        .flatten()
        .filter_map(|e| {
            let taken_at = taken_at(library, &e.file_name().to_string_lossy())?;
            let bytes = e.metadata().ok()?.len();
            Some(BackupFile {
                path: e.path(),
                taken_at,
                bytes,
            })
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    found
}

fn backup_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backup {
        problem: Problem::BackupFailed,
        detail: e.to_string(),
    }
}

/// Copies the library into a new backup through `source` (any connection to it: SQLite's backup
/// API reads one consistent snapshot while edits go on), checks the copy, then rotates.
pub(crate) fn take_from(source: &Connection, library: &Path, now: i64) -> Result<BackupFile> {
    let dir = folder(library);
    std::fs::create_dir_all(&dir).map_err(backup_error)?;
    remove_partials(&dir, library);
    let name = name_for(library, now);
    let partial = dir.join(format!(".{name}.partial"));
    let result = write_checked(source, library, &partial);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    let path = dir.join(&name);
    std::fs::rename(&partial, &path).map_err(backup_error)?;
    sync_folder(&dir);
    rotate(library, now);
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(BackupFile {
        path,
        taken_at: now,
        bytes,
    })
}

/// Copies left by a backup that was stopped half way (only one backup is written at a time).
fn remove_partials(dir: &Path, library: &Path) {
    let prefix = format!(".{}-", stem(library));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".partial") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Takes a backup through a connection of its own (for a background thread).
pub fn take(library: &Path, now: i64) -> Result<BackupFile> {
    let source = Connection::open_with_flags(library, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    source.busy_timeout(Duration::from_secs(5))?;
    take_from(&source, library, now)
}

fn write_checked(source: &Connection, library: &Path, partial: &Path) -> Result<()> {
    let mut dest = Connection::open(partial)?;
    {
        let backup = SqliteBackup::new(source, &mut dest)?;
        // All pages in one step: one consistent snapshot, and writers are not blocked in WAL mode.
        let mut tries = 0;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More | StepResult::Busy | StepResult::Locked if tries < 50 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => return Err(backup_error(format!("the copy did not finish: {other:?}"))),
            }
        }
    }
    // A backup is one plain file, whatever mode the library is in.
    dest.pragma_update(None, "journal_mode", "DELETE")?;
    dest.close().map_err(|(_, e)| e)?;
    std::fs::File::open(partial)
        .and_then(|f| f.sync_all())
        .map_err(backup_error)?;
    verify(partial).map_err(|e| StoreError::Backup {
        problem: Problem::BackupFailed,
        detail: format!("{library:?}: the copy does not check out: {e}"),
    })
}

/// Checks a backup the way the opener checks a library, without writing to it.
pub fn verify(path: &Path) -> std::result::Result<(), OpenError> {
    open::check_file(path)
}

/// Deletes what the policy does not keep: beyond the newest few, only the newest backup of each
/// of the last days. Returns the removed files.
pub fn rotate(library: &Path, now: i64) -> Vec<PathBuf> {
    let all = list(library);
    let day = |ms: i64| ms.div_euclid(24 * 60 * 60 * 1000);
    let today = day(now);
    let mut kept_days = Vec::new();
    let mut removed = Vec::new();
    for (i, b) in all.iter().enumerate() {
        let d = day(b.taken_at);
        let newest_of_recent_day = today - d < KEEP_DAYS && !kept_days.contains(&d);
        if newest_of_recent_day {
            kept_days.push(d);
        }
        if i < KEEP_RECENT || newest_of_recent_day {
            continue;
        }
        if std::fs::remove_file(&b.path).is_ok() {
            removed.push(b.path.clone());
        }
    }
    removed
}

/// The newest backup that passes the full check.
pub fn newest_good(library: &Path) -> Option<BackupFile> {
    list(library).into_iter().find(|b| verify(&b.path).is_ok())
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub backup: BackupFile,
    /// Where the damaged library now is (renamed, not changed).
    pub damaged_kept_at: Option<PathBuf>,
}

/// Puts a copy of the newest good backup where the library is. A file already there (the damaged
/// library) is renamed beside it, with its side files, and otherwise left exactly as it was.
///
/// The copy is made and synced before anything is renamed, and an error at any later step puts
/// the renamed files back. The main file is renamed first: a crash right after it leaves no
/// library file, only a log, which the next start removes before it creates a new library (a
/// log is never replayed into a file it does not belong to); the damaged file and the backups
/// are still there to restore from.
pub fn restore_newest(library: &Path, now: i64) -> Result<Restored> {
    // No Jejak may open the library while its files are moved.
    let _lock =
        LibraryLock::acquire(library, Duration::from_secs(3)).map_err(|e| StoreError::Backup {
            problem: e.problem.clone(),
            detail: e.to_string(),
        })?;
    let Some(backup) = newest_good(library) else {
        return Err(StoreError::Backup {
            problem: Problem::NoBackup,
            detail: format!("no backup of {library:?} passes the check"),
        });
    };
    let partial = library.with_file_name(format!(".{}.restoring", stem(library)));
    let copied = std::fs::copy(&backup.path, &partial)
        .and_then(|_| std::fs::File::open(&partial))
        .and_then(|f| f.sync_all());
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(backup_error(e));
    }
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    let damaged_kept_at = if library.exists() {
        let when = name_for(Path::new("x"), now);
        let aside = library.with_file_name(format!(
            "{}.damaged-{}",
            stem(library),
            when.trim_start_matches("x-")
        ));
        for suffix in ["", "-wal", "-journal", "-shm"] {
            let (from, to) = (side_path(library, suffix), side_path(&aside, suffix));
            if !from.exists() {
                continue;
            }
            if let Err(e) = std::fs::rename(&from, &to) {
                put_back(&moved);
                let _ = std::fs::remove_file(&partial);
                return Err(backup_error(e));
            }
            moved.push((from, to));
        }
        Some(aside)
    } else {
        None
    };
    if let Err(e) = std::fs::rename(&partial, library) {
        put_back(&moved);
        let _ = std::fs::remove_file(&partial);
        return Err(backup_error(e));
    }
    sync_folder(folder_of(library));
    Ok(Restored {
        backup,
        damaged_kept_at,
    })
}

/// Undoes the renames of a restore that could not finish.
fn put_back(moved: &[(PathBuf, PathBuf)]) {
    for (from, to) in moved.iter().rev() {
        let _ = std::fs::rename(to, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_time_and_the_library() {
        let lib = Path::new("/x/library.jejak");
        let at = 1_790_000_000_000;
        let name = name_for(lib, at);
        assert_eq!(name, "library-20260921-141320Z.jejak");
        assert_eq!(taken_at(lib, &name), Some(at));
        assert_eq!(taken_at(Path::new("/x/other.jejak"), &name), None);
        assert_eq!(taken_at(lib, "library-2026.jejak"), None);
    }

    #[test]
    fn rotation_keeps_the_newest_and_one_a_day_for_a_week() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let lib = dir.path().join("library.jejak");
        std::fs::create_dir_all(folder(&lib)).unwrap_or_else(|e| panic!("{e}"));
        let hour = 60 * 60 * 1000;
        let now = 1_790_000_000_000 - 1_790_000_000_000 % (24 * hour) + 23 * hour;
        // Every 6 hours for 10 days.
        let times: Vec<i64> = (0..40).map(|i| now - i * 6 * hour).collect();
        for t in &times {
            std::fs::write(folder(&lib).join(name_for(&lib, *t)), b"x")
                .unwrap_or_else(|e| panic!("{e}"));
        }
        rotate(&lib, now);
        let kept: Vec<i64> = list(&lib).iter().map(|b| b.taken_at).collect();
        // The five newest, then the newest of each earlier day of the week.
        let mut expected: Vec<i64> = times[..5].to_vec();
        for d in 2..7 {
            expected.push(now - d * 24 * hour);
        }
        assert_eq!(kept, expected);
    }
}
