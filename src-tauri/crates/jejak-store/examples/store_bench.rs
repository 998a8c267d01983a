//! How the library's costs grow (or do not) with history and library size, and what a durable edit
//! costs next to the disk's own floor. Run by `make bench-store` (release build):
//!
//! `cargo run --release -p jejak-store --example store_bench -- WORK_DIR [DOC.md]`
//!
//! Writes its figures as JSON to `WORK_DIR/store-bench.json` and, given `DOC.md`, replaces the
//! section between `<!-- store-bench:start -->` and `<!-- store-bench:end -->` in it.

#[path = "support/generated_map.rs"]
mod generated_map;
#[path = "support/measure.rs"]
mod measure;

use std::io::Write;
use std::path::{Path, PathBuf};

use jejak_core::{Id, Op};
use jejak_store::{Library, OpenOptions};
use measure::{cpu, loadavg, time};

type Error = Box<dyn std::error::Error>;

/// p50 and p99 of a sample, in ms.
fn percentiles(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

fn rename_op(lib: &Library, map: Id, n: usize) -> Result<Op, Error> {
    let doc = lib.load_map(map)?;
    let card = &doc.cards[n % doc.cards.len()];
    Ok(Op::UpdateCard {
        id: card.id,
        title: format!("Edited {n}"),
        body: card.body.clone(),
    })
}

struct HistoryRow {
    steps: usize,
    edit: (f64, f64),
    undo: (f64, f64),
    redo: (f64, f64),
}

/// Edit, undo and redo times on a 2,000-card map as its history grows to 20,000 edits.
fn history_scaling(dir: &Path) -> Result<Vec<HistoryRow>, Error> {
    let path = dir.join("history.jejak");
    let mut lib = Library::open(&path)?;
    let map = generated_map::add_generated_map(&mut lib, 2000)?;
    // Ops are prepared outside the timed part: the edit is what is measured.
    let ids: Vec<Id> = lib.load_map(map)?.cards.iter().map(|c| c.id).collect();
    let op = |n: usize| Op::UpdateCard {
        id: ids[n % ids.len()],
        title: format!("Edited {n}"),
        body: String::new(),
    };
    let mut rows = Vec::new();
    let mut done = 0usize;
    for target in [1usize, 1_000, 5_000, 20_000] {
        while done + 200 < target {
            lib.apply(map, &[op(done)])?;
            done += 1;
        }
        let mut edits = Vec::new();
        for _ in 0..200 {
            let o = op(done);
            let (r, t) = time(|| lib.apply(map, &[o]));
            r?;
            edits.push(t);
            done += 1;
        }
        let mut undos = Vec::new();
        for _ in 0..100 {
            let (r, t) = time(|| lib.undo(map));
            r?;
            undos.push(t);
        }
        let mut redos = Vec::new();
        for _ in 0..100 {
            let (r, t) = time(|| lib.redo(map));
            r?;
            redos.push(t);
        }
        rows.push(HistoryRow {
            steps: done,
            edit: percentiles(edits),
            undo: percentiles(undos),
            redo: percentiles(redos),
        });
        eprintln!(
            "history {done}: edit p50 {:.2} ms",
            rows.last().map_or(0.0, |r| r.edit.0)
        );
    }
    Ok(rows)
}

/// Typing into one field: 600 saves folded into one undo step.
fn typing(dir: &Path) -> Result<(f64, f64), Error> {
    let path = dir.join("typing.jejak");
    let mut lib = Library::open(&path)?;
    let map = generated_map::add_generated_map(&mut lib, 2000)?;
    let mut times = Vec::new();
    for n in 0..600 {
        let o = rename_op(&lib, map, 0).map(|op| match op {
            Op::UpdateCard { id, body, .. } => Op::UpdateCard {
                id,
                title: "x".repeat(1 + n % 480),
                body,
            },
            other => other,
        })?;
        let (r, t) = time(|| lib.apply_merged(map, &[o], "card-title-visit"));
        r?;
        times.push(t);
    }
    Ok((
        percentiles(times[..50].to_vec()).0,
        percentiles(times[550..].to_vec()).0,
    ))
}

struct OpenRow {
    maps: usize,
    megabytes: f64,
    clean: f64,
    full: f64,
}

/// Opening libraries of 1 to 200 maps (400 cards each; 200 of them make a library of about 90 MB): after a clean close (the start users
/// see) and with the full check (after a crash or a change outside Jejak).
fn open_scaling(dir: &Path) -> Result<Vec<OpenRow>, Error> {
    let path = dir.join("maps.jejak");
    let state = dir.join("state");
    let options = || OpenOptions {
        state_dir: Some(state.clone()),
        ..OpenOptions::default()
    };
    let mut rows = Vec::new();
    let mut maps = 0;
    for target in [1usize, 20, 200] {
        {
            let mut lib = Library::open_with(&path, options())?;
            while maps < target {
                generated_map::add_generated_map(&mut lib, 400)?;
                maps += 1;
            }
            lib.close()?;
        }
        let mut clean = Vec::new();
        for _ in 0..7 {
            let (lib, t) = time(|| Library::open_with(&path, options()));
            let lib = lib?;
            clean.push(t);
            // Closed cleanly again, so the next open is a clean start too.
            lib.close()?;
        }
        let mut full = Vec::new();
        for _ in 0..3 {
            let (lib, t) = time(|| Library::open(&path));
            full.push(t);
            drop(lib?);
        }
        let megabytes = std::fs::metadata(&path)?.len() as f64 / 1_048_576.0;
        rows.push(OpenRow {
            maps,
            megabytes,
            clean: percentiles(clean).0,
            full: percentiles(full).0,
        });
        eprintln!(
            "{maps} maps: clean open {:.1} ms",
            rows.last().map_or(0.0, |r| r.clean)
        );
    }
    Ok(rows)
}

/// A durable edit next to the disk's floor for a durable write (append 4 KiB, `fdatasync`),
/// measured in turns so both see the same disk at the same moments. Returns both p50s.
fn durable_vs_bare(dir: &Path) -> Result<(f64, f64), Error> {
    let mut lib = Library::open(&dir.join("durable.jejak"))?;
    let map = generated_map::add_generated_map(&mut lib, 2000)?;
    let ids: Vec<Id> = lib.load_map(map)?.cards.iter().map(|c| c.id).collect();
    let mut file = std::fs::File::options()
        .create(true)
        .append(true)
        .open(dir.join("append.bin"))?;
    let block = vec![7u8; 4096];
    let (mut edits, mut bare) = (Vec::new(), Vec::new());
    for n in 0..500 {
        let op = Op::UpdateCard {
            id: ids[n % ids.len()],
            title: format!("Durable {n}"),
            body: String::new(),
        };
        let (r, t) = time(|| lib.apply(map, &[op]));
        r?;
        edits.push(t);
        let (r, t) = time(|| file.write_all(&block).and_then(|_| file.sync_data()));
        r?;
        bare.push(t);
    }
    Ok((percentiles(edits).0, percentiles(bare).0))
}

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/bench/store".into()));
    let doc = args.next().map(PathBuf::from);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    let load_before = loadavg();
    let (durable, bare) = durable_vs_bare(&dir)?;
    let history = history_scaling(&dir)?;
    let (typing_first, typing_last) = typing(&dir)?;
    let opens = open_scaling(&dir)?;
    let load_after = loadavg();
    let date = time::OffsetDateTime::now_utc().date();

    let mut md = String::new();
    md.push_str(&format!(
        "Results, {date} (release build; {}; 1-minute load {load_before} before, {load_after} after; \
         `docs/bench-store.json`):\n\n",
        cpu()
    ));
    md.push_str("| history of the map | edit p50 / p99 | undo p50 / p99 | redo p50 / p99 |\n|---|---|---|---|\n");
    for r in &history {
        md.push_str(&format!(
            "| {} steps | {:.2} / {:.2} ms | {:.2} / {:.2} ms | {:.2} / {:.2} ms |\n",
            r.steps, r.edit.0, r.edit.1, r.undo.0, r.undo.1, r.redo.0, r.redo.1
        ));
    }
    md.push_str(&format!(
        "\nTyping into one field (600 saves merged into one undo step): save p50 {typing_first:.2} ms \
         for the first 50, {typing_last:.2} ms for the last 50.\n\n"
    ));
    md.push_str("| library | file | open after a clean close | open with the full check |\n|---|---|---|---|\n");
    for r in &opens {
        md.push_str(&format!(
            "| {} maps × 400 cards | {:.0} MB | {:.1} ms | {:.0} ms |\n",
            r.maps, r.megabytes, r.clean, r.full
        ));
    }
    md.push_str(&format!(
        "\nDurable edit on a 2,000-card map (one card renamed, committed with `synchronous=FULL`), \
         p50 {durable:.2} ms, against a bare 4 KiB append + `fdatasync` on the same disk, p50 \
         {bare:.2} ms, measured in turns (500 each): **{:.1}×**.\n",
        durable / bare.max(1e-9)
    ));
    print!("{md}");

    let json = format!(
        "{{\"date\":\"{date}\",\"load_before\":\"{load_before}\",\"load_after\":\"{load_after}\",\
         \"durable_edit_p50_ms\":{durable:.3},\"bare_fdatasync_p50_ms\":{bare:.3},\"typing_p50_ms\":[{typing_first:.3},{typing_last:.3}],\
         \"history\":[{}],\"open\":[{}]}}\n",
        history
            .iter()
            .map(|r| format!(
                "{{\"steps\":{},\"edit\":[{:.3},{:.3}],\"undo\":[{:.3},{:.3}],\"redo\":[{:.3},{:.3}]}}",
                r.steps, r.edit.0, r.edit.1, r.undo.0, r.undo.1, r.redo.0, r.redo.1
            ))
            .collect::<Vec<_>>()
            .join(","),
        opens
            .iter()
            .map(|r| format!(
                "{{\"maps\":{},\"mb\":{:.1},\"clean_ms\":{:.2},\"full_ms\":{:.1}}}",
                r.maps, r.megabytes, r.clean, r.full
            ))
            .collect::<Vec<_>>()
            .join(",")
    );
    std::fs::write(dir.join("store-bench.json"), &json)?;
    if let Some(doc) = doc {
        measure::replace_section(&doc, "store-bench", &md)?;
        std::fs::write(doc.with_file_name("bench-store.json"), json)?;
    }
    Ok(())
}
