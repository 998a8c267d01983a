//! What the benchmark examples share: timing, the machine they ran on, and writing their section
//! of docs/benchmarks.md.

#![allow(dead_code)] // each example uses its own part

use std::path::Path;
use std::time::{Duration, Instant};

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let out = f();
    (out, ms(start.elapsed()))
}

pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The 1-, 5- and 15-minute load averages.
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

pub fn cpu() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

/// Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in `doc` with `md`.
pub fn replace_section(doc: &Path, name: &str, md: &str) -> std::io::Result<()> {
    let text = std::fs::read_to_string(doc)?;
    let (start, end) = (
        format!("<!-- {name}:start -->"),
        format!("<!-- {name}:end -->"),
    );
    match (text.find(&start), text.find(&end)) {
        (Some(a), Some(b)) => {
            std::fs::write(doc, format!("{}{start}\n{md}{}", &text[..a], &text[b..]))
        }
        _ => {
            eprintln!(
                "{} has no {name} markers; figures not written there",
                doc.display()
            );
            Ok(())
        }
    }
}
