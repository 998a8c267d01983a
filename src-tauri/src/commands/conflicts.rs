//! Conflicts a merge found in a map: listed until the user dismisses them or takes the other
//! version (one undo step).

use jejak_core::sync::Conflict;
use jejak_core::{Id, Patch};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub async fn map_conflicts(state: State<'_, AppState>, map_id: Id) -> IpcResult<Vec<Conflict>> {
    state.with(|lib| Ok(lib.conflicts(map_id)?))
}

#[tauri::command]
pub async fn dismiss_conflict(state: State<'_, AppState>, map_id: Id, id: Id) -> IpcResult<()> {
    state.with(|lib| Ok(lib.dismiss_conflict(map_id, id)?))
}

#[tauri::command]
pub async fn use_other_version(state: State<'_, AppState>, map_id: Id, id: Id) -> IpcResult<Patch> {
    state.with(|lib| Ok(lib.use_other_version(map_id, id)?))
}
