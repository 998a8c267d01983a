//! Cards from a CSV: the file's first rows and suggested columns, what an import would do, and
//! the import itself (one undo step, or nothing at all).

use jejak_core::cards_csv::{self, CardsCsvPreview, CardsImport, CardsSummary};
use jejak_core::{Id, Patch};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{ErrorKind, IpcError, IpcResult};
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CardsImportResult {
    pub patch: Patch,
    pub summary: CardsSummary,
}

#[tauri::command]
pub async fn cards_csv_preview(text: String) -> IpcResult<CardsCsvPreview> {
    cards_csv::preview(&text).map_err(|problems| IpcError {
        kind: ErrorKind::Invalid,
        problems,
        detail: None,
    })
}

#[tauri::command]
pub async fn check_cards_csv(
    state: State<'_, AppState>,
    map_id: Id,
    text: String,
    spec: CardsImport,
) -> IpcResult<CardsSummary> {
    state.with(|lib| Ok(lib.check_cards_csv(map_id, &text, &spec)?))
}

#[tauri::command]
pub async fn import_cards_csv(
    state: State<'_, AppState>,
    map_id: Id,
    text: String,
    spec: CardsImport,
) -> IpcResult<CardsImportResult> {
    state.with(|lib| {
        let (patch, summary) = lib.import_cards_csv(map_id, &text, &spec)?;
        Ok(CardsImportResult { patch, summary })
    })
}
