//! The Jejak library: one SQLite file holding every map, its edit history and the settings.
//!
//! Open it with [`Library::open`]; a file that is not a Jejak library, is damaged, or was written
//! by a newer Jejak is refused with an [`OpenError`] and never written to.

mod apply;
mod error;
mod history;
mod library;
mod maps;
mod migrations;
mod open;
mod personas;
mod rows;
mod settings;

pub use error::{OpenError, OpenErrorKind, StoreError};
pub use library::Library;
pub use migrations::{MIGRATIONS, SCHEMA_VERSION};
pub use open::{default_library_path, APPLICATION_ID, LIBRARY_ENV_VAR};

pub type Result<T> = std::result::Result<T, StoreError>;
