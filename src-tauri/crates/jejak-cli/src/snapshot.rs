//! `jejak-cli snapshot list|take|restore`: a map's snapshots, as the History panel shows them.

use clap::Subcommand;
use jejak_core::snapshot::SnapshotInfo;
use jejak_store::Library;

#[derive(Subcommand)]
pub enum SnapshotCommand {
    /// The map's snapshots, newest first (id, when, reason, stages, lanes, cards, name).
    List {
        /// The map's id or exact title.
        #[arg(long)]
        map: String,
    },
    /// Keep the map as it is now under a name.
    Take {
        #[arg(long)]
        map: String,
        /// The snapshot's name, e.g. "Before workshop 2".
        #[arg(long)]
        name: String,
    },
    /// Put the map back as a snapshot keeps it (the current state is kept in a snapshot first;
    /// the restore is one undo step in the app).
    Restore {
        /// The snapshot's id (from `snapshot list`).
        id: String,
    },
}

fn map_id(lib: &Library, key: &str) -> Result<jejak_core::Id, String> {
    let maps = lib.list_maps("").map_err(|e| e.to_string())?;
    Ok(crate::find::find_map(&maps, key)?.id)
}

fn line(s: &SnapshotInfo) -> String {
    format!(
        "{}\t{}\t{:?}\t{} stages\t{} lanes\t{} cards\t{}",
        s.id,
        crate::time::local(s.taken_at),
        s.reason,
        s.stage_count,
        s.lane_count,
        s.card_count,
        s.label
    )
}

pub fn run(lib: &mut Library, command: &SnapshotCommand) -> Result<(), String> {
    match command {
        SnapshotCommand::List { map } => {
            let id = map_id(lib, map)?;
            for s in lib.snapshots(id).map_err(|e| e.to_string())? {
                println!("{}", line(&s));
            }
        }
        SnapshotCommand::Take { map, name } => {
            let id = map_id(lib, map)?;
            let taken = lib.take_snapshot(id, name).map_err(|e| e.to_string())?;
            println!("{}", line(&taken));
        }
        SnapshotCommand::Restore { id } => {
            let id = jejak_core::Id::parse_str(id)
                .map_err(|_| format!("{id:?} is not a snapshot id (see `snapshot list`)"))?;
            let snapshot = lib.snapshot(id).map_err(|e| e.to_string())?;
            lib.restore_snapshot(id).map_err(|e| e.to_string())?;
            println!("restored\t{}", line(&snapshot));
        }
    }
    Ok(())
}
