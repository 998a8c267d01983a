use jejak_core::metrics::{self, CsvPreview, ImportResult, MetricsImport};
use jejak_core::{Id, MapDoc, Op, Patch};
use tauri::State;

use crate::error::{ErrorKind, IpcError, IpcResult};
use crate::state::AppState;

#[tauri::command]
pub async fn open_map(state: State<'_, AppState>, id: Id) -> IpcResult<MapDoc> {
    state.with(|lib| Ok(lib.load_map(id)?))
}

/// Applies a group of ops as one undo step; the returned patch is already on disk. Groups sent
/// with the same `merge_key` one after another (typing in a field) share one undo step.
#[tauri::command]
pub async fn apply_ops(
    state: State<'_, AppState>,
    map_id: Id,
    ops: Vec<Op>,
    merge_key: Option<String>,
) -> IpcResult<Patch> {
    state.with(|lib| match merge_key.as_deref() {
        Some(key) => Ok(lib.apply_merged(map_id, &ops, key)?),
        None => Ok(lib.apply(map_id, &ops)?),
    })
}

#[tauri::command]
pub async fn undo(state: State<'_, AppState>, map_id: Id) -> IpcResult<Patch> {
    state.with(|lib| Ok(lib.undo(map_id)?))
}

#[tauri::command]
pub async fn redo(state: State<'_, AppState>, map_id: Id) -> IpcResult<Patch> {
    state.with(|lib| Ok(lib.redo(map_id)?))
}

/// Headers and first rows of a CSV the user picked, to choose columns from.
#[tauri::command]
pub async fn csv_preview(text: String) -> IpcResult<CsvPreview> {
    metrics::preview(&text).map_err(|problems| IpcError {
        kind: ErrorKind::Invalid,
        problems,
        detail: None,
    })
}

/// Imports figures from the CSV onto the map's touchpoints (one undo step, or nothing at all).
#[tauri::command]
pub async fn import_metrics(
    state: State<'_, AppState>,
    map_id: Id,
    text: String,
    spec: MetricsImport,
) -> IpcResult<ImportResult> {
    state.with(|lib| Ok(lib.import_metrics(map_id, &text, &spec)?))
}
