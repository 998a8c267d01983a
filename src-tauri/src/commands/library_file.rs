//! Which library file is open: its backups, restoring one, opening or creating another. These
//! are what the problem screen offers when a library is refused.

use std::path::PathBuf;
use std::sync::Arc;

use jejak_core::Problem;
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::error::{ErrorKind, IpcError, IpcResult};
use crate::state::AppState;
use crate::syncer::Syncer;

/// When set, the open dialog is not shown and this path is used (end-to-end tests cannot drive
/// the native GTK dialog).
const OPEN_PATH_ENV: &str = "JEJAK_OPEN_LIBRARY_PATH";
/// Likewise for the "new library" save dialog.
const NEW_PATH_ENV: &str = "JEJAK_NEW_LIBRARY_PATH";

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub taken_at: i64,
    #[ts(type = "number")]
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RestoreReport {
    pub backup: BackupInfo,
    /// Where the damaged library was moved to, unchanged.
    pub damaged_kept_at: Option<String>,
}

pub(crate) fn info(b: jejak_store::backups::BackupFile) -> BackupInfo {
    BackupInfo {
        path: b.path.display().to_string(),
        taken_at: b.taken_at,
        bytes: b.bytes,
    }
}

/// The library's backups, newest first (not yet checked: restoring checks them).
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> IpcResult<Vec<BackupInfo>> {
    let path = state.path()?;
    Ok(jejak_store::backups::list(&path)
        .into_iter()
        .map(info)
        .collect())
}

/// Puts a copy of the newest backup that passes the check where the library is, keeping the
/// damaged file beside it under another name, and opens it.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    syncer: State<'_, Arc<Syncer>>,
) -> IpcResult<RestoreReport> {
    // Only a library refused as damaged is replaced: one that is unreachable, in use or newer
    // is not a reason to move a file aside.
    if !state.refused_as_damaged()? {
        return Err(IpcError::new(ErrorKind::Conflict, Problem::NoBackup)
            .with_detail("the library was not refused as damaged"));
    }
    let report = state.while_closed(|path| {
        let restored = jejak_store::backups::restore_newest(path, jejak_core::now_millis())?;
        Ok(RestoreReport {
            backup: info(restored.backup),
            damaged_kept_at: restored.damaged_kept_at.map(|p| p.display().to_string()),
        })
    });
    // What was read from shared folders was read for the library as it was.
    syncer.forget(None);
    report
}

fn folder_of(state: &AppState) -> Option<PathBuf> {
    state
        .path()
        .ok()
        .and_then(|p| p.parent().map(PathBuf::from))
        .filter(|d| d.is_dir())
}

/// Asks for a library file and opens it instead of the current one (it may be refused too, then
/// the problem screen says why). `false` when the user cancels.
#[tauri::command]
pub async fn open_library_file(
    app: AppHandle,
    state: State<'_, AppState>,
    syncer: State<'_, Arc<Syncer>>,
) -> IpcResult<bool> {
    let picked = match std::env::var_os(OPEN_PATH_ENV) {
        Some(p) => Some(PathBuf::from(p)),
        None => {
            let mut dialog = app.dialog().file().add_filter("Jejak", &["jejak"]);
            if let Some(dir) = folder_of(&state) {
                dialog = dialog.set_directory(dir);
            }
            dialog.blocking_pick_file().and_then(|p| p.into_path().ok())
        }
    };
    let Some(path) = picked else {
        return Ok(false);
    };
    state.switch_to(path.clone())?;
    syncer.forget(None);
    remember_if_opened(&state, &path)?;
    Ok(true)
}

/// The next start opens this library, if it opened now.
fn remember_if_opened(state: &AppState, path: &std::path::Path) -> IpcResult<()> {
    if state.problem()?.is_none() {
        crate::config::remember_library(path);
    }
    Ok(())
}

/// Asks where to make a new, empty library and opens it. An existing file is never replaced.
#[tauri::command]
pub async fn create_library_file(
    app: AppHandle,
    state: State<'_, AppState>,
    syncer: State<'_, Arc<Syncer>>,
) -> IpcResult<bool> {
    let picked = match std::env::var_os(NEW_PATH_ENV) {
        Some(p) => Some(PathBuf::from(p)),
        None => {
            let mut dialog = app
                .dialog()
                .file()
                .add_filter("Jejak", &["jejak"])
                .set_file_name("library.jejak");
            if let Some(dir) = folder_of(&state) {
                dialog = dialog.set_directory(dir);
            }
            dialog.blocking_save_file().and_then(|p| p.into_path().ok())
        }
    };
    let Some(mut path) = picked else {
        return Ok(false);
    };
    if path.extension().is_none() {
        path.set_extension("jejak");
    }
    if path.exists() {
        return Err(
            IpcError::new(ErrorKind::Conflict, Problem::FileExists).with_detail(path.display())
        );
    }
    state.switch_to(path.clone())?;
    syncer.forget(None);
    remember_if_opened(&state, &path)?;
    Ok(true)
}
