use jejak_core::templates::Locale;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

const LOCALE_KEY: &str = "locale";

/// What the UI needs before it draws anything.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Startup {
    /// Absolute path of the library file.
    pub library_path: String,
    /// The interface language: the saved choice, else the OS locale.
    pub locale: Locale,
    /// Set when the library file was refused; the app then shows why instead of the library.
    pub problem: Option<IpcError>,
}

#[tauri::command]
pub async fn startup(state: State<'_, AppState>) -> IpcResult<Startup> {
    let problem = state.problem()?;
    let saved = if problem.is_none() {
        state.with(|lib| Ok(lib.setting(LOCALE_KEY)?))?
    } else {
        None
    };
    let locale = match saved.as_deref() {
        Some("id") => Locale::Id,
        Some("en") => Locale::En,
        _ => state.os_locale(),
    };
    Ok(Startup {
        library_path: state.path().display().to_string(),
        locale,
        problem,
    })
}

#[tauri::command]
pub async fn set_locale(state: State<'_, AppState>, locale: Locale) -> IpcResult<()> {
    state.with(|lib| Ok(lib.set_setting(LOCALE_KEY, locale.as_str())?))
}
