//! How long a 2,000-card map takes to leave as a map file or JSON and to come into another
//! library, in a release build. Run by `make bench-store`:
//!
//! `cargo run --release -p jejak-store --example mapfile_bench -- WORK_DIR [DOC.md]`
//!
//! Given `DOC.md`, replaces the section between `<!-- mapfile-bench:start -->` and
//! `<!-- mapfile-bench:end -->` in it.

#[path = "support/generated_map.rs"]
mod generated_map;
#[path = "support/measure.rs"]
mod measure;

use std::path::{Path, PathBuf};

use jejak_core::{Id, Op};
use jejak_store::{ImportAs, Library, MapFile};
use measure::{cpu, loadavg, median, time};

type Error = Box<dyn std::error::Error>;

const RUNS: usize = 7;

/// The map with a history of 500 edits, as a facilitator's map after a workshop.
fn worked_map(lib: &mut Library) -> Result<Id, Error> {
    let map = generated_map::add_generated_map(lib, 2000)?;
    let ids: Vec<Id> = lib.load_map(map)?.cards.iter().map(|c| c.id).collect();
    for (n, id) in ids.iter().cycle().take(500).enumerate() {
        let op = Op::UpdateCard {
            id: *id,
            title: format!("Edited {n}"),
            body: String::new(),
        };
        lib.apply(map, &[op])?;
    }
    Ok(map)
}

struct Row {
    format: &'static str,
    export: f64,
    import: f64,
    kb: u64,
}

/// Median export and import (open, check and bring into an empty library) times.
fn measure(dir: &Path, lib: &Library, map: Id, format: &'static str) -> Result<Row, Error> {
    let file = dir.join(format!("map.{format}"));
    let (mut exports, mut imports) = (Vec::new(), Vec::new());
    for run in 0..RUNS {
        let (done, t) = time(|| match format {
            "json" => lib.export_map_json(map, &file),
            _ => lib.export_map_file(map, &file),
        });
        done?;
        exports.push(t);
        let mut target = Library::open(&dir.join(format!("target-{format}-{run}.jejak")))?;
        let (done, t) = time(|| -> Result<(), Error> {
            let opened = MapFile::open(&file)?;
            target.import_map(&opened, map, ImportAs::New)?;
            Ok(())
        });
        done?;
        imports.push(t);
        target.close()?;
    }
    Ok(Row {
        format,
        export: median(exports),
        import: median(imports),
        kb: std::fs::metadata(&file)?.len().div_ceil(1024),
    })
}

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/bench/mapfile".into()));
    let doc = args.next().map(PathBuf::from);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    let mut lib = Library::open(&dir.join("library.jejak"))?;
    let map = worked_map(&mut lib)?;
    let load_before = loadavg();
    let rows = [
        measure(&dir, &lib, map, "jejak")?,
        measure(&dir, &lib, map, "json")?,
    ];
    let load_after = loadavg();
    let mut md = format!(
        "Results, {} (release build; {}; load {load_before} before, {load_after} after; median of \
         {RUNS}): a 2,000-card map (8 stages × 10 lanes) with 500 edits of history.\n\n\
         | format | file | export | import into another library |\n|---|---|---|---|\n",
        time::OffsetDateTime::now_utc().date(),
        cpu()
    );
    for r in &rows {
        md.push_str(&format!(
            "| {} | {} KB | {:.0} ms | {:.0} ms |\n",
            if r.format == "json" {
                "JSON"
            } else {
                "map file (.jejak, with history)"
            },
            r.kb,
            r.export,
            r.import
        ));
    }
    print!("{md}");
    if let Some(doc) = doc {
        measure::replace_section(&doc, "mapfile-bench", &md)?;
    }
    Ok(())
}
