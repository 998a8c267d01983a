//! `jejak-cli import`: bring maps from a map file (or a whole library file) into the library, or
//! cards from a CSV into one of its maps.

use std::path::{Path, PathBuf};

use clap::Args;
use jejak_store::{ImportAs, Library, MapFile};

#[derive(Args)]
pub struct ImportArgs {
    /// The map file, map JSON file, library file or CSV of cards to import from; it is only read.
    file: PathBuf,
    /// The maps to import, by id or exact title (repeatable); default: every map in the file.
    /// For a CSV: the one map of the library the cards go into.
    #[arg(long)]
    map: Vec<String>,
    /// CSV: create the stages and lanes the file names and the map lacks (else they are refused).
    #[arg(long)]
    create_missing: bool,
    /// When the library already has a map: import it beside the library's version, with new ids.
    #[arg(long, conflicts_with = "replace")]
    copy: bool,
    /// When the library already has a map: put the file's version in its place.
    #[arg(long)]
    replace: bool,
}

/// Reads the file first: a refused file leaves the library unopened and untouched.
pub fn run(
    library: &Path,
    args: &ImportArgs,
    open: impl FnOnce(&Path) -> Result<Library, String>,
) -> Result<(), String> {
    let csv = args
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv {
        return import_csv(library, args, open);
    }
    let file = MapFile::open(&args.file).map_err(|e| format!("cannot import {e}"))?;
    let mut lib = open(library)?;
    import(&mut lib, &file, args)?;
    lib.close().map(|_| ()).map_err(|e| e.to_string())
}

fn import(lib: &mut Library, file: &MapFile, args: &ImportArgs) -> Result<(), String> {
    let chosen = if args.map.is_empty() {
        file.maps().to_vec()
    } else {
        args.map
            .iter()
            .map(|key| crate::find::find_map(file.maps(), key).cloned())
            .collect::<Result<Vec<_>, _>>()?
    };
    if chosen.is_empty() {
        return Err(format!("{} holds no maps", args.file.display()));
    }
    // Decide every map before writing any, so a refusal leaves the library as it was.
    let mut plan = Vec::new();
    for map in &chosen {
        let exists = lib.has_map(map.id).map_err(|e| e.to_string())?;
        let how = match (exists, args.copy, args.replace) {
            (false, _, _) => ImportAs::New,
            (true, true, _) => ImportAs::Copy {
                title: format!("{} (copy)", map.title),
            },
            (true, _, true) => ImportAs::Replace,
            (true, false, false) => {
                return Err(format!(
                    "the library already has the map {:?} ({}); add --copy to keep both or --replace to put the file's version in its place",
                    map.title, map.id
                ))
            }
        };
        plan.push((map, how));
    }
    for (map, how) in plan {
        let done = lib
            .import_map(file, map.id, how.clone())
            .map_err(|e| format!("cannot import {:?}: {e}", map.title))?;
        let verb = match how {
            ImportAs::New => "imported",
            ImportAs::Copy { .. } => "imported as a copy",
            ImportAs::Replace => "replaced",
        };
        println!("{}\t{verb}\t{}", done.id, done.title);
    }
    Ok(())
}

/// Cards from a CSV into one map, with the columns its headers suggest (English or Indonesian).
fn import_csv(
    library: &Path,
    args: &ImportArgs,
    open: impl FnOnce(&Path) -> Result<Library, String>,
) -> Result<(), String> {
    let [key] = args.map.as_slice() else {
        return Err("a CSV of cards needs --map: the map they go into".into());
    };
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| format!("cannot read {}: {e}", args.file.display()))?;
    let preview = jejak_core::cards_csv::preview(&text).map_err(|p| problems(&p))?;
    let spec = jejak_core::cards_csv::CardsImport {
        mapping: preview.suggested,
        create_missing: args.create_missing,
    };
    let mut lib = open(library)?;
    let maps = lib.list_maps("").map_err(|e| e.to_string())?;
    let map = crate::find::find_map(&maps, key)?.clone();
    let (_, done) = lib
        .import_cards_csv(map.id, &text, &spec)
        .map_err(|e| match e {
            jejak_store::StoreError::Rejected(p) => problems(&p),
            e => e.to_string(),
        })?;
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    println!(
        "{}\t{} imported, {} and {} created\t{}",
        map.id,
        count(done.cards as usize, "card", "cards"),
        count(done.new_stages.len(), "stage", "stages"),
        count(done.new_lanes.len(), "lane", "lanes"),
        map.title
    );
    lib.close().map(|_| ()).map_err(|e| e.to_string())
}

fn problems(p: &[jejak_core::Problem]) -> String {
    let lines: Vec<String> = p
        .iter()
        .map(|p| match p {
            jejak_core::Problem::CsvNewAxes { .. } => format!("  {p} (--create-missing)"),
            p => format!("  {p}"),
        })
        .collect();
    format!("nothing was imported:\n{}", lines.join("\n"))
}
