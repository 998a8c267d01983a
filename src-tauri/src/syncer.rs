//! Keeps shared maps in step with their folders while the app runs. Every couple of seconds (and
//! at once when asked) a background thread writes each shared map's new edits to this laptop's
//! file in the folder and reads the other laptops' new lines — without holding the library while
//! the folder answers (a network share may be slow). What it read waits here until the UI takes
//! it in through its edit queue (`sync_map`), so the merge's patch reaches the open board in
//! order with the user's own edits; the event `jejak://sync-due` tells the UI there is some.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use jejak_core::sharing::{SharingStatus, SyncIssue, SyncReport};
use jejak_core::{now_millis, Id};
use jejak_store::Exchange;
use tauri::{AppHandle, Emitter, Manager};

use crate::error::IpcResult;
use crate::state::AppState;

/// The event telling the UI a shared map has edits from the folder to take in (payload: its id).
const SYNC_DUE: &str = "jejak://sync-due";
/// How often the folders are looked at (`JEJAK_SYNC_POLL_MS` changes it).
const POLL: Duration = Duration::from_secs(2);
/// On the way out, edits still to write get this long to reach the folder.
const FLUSH_WITHIN: Duration = Duration::from_secs(5);

/// What was seen of a map's folder while running.
#[derive(Debug, Clone, Default)]
struct Seen {
    /// When the folder last answered.
    synced_at: Option<i64>,
    /// Why it did not, the last time.
    unreachable: Option<String>,
}

#[derive(Default)]
struct Inner {
    /// Read from the folders, waiting for the UI to take in.
    waiting: HashMap<Id, Exchange>,
    seen: HashMap<Id, Seen>,
    /// Moved on by `forget`: a round begun before keeps nothing it read.
    generation: u64,
}

