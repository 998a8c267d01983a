//! Map files: a map written as a `.jejak` file to hand on, and maps brought in from one (or from
//! another library file). The file is read through the same checks as a library and never
//! written to; each map comes in as one transaction.

use std::path::{Path, PathBuf};

use jejak_core::sync::MergeReport;
use jejak_core::{Id, MapSummary, Problem};
use jejak_store::{ImportAs, MapFile};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::commands::export::{default_folder, file_name_with};
use crate::error::{ErrorKind, IpcError, IpcResult};
use crate::state::AppState;

/// When set, the save dialog is not shown and this path is used (end-to-end tests cannot drive
/// the native GTK dialog).
const SAVE_PATH_ENV: &str = "JEJAK_SAVE_MAP_FILE_PATH";
/// Likewise for the open dialog.
const OPEN_PATH_ENV: &str = "JEJAK_OPEN_MAP_FILE_PATH";

/// What a file holds, for the user to choose from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MapFileInfo {
    pub path: String,
    pub maps: Vec<MapInFile>,
    /// The file carries its maps' edit history, so a map the library has can be merged.
    pub can_merge: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MapInFile {
    pub map: MapSummary,
    /// The library has this map already (the user picks a copy or a replace).
    pub in_library: bool,
}

/// What *Export map file…* writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MapFileFormat {
    /// A `.jejak` map file, with the edit history.
    Jejak,
    /// The map as JSON (docs/map-json.md).
    Json,
    /// The touchpoint inventory for spreadsheets.
    Csv,
    /// A Mermaid `journey` diagram (scored by the first persona).
    Mermaid,
    /// One self-contained web page that opens offline in any browser.
    Html,
}

impl MapFileFormat {
    fn extension(self) -> &'static str {
        match self {
            MapFileFormat::Jejak => "jejak",
            MapFileFormat::Json => "json",
            MapFileFormat::Csv => "csv",
            MapFileFormat::Mermaid => "mmd",
            MapFileFormat::Html => "html",
        }
    }
}

/// How one map of the file comes in.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "how", rename_all = "camelCase")]
#[ts(export)]
pub enum ImportChoice {
    /// Not in the library yet: as it is.
    New,
    /// Beside the library's version, with new ids, under this title.
    Copy { title: String },
    /// In place of the library's version.
    Replace,
    /// Into the library's version: every edit of both kept (one undo step, after a snapshot).
    Merge,
}

/// A map brought in, and what a merge did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportedMap {
    pub map: MapSummary,
    pub merged: Option<MergeReport>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPick {
    #[ts(type = "string")]
    pub map_id: Id,
    pub choice: ImportChoice,
}

fn open_file(path: &Path) -> IpcResult<MapFile> {
    MapFile::open(path).map_err(|e| IpcError::from(&e))
}

/// Asks where to save a file named after `title` (native dialog); `None` when the user cancels.
pub(crate) fn ask_save_path(
    app: &AppHandle,
    title: &str,
    format: MapFileFormat,
) -> Option<PathBuf> {
    let ext = format.extension();
    let picked = match std::env::var_os(SAVE_PATH_ENV) {
        Some(p) => Some(PathBuf::from(p)),
        None => {
            let name = match format {
                MapFileFormat::Jejak => "Jejak",
                MapFileFormat::Json => "JSON",
                MapFileFormat::Csv => "CSV",
                MapFileFormat::Mermaid => "Mermaid",
                MapFileFormat::Html => "HTML",
            };
            let mut dialog = app
                .dialog()
                .file()
                .add_filter(name, &[ext])
                .set_file_name(file_name_with(title, ext));
            if let Some(dir) = default_folder() {
                dialog = dialog.set_directory(dir);
            }
            dialog.blocking_save_file().and_then(|p| p.into_path().ok())
        }
    };
    picked.map(|mut path| {
        if path.extension().is_none() {
            path.set_extension(ext);
        }
        path
    })
}

