//! What the read-back tests share: exporting to a temporary file and running a PDF tool on it.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use jejak_pdf::{export_at, ExportOptions};

/// 2026-11-22 12:00 UTC.
pub const NOON: i64 = 1_795_348_800;

pub struct Exported {
    pub _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub replaced: usize,
}

pub fn export(doc: &jejak_core::MapDoc, options: &ExportOptions) -> Exported {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.pdf");
    let out = export_at(doc, options, NOON, &mut |_, _| {}).unwrap();
    std::fs::write(&path, &out.bytes).unwrap();
    Exported {
        _dir: dir,
        path,
        replaced: out.replaced_chars,
    }
}

pub fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed for this test (apt install poppler-utils qpdf): {e}")
        });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
