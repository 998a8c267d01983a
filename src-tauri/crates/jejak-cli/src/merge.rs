//! `jejak-cli merge FILE`: merge the maps of a map file into the library's versions of them, as
//! the app's *Merge* does: every edit of both kept, the conflicts listed.

use std::path::{Path, PathBuf};

use clap::Args;
use jejak_core::sync::{Conflict, Side};
use jejak_store::{Library, MapFile};

#[derive(Args)]
pub struct MergeArgs {
    /// The map file (or library file) to merge from; it is only read.
    file: PathBuf,
    /// The maps to merge, by id or exact title (repeatable); default: every map of the file the
    /// library has.
    #[arg(long)]
    map: Vec<String>,
}

/// Reads the file first: a refused file leaves the library unopened and untouched.
pub fn run(
    library: &Path,
    args: &MergeArgs,
    open: impl FnOnce(&Path) -> Result<Library, String>,
) -> Result<(), String> {
    let file = MapFile::open(&args.file).map_err(|e| format!("cannot merge {e}"))?;
    if !file.can_merge() {
        return Err(format!(
            "{} has no edit history to merge (map JSON); import it with --copy or --replace",
            args.file.display()
        ));
    }
    let mut lib = open(library)?;
    let chosen = if args.map.is_empty() {
        let mut here = Vec::new();
        for m in file.maps() {
            if lib.has_map(m.id).map_err(|e| e.to_string())? {
                here.push(m.clone());
            }
        }
        here
    } else {
        args.map
            .iter()
            .map(|key| crate::find::find_map(file.maps(), key).cloned())
            .collect::<Result<Vec<_>, _>>()?
    };
    if chosen.is_empty() {
        return Err(format!(
            "the library has none of the maps in {}: use `jejak-cli import`",
            args.file.display()
        ));
    }
    for map in &chosen {
        let report = lib
            .merge_map(&file, map.id)
            .map_err(|e| format!("cannot merge {}: {e}", map.title))?;
        println!(
            "merged\t{}\t{} received\t{} kept\t{} conflicts",
            map.title,
            report.received,
            report.kept_ours,
            report.conflicts.len()
        );
        for c in &report.conflicts {
            println!("{}", conflict_line(c));
        }
    }
    lib.close().map(|_| ()).map_err(|e| e.to_string())
}

/// One tab-separated line per conflict: kind, what, field, kept side, ours, theirs.
pub fn conflict_line(c: &Conflict) -> String {
    let kept = match c.kept {
        Side::Ours => "kept ours",
        Side::Theirs => "kept theirs",
    };
    let kind = serde_json::to_value(c.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    format!(
        "conflict\t{kind}\t{}\t{}\t{kept}\tours: {} ({})\ttheirs: {} ({})",
        c.label, c.field, c.ours.value, c.ours.author, c.theirs.value, c.theirs.author
    )
}