/// Writes the map as a map file, JSON, CSV, Mermaid or a web page where the user says (native dialog); the path, or
/// `None` when the user cancels.
#[tauri::command]
pub async fn export_map_file(
    app: AppHandle,
    state: State<'_, AppState>,
    map_id: Id,
    format: MapFileFormat,
) -> IpcResult<Option<String>> {
    let title = state.with(|lib| Ok(lib.map_summary(map_id)?.title))?;
    let Some(path) = ask_save_path(&app, &title, format) else {
        return Ok(None);
    };
    state.with(|lib| match format {
        MapFileFormat::Jejak => Ok(lib.export_map_file(map_id, &path)?),
        MapFileFormat::Json => Ok(lib.export_map_json(map_id, &path)?),
        MapFileFormat::Csv => {
            let locale = crate::commands::settings::ui_locale(&state, lib)?;
            Ok(lib.export_inventory_csv(map_id, &path, locale)?)
        }
        MapFileFormat::Mermaid => Ok(lib.export_mermaid(map_id, &path, None)?),
        MapFileFormat::Html => {
            let locale = crate::commands::settings::ui_locale(&state, lib)?;
            Ok(lib.export_html(map_id, &path, locale, jejak_core::now_millis())?)
        }
    })?;
    Ok(Some(path.display().to_string()))
}

/// Puts the board on the system clipboard as a table: HTML for slides and documents, tab-separated
/// text for spreadsheets. The words (its corner heading) are in the interface's language.
#[tauri::command]
pub async fn copy_map_table(
    app: AppHandle,
    state: State<'_, AppState>,
    map_id: Id,
) -> IpcResult<()> {
    let table = state.with(|lib| {
        let locale = crate::commands::settings::ui_locale(&state, lib)?;
        let doc = lib.load_map(map_id)?;
        jejak_html::table(&doc, locale).map_err(IpcError::internal)
    })?;
    app.clipboard()
        .write_html(table.html, Some(table.text))
        .map_err(|e| IpcError::new(ErrorKind::Internal, Problem::ClipboardFailed).with_detail(e))
}

/// Asks for a map file (native dialog) and says what it holds; `None` when the user cancels.
#[tauri::command]
pub async fn choose_map_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<Option<MapFileInfo>> {
    let picked = match std::env::var_os(OPEN_PATH_ENV) {
        Some(p) => Some(PathBuf::from(p)),
        None => {
            let mut dialog = app
                .dialog()
                .file()
                .add_filter("Jejak", &["jejak", "json", "mmd", "mermaid"]);
            if let Some(dir) = default_folder() {
                dialog = dialog.set_directory(dir);
            }
            dialog.blocking_pick_file().and_then(|p| p.into_path().ok())
        }
    };
    match picked {
        Some(path) => read(&state, &path).map(Some),
        None => Ok(None),
    }
}

/// What the file at `path` holds (a file dropped on the window).
#[tauri::command]
pub async fn read_map_file(state: State<'_, AppState>, path: String) -> IpcResult<MapFileInfo> {
    read(&state, Path::new(&path))
}

fn read(state: &AppState, path: &Path) -> IpcResult<MapFileInfo> {
    let file = open_file(path)?;
    let maps = state.with(|lib| {
        file.maps()
            .iter()
            .map(|m| {
                Ok(MapInFile {
                    map: m.clone(),
                    in_library: lib.has_map(m.id)?,
                })
            })
            .collect::<IpcResult<Vec<_>>>()
    })?;
    Ok(MapFileInfo {
        path: path.display().to_string(),
        maps,
        can_merge: file.can_merge(),
    })
}

/// Brings the picked maps of the file in (or merges them), each in one transaction.
#[tauri::command]
pub async fn import_maps(
    state: State<'_, AppState>,
    path: String,
    picks: Vec<ImportPick>,
) -> IpcResult<Vec<ImportedMap>> {
    let file = open_file(Path::new(&path))?;
    state.with(|lib| {
        picks
            .into_iter()
            .map(|p| {
                let how = match p.choice {
                    ImportChoice::New => ImportAs::New,
                    ImportChoice::Copy { title } => ImportAs::Copy { title },
                    ImportChoice::Replace => ImportAs::Replace,
                    ImportChoice::Merge => {
                        let merged = lib.merge_map(&file, p.map_id)?;
                        let map = lib.map_summary(p.map_id)?;
                        return Ok(ImportedMap {
                            map,
                            merged: Some(merged),
                        });
                    }
                };
                let map = lib.import_map(&file, p.map_id, how)?;
                Ok(ImportedMap { map, merged: None })
            })
            .collect::<IpcResult<Vec<_>>>()
    })
}
