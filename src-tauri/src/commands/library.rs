use jejak_core::templates::{Locale, Template};
use jejak_core::{Id, MapSummary};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_maps(state: State<'_, AppState>, query: String) -> IpcResult<Vec<MapSummary>> {
    state.with(|lib| Ok(lib.list_maps(&query)?))
}

#[tauri::command]
pub async fn list_trash(state: State<'_, AppState>) -> IpcResult<Vec<MapSummary>> {
    state.with(|lib| Ok(lib.list_trash()?))
}

#[tauri::command]
pub async fn create_map(
    state: State<'_, AppState>,
    template: Template,
    locale: Locale,
    title: Option<String>,
) -> IpcResult<MapSummary> {
    state.with(|lib| Ok(lib.create_map(template, locale, title.as_deref())?))
}

#[tauri::command]
pub async fn duplicate_map(
    state: State<'_, AppState>,
    id: Id,
    title: String,
) -> IpcResult<MapSummary> {
    state.with(|lib| Ok(lib.duplicate_map(id, &title)?))
}

#[tauri::command]
pub async fn trash_map(state: State<'_, AppState>, id: Id) -> IpcResult<MapSummary> {
    state.with(|lib| Ok(lib.trash_map(id)?))
}

#[tauri::command]
pub async fn restore_map(state: State<'_, AppState>, id: Id) -> IpcResult<MapSummary> {
    state.with(|lib| Ok(lib.restore_map(id)?))
}

#[tauri::command]
pub async fn purge_map(state: State<'_, AppState>, id: Id) -> IpcResult<()> {
    state.with(|lib| Ok(lib.purge_map(id)?))
}
