//! What the running app holds: the library (or why it could not be opened) and where it lives.
//! The library is owned here alone; every command reaches it through [`AppState::with`].
//!
//! The library is opened on a thread of its own while the window appears: after a crash the full
//! check of a large library takes a second or more, and the window should not wait for it.
//! Commands wait until the open has finished. Hourly backups run on a thread of their own too;
//! closing or switching the library waits for one that is running.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use jejak_core::templates::Locale;
use jejak_core::Problem;
use jejak_store::{Library, OpenError, OpenErrorKind, OpenOptions};

use crate::error::{ErrorKind, IpcError, IpcResult};
use crate::handover::{Door, Knock};

enum Held {
    /// The opening thread has not finished yet.
    Opening,
    Open(Library),
    Refused(OpenError),
    /// Closed on the way out; nothing more is written.
    Closed,
}

struct Slot {
    path: PathBuf,
    held: Held,
    /// Where a second launch hands its file over, while the library is open here.
    door: Option<Door>,
}

impl Slot {
    /// Puts `held` in place, with a door for second launches while it is open.
    fn hold(&mut self, held: Held, knocks: &Sender<Knock>) {
        // The old door closes first: the new one may be at the same place.
        self.door = None;
        if matches!(held, Held::Open(_)) {
            self.door = crate::handover::socket_for(&self.path)
                .and_then(|socket| Door::open(&socket, knocks.clone()));
        }
        self.held = held;
    }

    /// Closes the open library, if there is one, and its door.
    fn close(&mut self) {
        self.door = None;
        if let Held::Open(lib) = std::mem::replace(&mut self.held, Held::Closed) {
            close_logged(lib);
        }
    }
}

/// How the app came to this library file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// Named on the command line or in the environment, or the default: made if missing.
    Given,
    /// Remembered from an earlier run: a missing file is reported, never silently re-created
    /// (it may be on a drive that is not connected).
    Remembered,
}

/// Files to bring maps in from, handed to the UI once each (a reload of the window does not
/// import them again): the one given on the command line, then those handed over by second
/// launches. Queued here, not sent with the event, so one that arrives while the window is still
/// loading waits for it instead of being lost.
pub struct FileToOpen(Mutex<std::collections::VecDeque<PathBuf>>);

impl FileToOpen {
    pub fn new(path: Option<PathBuf>) -> Self {
        FileToOpen(Mutex::new(path.into_iter().collect()))
    }

    pub fn push(&self, path: PathBuf) {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push_back(path);
    }

    pub fn take(&self) -> Option<PathBuf> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .pop_front()
    }
}

pub struct AppState {
    slot: Arc<(Mutex<Slot>, Condvar)>,
    os_locale: Locale,
    /// The hourly backup thread, if one was started.
    backup: Mutex<Option<JoinHandle<()>>>,
    /// Set on the way out: no new backup is started.
    closing: AtomicBool,
    /// The UI has saved what was waiting; the window may close.
    close_confirmed: AtomicBool,
    /// Files handed over by second launches, for the window.
    knocks: Sender<Knock>,
}

fn open_options() -> OpenOptions {
    OpenOptions {
        state_dir: jejak_store::default_state_dir(),
        ..OpenOptions::default()
    }
}

fn open(path: &Path, chosen: Chosen) -> Held {
    if chosen == Chosen::Remembered && !path.exists() {
        return Held::Refused(OpenError::new(
            OpenErrorKind::Io,
            Problem::LibraryMissing,
            path,
            "the library used last is not there",
        ));
    }
    // A panic while opening must not leave every command waiting for an open that never ends.
    let opened = std::panic::catch_unwind(|| Library::open_with(path, open_options()));
    match opened {
        Ok(Ok(lib)) => Held::Open(lib),
        Ok(Err(e)) => {
            eprintln!("jejak: cannot open the library: {e}");
            Held::Refused(e)
        }
        Err(_) => Held::Refused(OpenError::new(
            OpenErrorKind::Io,
            Problem::LibraryUnreadable,
            path,
            "opening the library failed inside Jejak",
        )),
    }
}

/// Closes a library, logging (not returning) a failure: the app goes on either way.
fn close_logged(lib: Library) {
    if let Err(e) = lib.close() {
        eprintln!("jejak: the library could not be closed cleanly: {e}");
    }
}

impl AppState {
    /// Starts opening the library at `path` in the background.
    /// Knocks from second launches go to `knocks` while the library is open.
    pub fn open(path: PathBuf, chosen: Chosen, os_locale: Locale, knocks: Sender<Knock>) -> Self {
        let slot = Arc::new((
            Mutex::new(Slot {
                path: path.clone(),
                held: Held::Opening,
                door: None,
            }),
            Condvar::new(),
        ));
        let opening = Arc::clone(&slot);
        let knocks_here = knocks.clone();
        std::thread::spawn(move || {
            let held = open(&path, chosen);
            let (lock, ready) = &*opening;
            let mut slot = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            slot.hold(held, &knocks_here);
            ready.notify_all();
        });
        AppState {
            slot,
            os_locale,
            backup: Mutex::new(None),
            closing: AtomicBool::new(false),
            close_confirmed: AtomicBool::new(false),
            knocks,
        }
    }

