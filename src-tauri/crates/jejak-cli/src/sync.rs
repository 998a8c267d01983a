//! `jejak-cli sync`: share maps through a folder a sync tool replicates, as the app's *Sharing*
//! does — this laptop's edits go to its own file there, the others' are merged in.

use std::path::{Path, PathBuf};

use clap::Args;
use jejak_core::sharing::{SyncIssue, SyncReport};
use jejak_store::Library;

#[derive(Args)]
pub struct SyncArgs {
    /// The maps to sync, by id or exact title (repeatable); default: every shared map.
    #[arg(long)]
    map: Vec<String>,
    /// Share the --map maps through this folder; without --map, add every map shared in it.
    #[arg(long, value_name = "DIR")]
    folder: Option<PathBuf>,
    /// Stop sharing the --map maps (their files stay in the folder).
    #[arg(long, conflicts_with = "folder")]
    stop: bool,
    /// The name the other laptops see on your edits (kept, as the app's "your name").
    #[arg(long)]
    name: Option<String>,
}

pub fn run(
    library: &Path,
    args: &SyncArgs,
    open: impl FnOnce(&Path) -> Result<Library, String>,
) -> Result<(), String> {
    let mut lib = open(library)?;
    let outcome = sync(&mut lib, args);
    let closed = lib.close().map(|_| ()).map_err(|e| e.to_string());
    outcome.and(closed)
}

fn sync(lib: &mut Library, args: &SyncArgs) -> Result<(), String> {
    if let Some(name) = &args.name {
        let name = jejak_core::comment::author_name(name).map_err(|e| e.to_string())?;
        lib.set_setting("user.name", &name)
            .map_err(|e| e.to_string())?;
    }
    let all = lib.list_maps("").map_err(|e| e.to_string())?;
    let chosen = args
        .map
        .iter()
        .map(|key| crate::find::find_map(&all, key).map(|m| (m.id, m.title.clone())))
        .collect::<Result<Vec<_>, _>>()?;
    if args.stop {
        if chosen.is_empty() {
            return Err("say which map to stop sharing with --map".into());
        }
        for (id, title) in &chosen {
            lib.stop_sharing(*id).map_err(|e| e.to_string())?;
            println!("stopped\t{title}");
        }
        return Ok(());
    }
    if let Some(folder) = &args.folder {
        if chosen.is_empty() {
            let added = lib
                .add_shared_maps(folder)
                .map_err(|e| format!("cannot add the maps of {}: {e}", folder.display()))?;
            for map in &added {
                println!("added\t{}\t{} cards", map.title, map.card_count);
            }
            if added.is_empty() {
                println!("nothing new in {}", folder.display());
            }
        } else {
            for (id, title) in &chosen {
                lib.share_map(*id, folder)
                    .map_err(|e| format!("cannot share {title}: {e}"))?;
                println!("sharing\t{title}\t{}", folder.display());
            }
        }
    }
    // Maps just added from the folder are named too.
    let all = lib.list_maps("").map_err(|e| e.to_string())?;
    let shared = lib.shared_maps().map_err(|e| e.to_string())?;
    let targets: Vec<_> = if chosen.is_empty() {
        shared.iter().map(|(id, _)| *id).collect()
    } else {
        chosen.iter().map(|(id, _)| *id).collect()
    };
    let mut unreachable = Vec::new();
    for id in targets {
        let title = all
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| id.to_string(), |m| m.title.clone());
        if !shared.iter().any(|(s, _)| *s == id) {
            return Err(format!(
                "{title} is not shared: give a folder with --folder DIR"
            ));
        }
        let report = lib
            .sync_map(id)
            .map_err(|e| format!("cannot sync {title}: {e}"))?;
        print_report(&title, &report);
        if report
            .issues
            .iter()
            .any(|i| matches!(i, SyncIssue::FolderUnreachable { .. }))
        {
            unreachable.push(title);
        }
    }
    if unreachable.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the shared folder of {} could not be reached; the edits wait in the library",
            unreachable.join(", ")
        ))
    }
}

fn print_report(title: &str, r: &SyncReport) {
    println!(
        "synced\t{title}\t{} received\t{} written\t{} conflicts",
        r.received,
        r.written,
        r.conflicts.len()
    );
    for c in &r.conflicts {
        println!("{}", crate::merge::conflict_line(c));
    }
    for issue in &r.issues {
        println!("issue\t{}", issue_line(issue));
    }
}

fn issue_line(issue: &SyncIssue) -> String {
    match issue {
        SyncIssue::FolderUnreachable { detail } => format!("folder not reachable: {detail}"),
        SyncIssue::FileNewer { file, version } => {
            format!("{file} was written by a newer Jejak (format {version}); left alone")
        }
        SyncIssue::FileForeign { file } => format!("{file} is not a Jejak file of this map"),
        SyncIssue::LinesUnreadable { file, lines } => {
            format!("{lines} lines of {file} could not be read")
        }
        SyncIssue::EditsRefused { file, edits } => {
            format!("{edits} edits of {file} do not apply and were left out")
        }
        SyncIssue::ClockAhead { file, edits } => format!(
            "{edits} edits of {file} are dated more than a day ahead (that laptop's clock is wrong); left out"
        ),
    }
}
