//! What the running app holds: the library (or why it could not be opened) and where it lives.
//! The library is owned here alone; every command reaches it through [`AppState::with`].
//!
//! The library is opened on a thread of its own while the window appears: after a crash the full
//! check of a large library takes a second or more, and the window should not wait for it.
//! Commands wait until the open has finished.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use jejak_core::templates::Locale;
use jejak_core::Problem;
use jejak_store::{Library, OpenError, OpenOptions};

use crate::error::{ErrorKind, IpcError, IpcResult};

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
}

pub struct AppState {
    slot: Arc<(Mutex<Slot>, Condvar)>,
    os_locale: Locale,
    /// A backup thread is running; no second one is started meanwhile.
    backing_up: Arc<AtomicBool>,
}

fn open_options() -> OpenOptions {
    OpenOptions {
        state_dir: jejak_store::default_state_dir(),
        ..OpenOptions::default()
    }
}

fn open(path: &Path) -> Held {
    match Library::open_with(path, open_options()) {
        Ok(lib) => Held::Open(lib),
        Err(e) => {
            eprintln!("jejak: cannot open the library: {e}");
            Held::Refused(e)
        }
    }
}

impl AppState {
    /// Starts opening the library at `path` in the background.
    pub fn open(path: PathBuf, os_locale: Locale) -> Self {
        let slot = Arc::new((
            Mutex::new(Slot {
                path: path.clone(),
                held: Held::Opening,
            }),
            Condvar::new(),
        ));
        let opening = Arc::clone(&slot);
        std::thread::spawn(move || {
            let held = open(&path);
            let (lock, ready) = &*opening;
            if let Ok(mut slot) = lock.lock() {
                slot.held = held;
            }
            ready.notify_all();
        });
        AppState {
            slot,
            os_locale,
            backing_up: Arc::new(AtomicBool::new(false)),
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
        if !self.backing_up.load(Ordering::Acquire) {
            if let Some(job) = lib.backup_due() {
                self.backing_up.store(true, Ordering::Release);
                let flag = Arc::clone(&self.backing_up);
                std::thread::spawn(move || {
                    if let Err(e) = job.run() {
                        eprintln!("jejak: the hourly backup failed: {e}");
                    }
                    flag.store(false, Ordering::Release);
                });
            }
        }
        out
    }

    /// The reason the library was refused, if it was.
    pub fn problem(&self) -> IpcResult<Option<IpcError>> {
        Ok(match &self.guard()?.held {
            Held::Refused(e) => Some(IpcError::from(e)),
            _ => None,
        })
    }

    /// Closes the library so the file is whole on its own (checkpointed, with the quit backup).
    /// Called on every way out: window closed, quit, a signal. Safe to call twice.
    pub fn close(&self) {
        let Ok(mut slot) = self.guard() else {
            return;
        };
        if let Held::Open(lib) = std::mem::replace(&mut slot.held, Held::Closed) {
            if let Err(e) = lib.close() {
                eprintln!("jejak: the library could not be closed cleanly: {e}");
            }
        }
    }

    /// Closes the current library and opens the one at `path` instead (which may be refused).
    pub fn switch_to(&self, path: PathBuf) -> IpcResult<()> {
        let mut slot = self.guard()?;
        if let Held::Open(lib) = std::mem::replace(&mut slot.held, Held::Closed) {
            lib.close()?;
        }
        slot.held = open(&path);
        slot.path = path;
        Ok(())
    }

    /// Runs `f` with the current library closed (and so unlocked), then opens it again, e.g. to
    /// put a backup in its place.
    pub fn while_closed<T>(&self, f: impl FnOnce(&Path) -> IpcResult<T>) -> IpcResult<T> {
        let mut slot = self.guard()?;
        if let Held::Open(lib) = std::mem::replace(&mut slot.held, Held::Closed) {
            lib.close()?;
        }
        let out = f(&slot.path);
        slot.held = open(&slot.path);
        out
    }
}
