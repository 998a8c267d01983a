//! `jejak-cli export`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use jejak_core::templates::Locale;
use jejak_pdf::{ExportOptions, Mode, Orientation, Paper};

#[derive(Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    A3,
    A2,
    A1,
    Letter,
    Tabloid,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OrientationArg {
    Portrait,
    Landscape,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ModeArg {
    /// The whole map on one sheet.
    Fit,
    /// Tiled across sheets at --scale, with --overlap, cut marks and an assembly key.
    Poster,
    /// Whole stages per sheet.
    ByStage,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    En,
    Id,
}

/// What `export` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A PDF to print or hand out (the options below).
    Pdf,
    /// A map file: the editable map with its personas and history, to open in another Jejak.
    Jejak,
    /// The whole map as JSON (docs/map-json.md), without its edit history.
    Json,
    /// The touchpoint inventory for spreadsheets: one row per card (headers in --lang).
    Csv,
    /// A Mermaid `journey` diagram, scored by --persona (default: the first).
    Mermaid,
    /// One self-contained web page (board, curve, personas, overview, search) that opens offline.
    Html,
}

#[derive(Args)]
pub struct ExportArgs {
    /// The map's id or exact title.
    #[arg(long)]
    map: String,
    /// Where to write the file (replaced if it exists).
    #[arg(long, short)]
    output: PathBuf,
    /// The format; by default the output's extension (.pdf, .jejak, .json, .csv, .mmd or .html) decides.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    #[arg(long, value_enum, default_value = "landscape")]
    orientation: OrientationArg,
    #[arg(long, value_enum, default_value = "fit")]
    mode: ModeArg,
    /// Poster size in percent of the map's natural size.
    #[arg(long, default_value_t = 100.0)]
    scale: f32,
    /// Poster overlap between neighbouring sheets, in millimetres.
    #[arg(long, default_value_t = 10.0)]
    overlap: f32,
    /// The smallest text size, in points, the map's pages may print: pages by stage choose
    /// their scale to stay at or above it; the other layouts say when they do not.
    #[arg(long, default_value_t = jejak_pdf::options::DEFAULT_MIN_TEXT_PT)]
    min_text: f32,
    /// Leave out the persona pages.
    #[arg(long)]
    no_personas: bool,
    /// Leave out the touchpoint inventory table.
    #[arg(long)]
    no_inventory: bool,
    /// Add a page listing the open comment threads.
    #[arg(long)]
    comments: bool,
    #[arg(long, default_value = "")]
    facilitator: String,
    #[arg(long, default_value = "")]
    organisation: String,
    /// Mermaid: whose scores the tasks get (a persona's name or id; default: the first persona).
    #[arg(long)]
    persona: Option<String>,
    /// Language of the words the PDF and the web page add (legend, headings) and of the CSV's header.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
}

impl ExportArgs {
    fn options(&self) -> ExportOptions {
        ExportOptions {
            paper: match self.paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::A3 => Paper::A3,
                PaperArg::A2 => Paper::A2,
                PaperArg::A1 => Paper::A1,
                PaperArg::Letter => Paper::Letter,
                PaperArg::Tabloid => Paper::Tabloid,
            },
            orientation: match self.orientation {
                OrientationArg::Portrait => Orientation::Portrait,
                OrientationArg::Landscape => Orientation::Landscape,
            },
            mode: match self.mode {
                ModeArg::Fit => Mode::Fit,
                ModeArg::Poster => Mode::Poster,
                ModeArg::ByStage => Mode::ByStage,
            },
            poster_scale: self.scale,
            overlap_mm: self.overlap,
            min_text_pt: self.min_text,
            include_personas: !self.no_personas,
            include_inventory: !self.no_inventory,
            include_comments: self.comments,
            facilitator: self.facilitator.clone(),
            organisation: self.organisation.clone(),
            locale: match self.lang {
                LangArg::En => Locale::En,
                LangArg::Id => Locale::Id,
            },
        }
    }
}

