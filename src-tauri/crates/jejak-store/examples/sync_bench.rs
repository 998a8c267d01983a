//! What keeping a 2,000-card map in step through a shared folder costs, in a release build: adding
//! it from the folder, a round with nothing new (the app runs one every 2 s), a teammate's edit
//! taken in, and catching up after both laptops edited offline. Run by `make bench-store`:
//!
//! `cargo run --release -p jejak-store --example sync_bench -- WORK_DIR [DOC.md]`
//!
//! Given `DOC.md`, replaces the section between `<!-- sync-bench:start -->` and
//! `<!-- sync-bench:end -->` in it.

#[path = "support/generated_map.rs"]
mod generated_map;
#[path = "support/measure.rs"]
mod measure;

use std::path::{Path, PathBuf};

use jejak_core::{Id, Op};
use jejak_store::Library;
use measure::{cpu, loadavg, median, time};

type Error = Box<dyn std::error::Error>;

const RUNS: usize = 21;

fn retitle(lib: &Library, map: Id, n: usize, who: &str) -> Result<Op, Error> {
    let doc = lib.load_map(map)?;
    let card = &doc.cards[(n * 7919) % doc.cards.len()];
    Ok(Op::UpdateCard {
        id: card.id,
        title: format!("{who} {n}"),
        body: card.body.clone(),
    })
}

fn library(dir: &Path, name: &str) -> Result<Library, Error> {
    let mut lib = Library::open(&dir.join(format!("{name}.jejak")))?;
    lib.set_setting("user.name", name)?;
    Ok(lib)
}

struct Figures {
    log_kb: u64,
    join: f64,
    idle: f64,
    one_in: f64,
    one_out: f64,
    catch_up: f64,
}

fn measure(dir: &Path) -> Result<Figures, Error> {
    let folder = dir.join("Team");
    std::fs::create_dir_all(&folder)?;
    let mut ana = library(dir, "ana")?;
    let map = generated_map::add_generated_map(&mut ana, 2000)?;
    for n in 0..500 {
        let op = retitle(&ana, map, n, "Ana")?;
        ana.apply(map, &[op])?;
    }
    ana.share_map(map, &folder)?;
    ana.sync_map(map)?;
    let log_kb = std::fs::read_dir(folder.join(format!("jejak-map-{map}")))?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum::<u64>()
        / 1024;

    // Adding the map from the folder: a new laptop's first step (median of 3 fresh libraries).
    let mut joins = Vec::new();
    for i in 0..3 {
        let mut lib = library(dir, &format!("join-{i}"))?;
        let (added, ms) = time(|| lib.add_shared_map(&folder, map));
        added?;
        joins.push(ms);
        let _ = lib.close();
    }
    let mut budi = library(dir, "budi")?;
    budi.add_shared_map(&folder, map)?;
    ana.sync_map(map)?;

    let mut idle = Vec::new();
    let mut one_in = Vec::new();
    let mut one_out = Vec::new();
    for n in 0..RUNS {
        let (round, ms) = time(|| ana.sync_map(map));
        round?;
        idle.push(ms);
        let op = retitle(&budi, map, n, "Budi")?;
        budi.apply(map, &[op])?;
        let (round, ms) = time(|| budi.sync_map(map));
        round?;
        one_out.push(ms);
        let (round, ms) = time(|| ana.sync_map(map));
        round?;
        one_in.push(ms);
    }

    // Both edit 200 cards offline, then Ana takes Budi's in: 400 changes replayed.
    for n in 0..200 {
        let op = retitle(&ana, map, n + 1000, "Ana offline")?;
        ana.apply(map, &[op])?;
        let op = retitle(&budi, map, n + 2000, "Budi offline")?;
        budi.apply(map, &[op])?;
    }
    budi.sync_map(map)?;
    let (round, catch_up) = time(|| ana.sync_map(map));
    assert_eq!(round?.received, 200, "Budi's offline edits");
    Ok(Figures {
        log_kb,
        join: median(joins),
        idle: median(idle),
        one_in: median(one_in),
        one_out: median(one_out),
        catch_up,
    })
}

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/bench/sync".into()));
    let doc = args.next().map(PathBuf::from);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    let load_before = loadavg();
    let f = measure(&dir)?;
    let load_after = loadavg();
    let md = format!(
        "Results, {} (release build; {}; load {load_before} before, {load_after} after; median of \
         {RUNS} rounds, of 3 for adding): a 2,000-card map (8 stages × 10 lanes) with 500 edits of \
         history, shared by two libraries through a folder on the same disk ({} KB of log files).\n\n\
         | step | time |\n|---|---|\n\
         | add the map from the folder (a new laptop) | {:.0} ms |\n\
         | a round with nothing new (the app runs one every 2 s) | {:.1} ms |\n\
         | write one edit to the folder | {:.1} ms |\n\
         | take in a teammate's edit (read, merge, patch) | {:.1} ms |\n\
         | catch up: 200 edits each made offline, 400 replayed | {:.0} ms |\n",
        time::OffsetDateTime::now_utc().date(),
        cpu(),
        f.log_kb,
        f.join,
        f.idle,
        f.one_out,
        f.one_in,
        f.catch_up,
    );
    print!("{md}");
    if let Some(doc) = doc {
        measure::replace_section(&doc, "sync-bench", &md)?;
    }
    Ok(())
}
