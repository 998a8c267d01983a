//! Snapshots of a map: the History panel lists, takes, previews, restores, deletes and exports them.

use jejak_core::snapshot::SnapshotInfo;
use jejak_core::{Id, MapDoc, Patch};
use tauri::{AppHandle, State};

use crate::commands::map_file::{ask_save_path, MapFileFormat};
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_snapshots(
    state: State<'_, AppState>,
    map_id: Id,
) -> IpcResult<Vec<SnapshotInfo>> {
    state.with(|lib| Ok(lib.snapshots(map_id)?))
}

#[tauri::command]
pub async fn take_snapshot(
    state: State<'_, AppState>,
    map_id: Id,
    label: String,
) -> IpcResult<SnapshotInfo> {
    state.with(|lib| Ok(lib.take_snapshot(map_id, &label)?))
}

/// The map as the snapshot keeps it, for a read-only preview.
#[tauri::command]
pub async fn snapshot_doc(state: State<'_, AppState>, id: Id) -> IpcResult<MapDoc> {
    state.with(|lib| Ok(lib.snapshot_doc(id)?))
}

/// Restores the snapshot over its map (one undo step, after a safety snapshot).
#[tauri::command]
pub async fn restore_snapshot(state: State<'_, AppState>, id: Id) -> IpcResult<Patch> {
    state.with(|lib| Ok(lib.restore_snapshot(id)?))
}

#[tauri::command]
pub async fn delete_snapshot(state: State<'_, AppState>, id: Id) -> IpcResult<()> {
    state.with(|lib| Ok(lib.delete_snapshot(id)?))
}

/// Writes the snapshot as a map file where the user says; the path, or `None` when cancelled.
#[tauri::command]
pub async fn export_snapshot_file(
    app: AppHandle,
    state: State<'_, AppState>,
    id: Id,
) -> IpcResult<Option<String>> {
    // Named after the map: reading the snapshot's whole content for its title would be done
    // again by the export.
    let title = state.with(|lib| Ok(lib.map_summary(lib.snapshot(id)?.map_id)?.title))?;
    let Some(path) = ask_save_path(&app, &title, MapFileFormat::Jejak) else {
        return Ok(None);
    };
    state.with(|lib| Ok(lib.export_snapshot_file(id, &path)?))?;
    Ok(Some(path.display().to_string()))
}
