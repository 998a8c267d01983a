//! Command-line options of the desktop app.

use std::path::PathBuf;

use jejak_store::{default_library_path, LIBRARY_ENV_VAR};

use crate::state::Chosen;

pub const USAGE: &str = "Usage: jejak [--library PATH]

  --library PATH   open this library file instead of the default
                   (also: the JEJAK_LIBRARY environment variable)
  --help           show this help";

#[derive(Debug, PartialEq, Eq)]
pub enum Cli {
    Run { library: Option<PathBuf> },
    Help,
    Bad(String),
}

pub fn parse(args: impl IntoIterator<Item = String>) -> Cli {
    let mut library = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--help" || arg == "-h" {
            return Cli::Help;
        } else if arg == "--library" {
            match args.next() {
                Some(p) => library = Some(PathBuf::from(p)),
                None => return Cli::Bad("--library needs a path".into()),
            }
        } else if let Some(p) = arg.strip_prefix("--library=") {
            library = Some(PathBuf::from(p));
        } else {
            return Cli::Bad(format!("unknown argument {arg:?}"));
        }
    }
    Cli::Run { library }
}

/// The flag wins over the environment variable, then comes the library last chosen in the app,
/// then the one in the OS data folder.
pub fn library_path(flag: Option<PathBuf>) -> Option<(PathBuf, Chosen)> {
    let given = flag.or_else(|| {
        std::env::var_os(LIBRARY_ENV_VAR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    let (path, chosen) = match given {
        Some(p) => (p, Chosen::Given),
        None => match crate::config::last_library() {
            Some(p) => (p, Chosen::Remembered),
            None => (default_library_path()?, Chosen::Given),
        },
    };
    // Absolute, so the path shown to the user is unambiguous.
    Some((std::path::absolute(&path).unwrap_or(path), chosen))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_the_library_flag() {
        assert_eq!(parse(args(&[])), Cli::Run { library: None });
        assert_eq!(
            parse(args(&["--library", "/tmp/x.jejak"])),
            Cli::Run {
                library: Some("/tmp/x.jejak".into())
            }
        );
        assert_eq!(
            parse(args(&["--library=/tmp/y.jejak"])),
            Cli::Run {
                library: Some("/tmp/y.jejak".into())
            }
        );
        assert_eq!(parse(args(&["--help"])), Cli::Help);
        assert!(matches!(parse(args(&["--library"])), Cli::Bad(_)));
        assert!(matches!(parse(args(&["--frobnicate"])), Cli::Bad(_)));
    }
}
