//! PDF export of a journey map. [`layout`] is pure (map + options → pages of boxes in points);
//! [`render`] turns those pages into a PDF with printpdf, fonts embedded and subset.

pub mod fixture;
pub mod fonts;
pub use jejak_core::labels;
pub mod layout;
pub mod options;
pub mod photo;
pub mod render;
pub mod rtl;
pub mod wrap;

use jejak_core::MapDoc;

pub use layout::Preview;
pub use options::{ExportOptions, Mode, Orientation, Paper};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF font could not be loaded: {0}")]
    Font(String),
    #[error("{0}")]
    Options(String),
    #[error("cannot write {path}: {source}")]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// Writes the PDF next to `path` and renames it into place, so a failed or interrupted export
/// never leaves half a file where a good one was. The file gets the usual 0644 permissions.
pub fn save(path: &std::path::Path, bytes: &[u8]) -> Result<(), PdfError> {
    use std::io::Write;
    let fail = |source: std::io::Error| PdfError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// A finished export.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters the fonts lack, printed as a visible replacement mark (�).
    pub replaced_chars: usize,
    /// The smallest text the map's pages print, in points.
    pub text_pt: f32,
    /// When that is below the chosen minimum: layouts that would not be.
    pub proposals: Vec<layout::proposals::Proposal>,
}

fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(0))
        .unwrap_or(0)
}

fn context(options: &ExportOptions, now_unix: i64) -> Result<layout::Ctx, PdfError> {
    let labels = labels::Labels::for_locale(options.locale);
    let date = printpdf::OffsetDateTime::from_unix_timestamp(now_unix)
        .map(|d| labels.date(d.date.year, d.date.month, d.date.day))
        .unwrap_or_default();
    Ok(layout::Ctx::new(fonts::FontSet::bundled()?, labels, date))
}

/// Where the pages fall, for the export dialog. Cheap enough to call on every option change.
pub fn preview(doc: &MapDoc, options: &ExportOptions) -> Result<Preview, PdfError> {
    let options = options.validated().map_err(PdfError::Options)?;
    let ctx = context(&options, now_unix())?;
    Ok(layout::layout(&ctx, doc, &options).preview)
}

/// Lays out and renders `doc`; `progress(done, total)` is called after each page.
pub fn export(
    doc: &MapDoc,
    options: &ExportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Exported, PdfError> {
    export_at(doc, options, now_unix(), progress)
}

/// [`export`] with a fixed clock (tests compare dates).
pub fn export_at(
    doc: &MapDoc,
    options: &ExportOptions,
    now_unix: i64,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Exported, PdfError> {
    let options = options.validated().map_err(PdfError::Options)?;
    let ctx = context(&options, now_unix)?;
    let laid = layout::layout(&ctx, doc, &options);
    let title = ctx.clean(&doc.map.title);
    let author = [options.facilitator.as_str(), options.organisation.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let info = render::DocInfo {
        title: &title,
        author: if author.is_empty() { "Jejak" } else { &author },
        subject: ctx.labels.subject,
        now_unix,
    };
    let bytes = render::render(&laid, &info, progress)?;
    Ok(Exported {
        bytes,
        pages: laid.pages.len(),
        replaced_chars: laid.replaced,
        text_pt: laid.preview.text_pt,
        proposals: laid.preview.proposals,
    })
}
