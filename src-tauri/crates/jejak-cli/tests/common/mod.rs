//! Running `jejak-cli` as a script does, shared by the command tests.
#![allow(clippy::unwrap_used, dead_code)]

use std::process::{Command, Output};

/// Runs the built `jejak-cli` with `args`, ignoring any `JEJAK_LIBRARY` of the machine.
pub fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jejak-cli"))
        .args(args)
        .env_remove("JEJAK_LIBRARY")
        .output()
        .unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `jejak-cli` with `args`, which must succeed; its output.
pub fn run_ok(args: &[&str]) -> String {
    let out = cli(args);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}