    pub fn os_locale(&self) -> Locale {
        self.os_locale
    }

    /// The slot, once the library has been opened (or refused).
    fn guard(&self) -> IpcResult<MutexGuard<'_, Slot>> {
        let poisoned = |_| IpcError::internal("the library lock was poisoned");
        let (lock, ready) = &*self.slot;
        let slot = lock.lock().map_err(poisoned)?;
        ready
            .wait_while(slot, |s| matches!(s.held, Held::Opening))
            .map_err(poisoned)
    }

    pub fn path(&self) -> IpcResult<PathBuf> {
        Ok(self.guard()?.path.clone())
    }

    /// Runs `f` on the open library, or says why there is none. A backup that has come due is
    /// started in the background afterwards.
    pub fn with<T>(&self, f: impl FnOnce(&mut Library) -> IpcResult<T>) -> IpcResult<T> {
        let mut slot = self.guard()?;
        let lib = match &mut slot.held {
            Held::Open(lib) => lib,
            Held::Refused(e) => return Err(IpcError::new(ErrorKind::NoLibrary, e.problem.clone())),
            Held::Closed | Held::Opening => {
                return Err(IpcError::new(ErrorKind::NoLibrary, Problem::Storage))
            }
        };
        let out = f(lib);
        self.start_backup_if_due(lib);
        out
    }

    fn start_backup_if_due(&self, lib: &mut Library) {
        if self.closing.load(Ordering::Acquire) {
            return;
        }
        let Ok(mut running) = self.backup.lock() else {
            return;
        };
        if running.as_ref().is_some_and(|h| !h.is_finished()) {
            return;
        }
        if let Some(job) = lib.backup_due() {
            *running = Some(std::thread::spawn(move || {
                if let Err(e) = job.run() {
                    eprintln!("jejak: the hourly backup failed: {e}");
                }
            }));
        }
    }

    /// Waits for a running backup (its read connection would keep the log from being folded in,
    /// and the quit backup could collide with it).
    fn finish_backup(&self) {
        let handle = self.backup.lock().ok().and_then(|mut h| h.take());
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }

    pub fn confirm_close(&self) {
        self.close_confirmed.store(true, Ordering::Release);
        self.close_door();
    }

    /// Stops taking files from second launches: the window is going, and a launch now must open
    /// the library itself once this Jejak has let go of it.
    pub fn close_door(&self) {
        // Dropped after the slot is released: closing waits for the listening thread.
        let door = self.guard().ok().and_then(|mut slot| slot.door.take());
        drop(door);
    }

    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed.load(Ordering::Acquire)
    }

    /// The reason the library was refused, if it was.
    pub fn problem(&self) -> IpcResult<Option<IpcError>> {
        Ok(match &self.guard()?.held {
            Held::Refused(e) => Some(IpcError::from(e)),
            _ => None,
        })
    }

    /// Whether the refused library is one a backup can stand in for (damaged, emptied, or
    /// overwritten with something else) — not one that is merely unreachable or in use.
    pub fn refused_as_damaged(&self) -> IpcResult<bool> {
        Ok(matches!(
            &self.guard()?.held,
            Held::Refused(e) if matches!(
                e.kind,
                OpenErrorKind::Corrupt | OpenErrorKind::Empty | OpenErrorKind::NotSqlite
            )
        ))
    }

    /// Closes the library so the file is whole on its own (checkpointed, with the quit backup).
    /// Called on every way out: window closed, quit, a signal. Safe to call twice.
    pub fn close(&self) {
        self.closing.store(true, Ordering::Release);
        self.finish_backup();
        let Ok(mut slot) = self.guard() else {
            return;
        };
        slot.close();
    }

    /// Closes the current library and opens the one at `path` instead (which may be refused).
    pub fn switch_to(&self, path: PathBuf) -> IpcResult<()> {
        self.finish_backup();
        let mut slot = self.guard()?;
        slot.close();
        slot.path = path;
        let held = open(&slot.path, Chosen::Given);
        slot.hold(held, &self.knocks);
        Ok(())
    }

    /// Runs `f` with the current library closed (and so unlocked), then opens it again, e.g. to
    /// put a backup in its place.
    pub fn while_closed<T>(&self, f: impl FnOnce(&Path) -> IpcResult<T>) -> IpcResult<T> {
        self.finish_backup();
        let mut slot = self.guard()?;
        slot.close();
        let out = f(&slot.path);
        let held = open(&slot.path, Chosen::Given);
        slot.hold(held, &self.knocks);
        out
    }
}
