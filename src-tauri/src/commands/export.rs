use std::path::PathBuf;

use jejak_core::{Id, MapDoc, MapView};
use jejak_pdf::{ExportOptions, PdfError, Preview};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::error::{file_write_error, ErrorKind, IpcError, IpcResult};
use crate::state::AppState;
use jejak_core::Problem;

/// When set, the save dialog is not shown and this path is used: end-to-end tests cannot drive
/// the native GTK dialog over WebDriver.
const SAVE_PATH_ENV: &str = "JEJAK_EXPORT_SAVE_PATH";

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportReport {
    pub path: String,
    pub pages: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Characters the PDF font lacks, printed as �.
    pub replaced_chars: u32,
}

fn pdf_error(e: PdfError) -> IpcError {
    match &e {
        PdfError::Write { source, .. } => file_write_error(source).with_detail(&e),
        PdfError::Options(_) => IpcError::new(
            ErrorKind::Invalid,
            Problem::BadValue {
                field: jejak_core::Field::Edit,
            },
        )
        .with_detail(&e),
        PdfError::Font(_) => {
            IpcError::new(ErrorKind::Internal, Problem::ExportFailed).with_detail(&e)
        }
    }
}

const LAST_OPTIONS_KEY: &str = "export.last";

fn options_key(map_id: Id) -> String {
    format!("export.options.{map_id}")
}

/// The options this map was last exported with, else those of the last export of any map (so
/// the facilitator and paper carry over), else none.
#[tauri::command]
pub async fn export_options(
    state: State<'_, AppState>,
    map_id: Id,
) -> IpcResult<Option<ExportOptions>> {
    let saved = state.with(|lib| {
        Ok(match lib.setting(&options_key(map_id))? {
            Some(v) => Some(v),
            None => lib.setting(LAST_OPTIONS_KEY)?,
        })
    })?;
    // Options saved by another version may not parse: then the dialog starts from its defaults.
    Ok(saved.and_then(|json| serde_json::from_str(&json).ok()))
}

/// Where the pages of an export would fall, for the dialog's preview.
#[tauri::command]
pub async fn export_preview(
    state: State<'_, AppState>,
    map_id: Id,
    options: ExportOptions,
    as_shown: Option<MapView>,
) -> IpcResult<Preview> {
    let doc = shown_map(&state, map_id, as_shown)?;
    jejak_pdf::preview(&doc, &options).map_err(pdf_error)
}

/// The map, or the map as the board's view (`as_shown`) shows it: hidden lanes left out, a
/// focused stage alone. The view comes from the board itself, so a read-only library, whose
/// view is never saved, prints as its board shows too.
fn shown_map(
    state: &State<'_, AppState>,
    map_id: Id,
    as_shown: Option<MapView>,
) -> IpcResult<MapDoc> {
    let doc = state.with(|lib| Ok(lib.load_map(map_id)?))?;
    Ok(match as_shown {
        Some(view) => view.bounded().apply(doc),
        None => doc,
    })
}

/// A file name made from the map title, safe on every file system.
fn file_name(title: &str) -> String {
    file_name_with(title, "pdf")
}

/// The same with another extension (a map file's `.jejak`).
pub(crate) fn file_name_with(title: &str, extension: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_matches('.');
    format!(
        "{}.{extension}",
        if clean.is_empty() {
            "journey-map"
        } else {
            clean
        }
    )
}

/// Asks where to save the PDF (native dialog); `None` when the user cancels.
#[tauri::command]
pub async fn choose_export_path(
    app: AppHandle,
    state: State<'_, AppState>,
    map_id: Id,
) -> IpcResult<Option<String>> {
    if let Some(p) = std::env::var_os(SAVE_PATH_ENV) {
        return Ok(Some(p.to_string_lossy().into_owned()));
    }
    let title = state.with(|lib| Ok(lib.map_summary(map_id)?.title))?;
    let mut dialog = app
        .dialog()
        .file()
        .add_filter("PDF", &["pdf"])
        .set_file_name(file_name(&title));
    if let Some(dir) = default_folder() {
        dialog = dialog.set_directory(dir);
    }
    // Blocking is fine: async commands run off the main thread.
    let picked = dialog.blocking_save_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|mut p| {
        if p.extension().is_none() {
            p.set_extension("pdf");
        }
        p.to_string_lossy().into_owned()
    }))
}

/// Documents, else home: never the app's working directory.
pub(crate) fn default_folder() -> Option<PathBuf> {
    dirs::document_dir()
        .filter(|d| d.is_dir())
        .or_else(|| dirs::home_dir().filter(|d| d.is_dir()))
}

/// Exports the map to `path`, reporting each rendered page on `on_progress`. The file appears
/// only when complete.
#[tauri::command]
pub async fn export_pdf(
    state: State<'_, AppState>,
    map_id: Id,
    options: ExportOptions,
    as_shown: Option<MapView>,
    path: String,
    on_progress: Channel<ExportProgress>,
) -> IpcResult<ExportReport> {
    let doc = shown_map(&state, map_id, as_shown)?;
    let saved = serde_json::to_string(&options).map_err(IpcError::internal)?;
    let target = PathBuf::from(&path);
    let work = move || -> Result<ExportReport, PdfError> {
        let mut progress = |done: usize, total: usize| {
            // A closed channel (dialog gone) must not stop the export.
            let _ = on_progress.send(ExportProgress {
                done: u32::try_from(done).unwrap_or(u32::MAX),
                total: u32::try_from(total).unwrap_or(u32::MAX),
            });
        };
        let out = jejak_pdf::export(&doc, &options, &mut progress)?;
        jejak_pdf::save(&target, &out.bytes)?;
        Ok(ExportReport {
            path,
            pages: u32::try_from(out.pages).unwrap_or(u32::MAX),
            bytes: out.bytes.len() as u64,
            replaced_chars: u32::try_from(out.replaced_chars).unwrap_or(u32::MAX),
        })
    };
    let report = tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, Problem::ExportFailed).with_detail(e))?
        .map_err(pdf_error)?;
    // Remembered only once a PDF was written with them; the PDF is there even if they cannot be
    // (a read-only library, a full disk), so that is not reported as a failed export.
    let remembered = state.with(|lib| {
        if !lib.is_read_only() {
            lib.set_setting(&options_key(map_id), &saved)?;
            lib.set_setting(LAST_OPTIONS_KEY, &saved)?;
        }
        Ok(())
    });
    if let Err(e) = remembered {
        eprintln!("jejak: the export options could not be remembered: {e}");
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name("Onboarding: v2 / final?"),
            "Onboarding- v2 - final-.pdf"
        );
        assert_eq!(file_name("  ..  "), "journey-map.pdf");
        assert_eq!(file_name("Perjalanan nasabah"), "Perjalanan nasabah.pdf");
    }
}
