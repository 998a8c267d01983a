//! IPC commands, one file per area. Each translates a call into the store and back; no logic here.

pub mod cards_csv;
pub mod conflicts;
pub mod export;
pub mod library;
pub mod library_file;
pub mod map_file;
pub mod maps;
pub mod settings;
pub mod sharing;
pub mod snapshots;
pub mod window;
