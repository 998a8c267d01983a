//! The app's own small settings outside any library: which library file was used last, so a
//! library chosen or restored from the problem screen is the one opened next time.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Points the app at another config folder (tests use a temporary one).
pub const CONFIG_ENV_VAR: &str = "JEJAK_CONFIG_DIR";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Config {
    library: Option<PathBuf>,
}

fn config_file() -> Option<PathBuf> {
    std::env::var_os(CONFIG_ENV_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::config_dir().map(|d| d.join("jejak")))
        .map(|d| d.join("config.json"))
}

fn read() -> Config {
    config_file()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// The library used last, if one was chosen in the app.
pub fn last_library() -> Option<PathBuf> {
    read().library
}

/// Remembers the library for the next start. Best effort: the app works without it.
pub fn remember_library(path: &Path) {
    let Some(file) = config_file() else {
        return;
    };
    let config = Config {
        library: Some(path.to_path_buf()),
    };
    let (Ok(text), Some(dir)) = (serde_json::to_string_pretty(&config), file.parent()) else {
        return;
    };
    let tmp = file.with_extension("json.new");
    let written = std::fs::create_dir_all(dir)
        .and_then(|_| std::fs::write(&tmp, text))
        .and_then(|_| std::fs::rename(&tmp, &file));
    if let Err(e) = written {
        eprintln!("jejak: could not remember the library choice: {e}");
    }
}
