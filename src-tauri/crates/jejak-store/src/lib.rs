//! The Jejak library: one SQLite file holding every map, its edit history and the settings.
//!
//! Open it with [`Library::open`]; a file that is not a Jejak library, is damaged, or was written
//! by a newer Jejak is refused with an [`OpenError`] and never written to. Closing it leaves one
//! whole file; [`backups`] keeps rolling copies beside it.

mod apply;
pub mod backups;
mod cached;
mod cards_import;
mod changes;
mod comments;
mod error;
mod history;
mod library;
mod lock;
mod mapfile;
mod maps;
mod merge;
mod migrations;
mod open;
mod paths;
mod personas;
mod rows;
mod settings;
mod sharing;
mod snapshots;

pub use error::{sqlite_problem, OpenError, OpenErrorKind, StoreError};
pub use library::{BackupJob, Closed, Library};
pub use lock::handover_socket_path;
pub use mapfile::{ImportAs, MapFile};
pub use migrations::{MIGRATIONS, SCHEMA_VERSION};
pub use open::{
    default_library_path, default_state_dir, OpenOptions, APPLICATION_ID, LIBRARY_ENV_VAR,
};
pub use sharing::{Exchange, SyncJob};
pub use snapshots::KEEP_AUTOMATIC;

pub type Result<T> = std::result::Result<T, StoreError>;
