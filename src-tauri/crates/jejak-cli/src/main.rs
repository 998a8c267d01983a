//! `jejak-cli`: the parts of Jejak that scripts need, without a window.
//!
//! ```text
//! jejak-cli list   [--library FILE]
//! jejak-cli export [--library FILE] --map ID|TITLE --output OUT.pdf|OUT.jejak|OUT.json
//!                  [--format pdf|jejak|json]
//!                  [--paper a4] [--orientation landscape] [--mode fit|poster|by-stage] [--scale 100] ...
//! jejak-cli import [--library FILE] FILE.jejak|FILE.json [--map ID|TITLE]... [--copy | --replace]
//! jejak-cli merge  [--library FILE] FILE.jejak [--map ID|TITLE]...
//! jejak-cli sync   [--library FILE] [--map ID|TITLE]... [--folder DIR | --stop] [--name NAME]
//! jejak-cli snapshot list --map ID|TITLE | take --map ID|TITLE --name NAME | restore ID
//! ```

mod export;
mod find;
mod import;
mod merge;
mod snapshot;
mod sync;
mod time;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "jejak-cli",
    version,
    about = "Jejak from the command line: list maps, export PDFs, map files and JSON, import and merge them, share them through a folder, keep snapshots"
)]
struct Cli {
    /// The library file (default: the one the app uses, or $JEJAK_LIBRARY).
    #[arg(long, global = true, value_name = "FILE")]
    library: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the maps in the library (id, stages, cards, title).
    List,
    /// Export one map to PDF, as a map file to open in another Jejak, or as JSON.
    Export(export::ExportArgs),
    /// Import maps from a map file, a map JSON file or another library file.
    Import(import::ImportArgs),
    /// Merge a map file into the library's version of its map: every edit of both kept.
    Merge(merge::MergeArgs),
    /// Share maps through a folder a sync tool replicates: write this laptop's edits there and
    /// merge the others'.
    Sync(sync::SyncArgs),
    /// List, take and restore a map's snapshots.
    #[command(subcommand)]
    Snapshot(snapshot::SnapshotCommand),
}

fn library_path(given: Option<PathBuf>) -> Result<PathBuf, String> {
    given
        .or_else(|| std::env::var_os(jejak_store::LIBRARY_ENV_VAR).map(PathBuf::from))
        .or_else(jejak_store::default_library_path)
        .ok_or_else(|| {
            "no library given and no data folder on this system; use --library FILE".into()
        })
}

/// Opens an existing library; a script that mistypes the path gets an error, not a new library.
fn open(path: &std::path::Path) -> Result<jejak_store::Library, String> {
    if !path.exists() {
        return Err(format!("there is no library at {}", path.display()));
    }
    jejak_store::Library::open_for_reading(path).map_err(|e| format!("cannot open the library {e}"))
}

/// Opens an existing library to change it, as the app does (not while a Jejak window has it).
fn open_for_writing(path: &std::path::Path) -> Result<jejak_store::Library, String> {
    if !path.exists() {
        return Err(format!("there is no library at {}", path.display()));
    }
    jejak_store::Library::open(path).map_err(|e| format!("cannot open the library {e}"))
}

fn list(lib: &jejak_store::Library) -> Result<(), String> {
    use std::io::Write;
    let maps = lib.list_maps("").map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    for m in maps {
        let line = writeln!(
            out,
            "{}\t{} stages\t{} cards\t{}",
            m.id, m.stage_count, m.card_count, m.title
        );
        // `jejak-cli list | head -n1`: the reader has what it wanted.
        if line.is_err() {
            break;
        }
    }
    Ok(())
}

fn run(cli: Cli) -> Result<(), String> {
    let path = library_path(cli.library)?;
    match cli.command {
        Command::List => list(&open(&path)?),
        Command::Export(args) => export::run(&open(&path)?, &args),
        Command::Import(args) => import::run(&path, &args, open_for_writing),
        Command::Merge(args) => merge::run(&path, &args, open_for_writing),
        Command::Sync(args) => sync::run(&path, &args, open_for_writing),
        Command::Snapshot(command) => {
            let mut lib = open_for_writing(&path)?;
            snapshot::run(&mut lib, &command)?;
            lib.close().map(|_| ()).map_err(|e| e.to_string())
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("jejak-cli: {message}");
            ExitCode::FAILURE
        }
    }
}
