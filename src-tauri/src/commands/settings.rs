use jejak_core::templates::Locale;
use jejak_core::{Id, MapView};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

const LOCALE_KEY: &str = "locale";
/// The name comments are signed with.
const AUTHOR_KEY: &str = "user.name";

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
    /// The library's file or folder cannot be written: it is shown, edits are refused.
    pub read_only: bool,
    /// The newest backup of the library, if there is one (offered when it was refused).
    pub newest_backup: Option<crate::commands::library_file::BackupInfo>,
    /// A file to bring maps in from, given on the command line (`jejak map.jejak`).
    pub open_file: Option<String>,
}

/// The interface language: the one saved in the library, else the system's.
fn chosen_locale(saved: Option<&str>, state: &AppState) -> Locale {
    match saved {
        Some("id") => Locale::Id,
        Some("en") => Locale::En,
        _ => state.os_locale(),
    }
}

/// The interface language, for words the backend writes into files (a CSV's header).
pub(crate) fn ui_locale(state: &AppState, lib: &jejak_store::Library) -> IpcResult<Locale> {
    Ok(chosen_locale(lib.setting(LOCALE_KEY)?.as_deref(), state))
}

#[tauri::command]
pub async fn startup(
    state: State<'_, AppState>,
    file: State<'_, crate::state::FileToOpen>,
) -> IpcResult<Startup> {
    let problem = state.problem()?;
    let (saved, read_only) = if problem.is_none() {
        state.with(|lib| Ok((lib.setting(LOCALE_KEY)?, lib.is_read_only())))?
    } else {
        (None, false)
    };
    let locale = chosen_locale(saved.as_deref(), &state);
    let path = state.path()?;
    let newest_backup = jejak_store::backups::list(&path)
        .into_iter()
        .next()
        .map(crate::commands::library_file::info);
    let problem_free = problem.is_none();
    Ok(Startup {
        library_path: path.display().to_string(),
        locale,
        problem,
        read_only,
        newest_backup,
        // Kept for later when the library was refused: it has nowhere to go yet.
        open_file: if problem_free {
            file.take().map(|p| p.display().to_string())
        } else {
            None
        },
    })
}

/// The next file handed over by a second launch (or given on the command line and not yet
/// taken), once; none when there is none or the library was refused (it has nowhere to go).
#[tauri::command]
pub async fn take_file_to_open(
    state: State<'_, AppState>,
    file: State<'_, crate::state::FileToOpen>,
) -> IpcResult<Option<String>> {
    if state.problem()?.is_some() {
        return Ok(None);
    }
    Ok(file.take().map(|p| p.display().to_string()))
}

#[tauri::command]
pub async fn set_locale(state: State<'_, AppState>, locale: Locale) -> IpcResult<()> {
    // Preferences of a read-only library live for this session only.
    state.with(|lib| match lib.is_read_only() {
        true => Ok(()),
        false => Ok(lib.set_setting(LOCALE_KEY, locale.as_str())?),
    })
}

fn zoom_key(map_id: Id) -> String {
    format!("view.zoom.{map_id}")
}

/// The zoom level the map was last shown at, if it was ever changed.
#[tauri::command]
pub async fn map_zoom(state: State<'_, AppState>, map_id: Id) -> IpcResult<Option<f64>> {
    let saved = state.with(|lib| Ok(lib.setting(&zoom_key(map_id))?))?;
    Ok(saved
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|z| z.is_finite()))
}

#[tauri::command]
pub async fn set_map_zoom(state: State<'_, AppState>, map_id: Id, zoom: f64) -> IpcResult<()> {
    if !zoom.is_finite() {
        return Err(IpcError::new(
            crate::error::ErrorKind::Invalid,
            jejak_core::Problem::BadValue {
                field: jejak_core::Field::Edit,
            },
        ));
    }
    // Fit map goes below the buttons' 25 % so that any map fits (the UI's FIT_MIN_ZOOM).
    let zoom = zoom.clamp(0.02, 2.0);
    state.with(|lib| match lib.is_read_only() {
        true => Ok(()),
        false => Ok(lib.set_setting(&zoom_key(map_id), &zoom.to_string())?),
    })
}

fn view_key(map_id: Id) -> String {
    format!("view.choices.{map_id}")
}

/// How the map was last looked at here: shading, hidden lanes, a focused stage.
#[tauri::command]
pub async fn map_view(state: State<'_, AppState>, map_id: Id) -> IpcResult<MapView> {
    let saved = state.with(|lib| Ok(lib.setting(&view_key(map_id))?))?;
    Ok(MapView::read(saved.as_deref()))
}

#[tauri::command]
pub async fn set_map_view(state: State<'_, AppState>, map_id: Id, view: MapView) -> IpcResult<()> {
    // Ids and text only: serialising cannot fail (an empty text would read back as the plain view).
    let text = serde_json::to_string(&view.bounded()).unwrap_or_default();
    state.with(|lib| match lib.is_read_only() {
        true => Ok(()),
        false => Ok(lib.set_setting(&view_key(map_id), &text)?),
    })
}

/// The name comments are signed with; null until the user gives one.
#[tauri::command]
pub async fn author_name(state: State<'_, AppState>) -> IpcResult<Option<String>> {
    let saved = state.with(|lib| Ok(lib.setting(AUTHOR_KEY)?))?;
    Ok(saved.filter(|name| jejak_core::comment::author_name(name).is_ok()))
}

#[tauri::command]
pub async fn set_author_name(state: State<'_, AppState>, name: String) -> IpcResult<String> {
    let name = jejak_core::comment::author_name(&name).map_err(jejak_store::StoreError::from)?;
    state.with(|lib| match lib.is_read_only() {
        true => Ok(name),
        false => {
            lib.set_setting(AUTHOR_KEY, &name)?;
            Ok(name)
        }
    })
}
