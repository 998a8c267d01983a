//! `jejak-cli import`: bring maps from a map file (or a whole library file) into the library.

use std::path::{Path, PathBuf};

use clap::Args;
use jejak_store::{ImportAs, Library, MapFile};

#[derive(Args)]
pub struct ImportArgs {
    /// The map file, map JSON file or library file to import from; it is only read.
    file: PathBuf,
    /// The maps to import, by id or exact title (repeatable); default: every map in the file.
    #[arg(long)]
    map: Vec<String>,
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
