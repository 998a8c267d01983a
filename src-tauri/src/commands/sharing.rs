//! Sharing a map through a folder a sync tool replicates: choosing the folder, starting and
//! stopping, what the board shows of it, taking in what arrived, and adding a map found in a
//! shared folder to the library.

use std::path::PathBuf;
use std::sync::Arc;

use jejak_core::sharing::{SharedMap, SharingStatus, SyncReport};
use jejak_core::{Id, MapSummary};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::export::default_folder;
use crate::error::IpcResult;
use crate::state::AppState;
use crate::syncer::Syncer;

/// When set, the folder dialog is not shown and this folder is used (end-to-end tests cannot
/// drive the native GTK dialog).
const FOLDER_ENV: &str = "JEJAK_SHARE_FOLDER_PATH";

/// Asks for a folder (native dialog); `None` when the user cancels.
#[tauri::command]
pub async fn choose_share_folder(app: AppHandle) -> IpcResult<Option<String>> {
    let picked = match std::env::var_os(FOLDER_ENV) {
        Some(p) => Some(PathBuf::from(p)),
        None => {
            let mut dialog = app.dialog().file();
            if let Some(dir) = default_folder() {
                dialog = dialog.set_directory(dir);
            }
            dialog
                .blocking_pick_folder()
                .and_then(|p| p.into_path().ok())
        }
    };
    Ok(picked.map(|p| p.display().to_string()))
}

#[tauri::command]
pub async fn sharing_status(
    state: State<'_, AppState>,
    syncer: State<'_, Arc<Syncer>>,
    map_id: Id,
) -> IpcResult<SharingStatus> {
    syncer.status(&state, map_id)
}

/// Shares the map through `folder` (its edits go there from the next round, which starts now).
#[tauri::command]
pub async fn share_map(
    state: State<'_, AppState>,
    syncer: State<'_, Arc<Syncer>>,
    map_id: Id,
    folder: String,
) -> IpcResult<SharingStatus> {
    state.with(|lib| Ok(lib.share_map(map_id, &PathBuf::from(&folder))?))?;
    syncer.forget(Some(map_id));
    syncer.wake();
    syncer.status(&state, map_id)
}

#[tauri::command]
pub async fn stop_sharing(
    state: State<'_, AppState>,
    syncer: State<'_, Arc<Syncer>>,
    map_id: Id,
) -> IpcResult<()> {
    state.with(|lib| Ok(lib.stop_sharing(map_id)?))?;
    syncer.forget(Some(map_id));
    Ok(())
}

/// Merges what arrived from the map's folder (called by the UI's edit queue after
/// `jejak://sync-due`); its patch is what changed in the map.
#[tauri::command]
pub async fn sync_map(
    state: State<'_, AppState>,
    syncer: State<'_, Arc<Syncer>>,
    map_id: Id,
) -> IpcResult<SyncReport> {
    syncer.take_in(&state, map_id)
}

/// Looks at the shared folders now instead of in a moment.
#[tauri::command]
pub async fn sync_now(syncer: State<'_, Arc<Syncer>>) -> IpcResult<()> {
    syncer.wake();
    Ok(())
}

/// The maps shared in `folder`, to add to the library.
#[tauri::command]
pub async fn maps_in_folder(
    state: State<'_, AppState>,
    folder: String,
) -> IpcResult<Vec<SharedMap>> {
    state.with(|lib| Ok(lib.maps_in_folder(&PathBuf::from(&folder))?))
}

/// Adds a map of `folder` to the library and shares it through the folder from now on.
#[tauri::command]
pub async fn add_shared_map(
    state: State<'_, AppState>,
    syncer: State<'_, Arc<Syncer>>,
    folder: String,
    map_id: Id,
) -> IpcResult<MapSummary> {
    let summary = state.with(|lib| Ok(lib.add_shared_map(&PathBuf::from(&folder), map_id)?))?;
    syncer.forget(Some(map_id));
    syncer.wake();
    Ok(summary)
}
