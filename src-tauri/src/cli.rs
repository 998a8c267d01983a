//! Command-line options of the desktop app.

use std::path::PathBuf;

use jejak_store::{default_library_path, LIBRARY_ENV_VAR};

use crate::state::Chosen;

pub const USAGE: &str = "Usage: jejak [--library PATH] [FILE]

  FILE             a map file (.jejak), a map JSON file or another library file
                   to bring maps in from (the file manager opens .jejak files so)
  --library PATH   open this library file instead of the default
                   (also: the JEJAK_LIBRARY environment variable)
  --help           show this help";

#[derive(Debug, PartialEq, Eq)]
pub enum Cli {
    Run {
        library: Option<PathBuf>,
        /// A file to import maps from once the library is open.
        open: Option<PathBuf>,
    },
    Help,
    Bad(String),
}

pub fn parse(args: impl IntoIterator<Item = String>) -> Cli {
    let mut library = None;
    let mut open = None;
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
        } else if arg.starts_with('-') {
            return Cli::Bad(format!("unknown argument {arg:?}"));
        } else if open.is_some() {
            return Cli::Bad("give one file to open at a time".into());
        } else {
            // A desktop entry may pass a file:// URL (%U) rather than a path.
            let path = arg.strip_prefix("file://").unwrap_or(&arg);
            open = Some(std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path)));
        }
    }
    Cli::Run { library, open }
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
        let run = |library: Option<&str>, open: Option<&str>| Cli::Run {
            library: library.map(PathBuf::from),
            open: open.map(PathBuf::from),
        };
        assert_eq!(parse(args(&[])), run(None, None));
        assert_eq!(
            parse(args(&["--library", "/tmp/x.jejak"])),
            run(Some("/tmp/x.jejak"), None)
        );
        assert_eq!(
            parse(args(&["--library=/tmp/y.jejak"])),
            run(Some("/tmp/y.jejak"), None)
        );
        assert_eq!(
            parse(args(&[
                "/home/rina/peta.jejak",
                "--library",
                "/tmp/x.jejak"
            ])),
            run(Some("/tmp/x.jejak"), Some("/home/rina/peta.jejak"))
        );
        assert_eq!(
            parse(args(&["file:///home/rina/peta.jejak"])),
            run(None, Some("/home/rina/peta.jejak"))
        );
        assert!(matches!(parse(args(&["a.jejak", "b.jejak"])), Cli::Bad(_)));
        assert_eq!(parse(args(&["--help"])), Cli::Help);
        assert!(matches!(parse(args(&["--library"])), Cli::Bad(_)));
        assert!(matches!(parse(args(&["--frobnicate"])), Cli::Bad(_)));
    }
}