impl ExportArgs {
    fn format(&self) -> Result<FormatArg, String> {
        if let Some(format) = self.format {
            return Ok(format);
        }
        let ext = self
            .output
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase());
        match ext.as_deref() {
            Some("pdf") => Ok(FormatArg::Pdf),
            Some("jejak") => Ok(FormatArg::Jejak),
            Some("json") => Ok(FormatArg::Json),
            Some("csv") => Ok(FormatArg::Csv),
            Some("mmd" | "mermaid") => Ok(FormatArg::Mermaid),
            Some("html" | "htm") => Ok(FormatArg::Html),
            _ => Err(format!(
                "cannot tell the format from {}; add --format pdf, jejak, json, csv, mermaid or html",
                self.output.display()
            )),
        }
    }
}

pub fn run(lib: &jejak_store::Library, args: &ExportArgs) -> Result<(), String> {
    let maps = lib.list_maps("").map_err(|e| e.to_string())?;
    let summary = crate::find::find_map(&maps, &args.map)?;
    let (id, output) = (summary.id, args.output.as_path());
    // Every format but the PDF: written by the store, then named on one line.
    let (written, what) = match args.format()? {
        FormatArg::Jejak => (lib.export_map_file(id, output), "map file"),
        FormatArg::Json => (lib.export_map_json(id, output), "JSON"),
        FormatArg::Csv => {
            let locale = args.options().locale;
            (lib.export_inventory_csv(id, output, locale), "touchpoints")
        }
        FormatArg::Mermaid => {
            let by = persona(lib, id, args.persona.as_deref())?;
            (lib.export_mermaid(id, output, by), "Mermaid journey")
        }
        FormatArg::Html => {
            let (locale, now) = (args.options().locale, chrono::Utc::now().timestamp_millis());
            (lib.export_html(id, output, locale, now), "web page")
        }
        FormatArg::Pdf => return export_pdf(lib, summary, args),
    };
    written.map_err(|e| e.to_string())?;
    println!("{}: {what} of {:?}", output.display(), summary.title);
    Ok(())
}

/// The persona named (or with the id) `key`, when one is given.
fn persona(
    lib: &jejak_store::Library,
    map: jejak_core::Id,
    key: Option<&str>,
) -> Result<Option<jejak_core::Id>, String> {
    let Some(key) = key else { return Ok(None) };
    let doc = lib.load_map(map).map_err(|e| e.to_string())?;
    doc.personas
        .iter()
        .find(|p| p.name == key || p.id.to_string() == key)
        .map(|p| Some(p.id))
        .ok_or_else(|| format!("the map has no persona {key:?}"))
}

fn export_pdf(
    lib: &jejak_store::Library,
    summary: &jejak_core::MapSummary,
    args: &ExportArgs,
) -> Result<(), String> {
    let doc = lib.load_map(summary.id).map_err(|e| e.to_string())?;
    let out =
        jejak_pdf::export(&doc, &args.options(), &mut |_, _| {}).map_err(|e| e.to_string())?;
    jejak_pdf::save(&args.output, &out.bytes).map_err(|e| e.to_string())?;
    println!(
        "{}: {} page{}, {} KB",
        args.output.display(),
        out.pages,
        if out.pages == 1 { "" } else { "s" },
        out.bytes.len().div_ceil(1024)
    );
    if out.replaced_chars > 0 {
        eprintln!(
            "jejak-cli: note: {} character(s) are not in the PDF font and were printed as �",
            out.replaced_chars
        );
    }
    let o = args.options();
    if out.text_pt < o.min_text_pt - 0.01 {
        let instead: Vec<String> = out
            .proposals
            .iter()
            .map(|p| match p.mode {
                jejak_pdf::Mode::Poster => format!(
                    "--mode poster --scale {} ({} sheets, {:.1} pt)",
                    p.poster_scale, p.sheets, p.text_pt
                ),
                _ => format!("--mode by-stage ({} sheets, {:.1} pt)", p.sheets, p.text_pt),
            })
            .collect();
        eprintln!(
            "jejak-cli: note: the smallest text prints at {:.1} pt, below {} pt{}",
            out.text_pt,
            o.min_text_pt,
            if instead.is_empty() {
                String::new()
            } else {
                format!("; legible instead: {}", instead.join(" or "))
            }
        );
    }
    Ok(())
}