pub struct Syncer {
    inner: Mutex<Inner>,
    /// Held for a whole round: one writer of this laptop's files at a time.
    round: Mutex<()>,
    wake: (Mutex<bool>, Condvar),
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The maps to keep in step; none in a library that cannot be written (a read-only drive: it is
/// only looked at, and what it has is in the folder already or goes when it can be written).
fn shared_maps(state: &AppState) -> IpcResult<Vec<(Id, std::path::PathBuf)>> {
    state.with(|lib| match lib.is_read_only() {
        true => Ok(Vec::new()),
        false => Ok(lib.shared_maps()?),
    })
}

impl Syncer {
    pub fn new() -> Arc<Syncer> {
        Arc::new(Syncer {
            inner: Mutex::new(Inner::default()),
            round: Mutex::new(()),
            wake: (Mutex::new(false), Condvar::new()),
        })
    }

    /// Starts the background rounds.
    pub fn start(self: &Arc<Self>, handle: AppHandle) {
        let poll = std::env::var("JEJAK_SYNC_POLL_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(POLL, Duration::from_millis);
        let syncer = Arc::clone(self);
        std::thread::spawn(move || loop {
            syncer.round_all(&handle);
            syncer.sleep(poll);
        });
    }

    /// Runs a round now (a map was just shared, or the user asked).
    pub fn wake(&self) {
        let (flag, cv) = &self.wake;
        *lock(flag) = true;
        cv.notify_all();
    }

    fn sleep(&self, poll: Duration) {
        let (flag, cv) = &self.wake;
        let woken = lock(flag);
        let (mut woken, _) = cv
            .wait_timeout_while(woken, poll, |w| !*w)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *woken = false;
    }

    fn round_all(&self, handle: &AppHandle) {
        let state = handle.state::<AppState>();
        let Ok(maps) = shared_maps(&state) else {
            return;
        };
        for (map_id, _) in maps {
            let waiting = lock(&self.inner).waiting.contains_key(&map_id);
            if waiting {
                // Told again: the window may have been loading when it was first told.
                let _ = handle.emit(SYNC_DUE, map_id);
            }
            if self.round(&state, map_id, !waiting) {
                let _ = handle.emit(SYNC_DUE, map_id);
            }
        }
    }

    /// One round for one map; true when it read something, now waiting to be taken in (unless a
    /// `forget` came meanwhile). One round at a time: one writer of this laptop's files.
    fn round(&self, state: &AppState, map_id: Id, read: bool) -> bool {
        let _one = lock(&self.round);
        let generation = lock(&self.inner).generation;
        let Ok(Some(job)) = state.with(|lib| Ok(lib.sync_job(map_id, read)?)) else {
            return false;
        };
        let ex = job.run();
        if let Err(e) = state.with(|lib| Ok(lib.sync_sent(&ex)?)) {
            eprintln!("jejak: what was written to the shared folder could not be noted: {e:?}");
        }
        let mut inner = lock(&self.inner);
        if inner.generation != generation {
            return false;
        }
        let seen = inner.seen.entry(map_id).or_default();
        match ex.unreachable() {
            Some(why) => seen.unreachable = Some(why.to_owned()),
            None => {
                seen.unreachable = None;
                seen.synced_at = Some(now_millis());
            }
        }
        let news = ex.has_news();
        if news {
            inner.waiting.insert(map_id, ex);
        }
        news
    }

    /// Takes in what was read for the map (the UI's `sync_map`): merges it, in one transaction.
    pub fn take_in(&self, state: &AppState, map_id: Id) -> IpcResult<SyncReport> {
        let waiting = lock(&self.inner).waiting.remove(&map_id);
        let mut report = match waiting {
            Some(ex) => state.with(|lib| Ok(lib.sync_take_in(ex)?))?,
            None => SyncReport {
                map_id,
                patch: jejak_core::Patch {
                    history: state.with(|lib| Ok(lib.history(map_id)?))?,
                    ..jejak_core::Patch::default()
                },
                ..SyncReport::default()
            },
        };
        if let Some(why) = self.seen(map_id).unreachable {
            report
                .issues
                .push(SyncIssue::FolderUnreachable { detail: why });
        }
        Ok(report)
    }

    fn seen(&self, map_id: Id) -> Seen {
        lock(&self.inner)
            .seen
            .get(&map_id)
            .cloned()
            .unwrap_or_default()
    }

    /// The library's view of the map's sharing, with what was seen of the folder while running.
    pub fn status(&self, state: &AppState, map_id: Id) -> IpcResult<SharingStatus> {
        let mut status = state.with(|lib| Ok(lib.sharing_status(map_id)?))?;
        if status.folder.is_some() {
            let seen = self.seen(map_id);
            status.synced_at = seen.synced_at;
            if let Some(detail) = seen.unreachable {
                status
                    .issues
                    .insert(0, SyncIssue::FolderUnreachable { detail });
            }
        }
        Ok(status)
    }

    /// Forgets what was read for a map (sharing stopped or moved, or another library opened). A
    /// round under way (perhaps waiting on a folder that does not answer) is not waited for: what
    /// it reads is dropped, and the library refuses what it wrote for another sharing.
    pub fn forget(&self, map_id: Option<Id>) {
        let mut inner = lock(&self.inner);
        inner.generation = inner.generation.wrapping_add(1);
        match map_id {
            Some(id) => {
                inner.waiting.remove(&id);
                inner.seen.remove(&id);
            }
            None => {
                inner.waiting.clear();
                inner.seen.clear();
            }
        }
    }

    /// On the way out: writes every shared map's waiting edits, for at most a few seconds (a
    /// folder that does not answer never keeps the app from closing; the edits go next time).
    pub fn flush(self: &Arc<Self>, handle: &AppHandle) {
        let syncer = Arc::clone(self);
        let handle = handle.clone();
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let state = handle.state::<AppState>();
            if let Ok(maps) = shared_maps(&state) {
                for (map_id, _) in maps {
                    syncer.round(&state, map_id, false);
                }
            }
            let _ = done_tx.send(());
        });
        let _ = done_rx.recv_timeout(FLUSH_WITHIN);
    }
}
