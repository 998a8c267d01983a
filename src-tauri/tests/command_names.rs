//! The backend's command names are written in four places: the handler list (src/lib.rs), the
//! permission manifest (build.rs), the capability that grants them (capabilities/default.json)
//! and the UI's calls (ui/src/lib/ipc/tauri.ts). A name missing from one of them only fails at
//! run time, in front of a user; this test keeps the four in step.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"))
        + start.len();
    let len = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{end:?} not found after {start:?}"));
    &text[from..from + len]
}

/// Every string literal in `text` quoted with `quote`.
fn literals(text: &str, quote: char) -> impl Iterator<Item = &str> {
    text.split(quote).skip(1).step_by(2)
}

fn handlers() -> BTreeSet<String> {
    let lib = read("src/lib.rs");
    between(&lib, "generate_handler![", "]")
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

fn manifest() -> BTreeSet<String> {
    let build = read("build.rs");
    literals(between(&build, "COMMANDS: &[&str] = &[", "];"), '"')
        .map(str::to_owned)
        .collect()
}

fn granted() -> BTreeSet<String> {
    let caps = read("capabilities/default.json");
    literals(&caps, '"')
        .filter_map(|s| s.strip_prefix("allow-"))
        .map(|s| s.replace('-', "_"))
        .collect()
}

fn called_by_ui() -> BTreeSet<String> {
    let ui = read("../ui/src/lib/ipc/tauri.ts");
    ui.split("call('")
        .skip(1)
        .filter_map(|rest| rest.split('\'').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_is_handled_permitted_granted_and_called() {
    let handlers = handlers();
    assert!(handlers.len() > 20, "handler list not read: {handlers:?}");
    assert_eq!(
        manifest(),
        handlers,
        "build.rs COMMANDS vs src/lib.rs handlers"
    );
    assert_eq!(
        granted(),
        handlers,
        "capabilities/default.json vs src/lib.rs handlers"
    );
    assert_eq!(
        called_by_ui(),
        handlers,
        "ui/src/lib/ipc/tauri.ts calls vs src/lib.rs handlers"
    );
}
