#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Kills a writer process with SIGKILL at random moments (and on purpose during a checkpoint,
//! during the creation of a library and during a schema upgrade) and checks the library after
//! each kill: it opens, holds every acknowledged edit (and at most the one in flight), passes
//! `integrity_check`, and undoes and redoes to both ends.
//!
//! The writer is this test binary run again with `JEJAK_CRASH_WRITER` set. It applies each random
//! edit group first to a private shadow copy, prints the digest the map will have ("next"), then
//! applies it to the real library and prints "ack" once the call returned (= on disk).
//!
//! `make test` runs a bounded number of kills; `JEJAK_SOAK_KILLS=N` (used by `make soak`) runs
//! N of each kind.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jejak_core::metrics::{MatchBy, MetricsImport};
use jejak_core::templates::{Locale, Template};
use jejak_core::{
    new_id, CardAttrs, Horizon, Id, MapDoc, NewCard, NewStage, NumberStyle, Op, PersonaFields,
    Place,
};
use jejak_store::Library;
use sha2::{Digest, Sha256};

// ---- a small deterministic random source -------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }
}

// ---- what a map looks like, independent of time stamps --------------------------------------

fn digest(doc: &MapDoc) -> String {
    let mut d = doc.clone();
    d.map.updated_at = 0;
    let json = serde_json::to_string(&d).unwrap();
    Sha256::digest(json.as_bytes())
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

// ---- the writer (runs in the child process) ---------------------------------------------------

/// One random edit group, or undo/redo, chosen from the shadow's current map.
enum Action {
    Apply(Vec<Op>, Option<String>),
    Undo,
    Redo,
    Import(String),
    Setting(String),
}

fn random_action(rng: &mut Rng, doc: &MapDoc, step: usize) -> Action {
    let stage = rng.pick(&doc.stages).map(|s| s.id);
    let lane = rng.pick(&doc.lanes).map(|l| l.id);
    let card = rng.pick(&doc.cards).cloned();
    let new_card = |rng: &mut Rng, stage: Id, lane: Id| Op::CreateCard {
        card: NewCard {
            id: new_id(),
            stage_id: stage,
            lane_id: lane,
            title: format!("Step {step} card {}", rng.below(1000)),
            body: "isi ".repeat(rng.below(80)),
            attrs: CardAttrs::default(),
        },
        place: Place::End,
    };
    match (rng.below(13), stage, lane, card) {
        (0..=2, Some(s), Some(l), _) => {
            let n = 1 + rng.below(3);
            Action::Apply((0..n).map(|_| new_card(rng, s, l)).collect(), None)
        }
        (3, _, _, Some(c)) => Action::Apply(
            vec![Op::UpdateCard {
                id: c.id,
                title: format!("{} ·{step}", c.title.chars().take(40).collect::<String>()),
                body: c.body.clone(),
            }],
            // Typing in one field: consecutive saves share an undo step.
            Some(format!("{}:title", c.id)),
        ),
        (4, Some(s), Some(l), Some(c)) => Action::Apply(
            vec![Op::MoveCard {
                id: c.id,
                stage_id: s,
                lane_id: l,
                place: Place::End,
            }],
            None,
        ),
        (5, _, _, Some(c)) => Action::Apply(vec![Op::DeleteCard { id: c.id }], None),
        (6, _, _, Some(c)) => Action::Apply(
            vec![Op::SetCardAttrs {
                id: c.id,
                attrs: CardAttrs {
                    owner: Some(format!("Owner {step}")),
                    tags: vec![format!("t{}", rng.below(5))],
                    ..c.attrs.clone()
                },
            }],
            None,
        ),
        (7, _, _, _) => Action::Undo,
        (8, _, _, _) => Action::Redo,
        (9, _, _, Some(c)) => {
            let tag = c.attrs.tags.first().cloned().unwrap_or_else(|| "t0".into());
            Action::Import(format!("tag,clicks\n{tag},\"{}.5\"\n", rng.below(5000)))
        }
        (10, _, _, _) if doc.stages.len() < 8 => Action::Apply(
            vec![Op::CreateStage {
                stage: NewStage {
                    id: new_id(),
                    title: format!("Stage {step}"),
                },
                place: Place::End,
            }],
            None,
        ),
        (10, Some(s), _, _) if doc.stages.len() > 2 => {
            Action::Apply(vec![Op::DeleteStage { id: s }], None)
        }
        (11, _, _, Some(c)) => match doc.personas.first() {
            Some(p) => Action::Apply(
                vec![Op::SetEmotion {
                    card_id: c.id,
                    persona_id: p.id,
                    horizon: Horizon::AsIs,
                    score: Some(rng.below(5) as i8 - 2),
                }],
                None,
            ),
            None => Action::Apply(
                vec![Op::CreatePersona {
                    persona: PersonaFields {
                        id: new_id(),
                        name: "Rina".into(),
                        role: String::new(),
                        goals: String::new(),
                        needs: String::new(),
                        pains: String::new(),
                        color: "#7c3aed".into(),
                        photo: None,
                    },
                    place: Place::End,
                }],
                None,
            ),
        },
        (12, _, _, _) => Action::Setting(format!("{step}")),
        (_, Some(s), Some(l), _) => Action::Apply(vec![new_card(rng, s, l)], None),
        _ => Action::Undo,
    }
}

fn perform(lib: &mut Library, map: Id, action: &Action) -> jejak_store::Result<()> {
    match action {
        Action::Apply(ops, None) => lib.apply(map, ops).map(|_| ()),
        Action::Apply(ops, Some(key)) => lib.apply_merged(map, ops, key).map(|_| ()),
        Action::Undo => lib.undo(map).map(|_| ()),
        Action::Redo => lib.redo(map).map(|_| ()),
        Action::Import(csv) => lib
            .import_metrics(
                map,
                csv,
                &MetricsImport {
                    key_column: "tag".into(),
                    match_by: MatchBy::Tag,
                    columns: vec!["clicks".into()],
                    number_style: NumberStyle::Auto,
                },
            )
            .map(|_| ()),
        Action::Setting(v) => lib.set_setting("crash.step", v),
    }
}

fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn write_edits(path: &Path, seed: u64, checkpoints: bool) {
    let shadow_dir = tempfile::tempdir().unwrap();
    let shadow_path = shadow_dir.path().join("shadow.jejak");
    let mut lib = Library::open(path).unwrap();
    let map = match lib.list_maps("").unwrap().first() {
        Some(m) => m.id,
        None => {
            lib.create_map(Template::CustomerJourney, Locale::Id, Some("Kill me"))
                .unwrap()
                .id
        }
    };
    // The shadow starts as an exact copy, ids included.
    lib.close().unwrap();
    std::fs::copy(path, &shadow_path).unwrap();
    let mut lib = Library::open(path).unwrap();
    let mut shadow = Library::open(&shadow_path).unwrap();
    let mut raw = checkpoints.then(|| rusqlite::Connection::open(path).unwrap());
    say(&format!(
        "map {map} {}",
        digest(&shadow.load_map(map).unwrap())
    ));
    let mut rng = Rng(seed | 1);
    for step in 1.. {
        let doc = shadow.load_map(map).unwrap();
        let action = random_action(&mut rng, &doc, step);
        if perform(&mut shadow, map, &action).is_err() {
            continue; // not a valid edit on this map: neither side gets it
        }
        say(&format!(
            "next {step} {}",
            digest(&shadow.load_map(map).unwrap())
        ));
        perform(&mut lib, map, &action).unwrap();
        say(&format!("ack {step}"));
        if let Some(conn) = raw.as_mut() {
            if step % 7 == 0 {
                say("checkpoint start");
                conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                    .unwrap();
                say("checkpoint done");
            }
        }
    }
}

/// The entry point of the child process; does nothing in a normal test run.
#[test]
#[ignore = "run by the crash harness as a child process"]
fn writer_process() {
    let Some(path) = std::env::var_os("JEJAK_CRASH_WRITER") else {
        return;
    };
    let path = PathBuf::from(path);
    let seed: u64 = std::env::var("JEJAK_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    match std::env::var("JEJAK_CRASH_MODE").as_deref() {
        Ok("create") | Ok("upgrade") => {
            let lib = Library::open(&path).unwrap();
            say("opened");
            drop(lib);
            say("closed");
            // Wait to be killed, like a running app.
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        }
        Ok("checkpoint") => write_edits(&path, seed, true),
        _ => write_edits(&path, seed, false),
    }
}

// ---- the parent: start, kill, check ----------------------------------------------------------

struct Run {
    lines: Vec<String>,
}

impl Run {
    fn map(&self) -> Option<(Id, String)> {
        self.lines.iter().find_map(|l| {
            let mut parts = l.strip_prefix("map ")?.split(' ');
            Some((parts.next()?.parse().ok()?, parts.next()?.to_string()))
        })
    }
    /// The digest after the last acknowledged edit, and the one of the edit in flight if any.
    fn expected(&self) -> (Option<String>, Option<String>) {
        let mut acked = self.map().map(|(_, d)| d);
        let mut in_flight = None;
        for l in &self.lines {
            if let Some(rest) = l.strip_prefix("next ") {
                in_flight = rest.split(' ').nth(1).map(str::to_string);
            } else if l.starts_with("ack ") {
                acked = in_flight.take();
            }
        }
        (acked, in_flight)
    }
}

/// Starts the writer and kills it when `kill_when` says so (given the lines so far and the time
/// since start).
fn run_and_kill(
    path: &Path,
    mode: &str,
    seed: u64,
    kill_when: impl Fn(&[String], Duration) -> bool,
) -> Run {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe)
        .args([
            "--exact",
            "writer_process",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("JEJAK_CRASH_WRITER", path)
        .env("JEJAK_CRASH_SEED", seed.to_string())
        .env("JEJAK_CRASH_MODE", mode)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let stdout = child.stdout.take().unwrap();
    let reader = {
        let lines = Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        })
    };
    let start = Instant::now();
    loop {
        let now = lines.lock().unwrap().clone();
        if kill_when(&now, start.elapsed()) {
            break;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the writer ended by itself ({status}): {:?}", now.last());
        }
        if start.elapsed() > Duration::from_secs(60) {
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    reader.join().unwrap();
    let lines = lines.lock().unwrap().clone();
    Run { lines }
}

/// Opens the library after a kill and checks everything the harness promises. Returns whether
/// the edit in flight at the kill had reached the disk.
fn check_after_kill(path: &Path, run: &Run) -> bool {
    let mut in_flight_landed = false;
    let mut lib = Library::open(path).unwrap_or_else(|e| {
        panic!(
            "refused after a kill: {e}\nlast lines: {:?}",
            run.lines.last()
        )
    });
    if let Some((map, _)) = run.map() {
        let now = digest(&lib.load_map(map).unwrap());
        let (acked, in_flight) = run.expected();
        assert!(
            Some(&now) == acked.as_ref() || Some(&now) == in_flight.as_ref(),
            "an acknowledged edit was lost: have {now}, acked {acked:?}, in flight {in_flight:?}"
        );
        in_flight_landed = Some(&now) != acked.as_ref();
        // Undo to the start and redo to the end: the history is whole.
        let mut undone = 0;
        while lib.history(map).unwrap().can_undo {
            lib.undo(map).unwrap();
            undone += 1;
            assert!(undone < 5_000, "undo never ends");
        }
        while lib.history(map).unwrap().can_redo {
            lib.redo(map).unwrap();
        }
        assert_eq!(
            digest(&lib.load_map(map).unwrap()),
            now,
            "undo/redo changed the map"
        );
    }
    lib.close().unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    let check: String = conn
        .pragma_query_value(None, "integrity_check", |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    in_flight_landed
}

fn kills(default: usize) -> usize {
    std::env::var("JEJAK_SOAK_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seed_base() -> u64 {
    std::env::var("JEJAK_CRASH_SEED_BASE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(7)
        })
}

#[test]
fn kills_at_random_moments_lose_no_acknowledged_edit() {
    let base = seed_base();
    let dir = tempfile::tempdir().unwrap();
    let (mut acked, mut landed) = (0, 0);
    let n = kills(20);
    for i in 0..n {
        let seed = base.wrapping_add(i as u64 * 7919);
        // Several runs on the same file: each starts from what the last kill left.
        let path = dir.path().join(format!("lib-{}.jejak", i % 3));
        let delay = Duration::from_millis(40 + Rng(seed).below(400) as u64);
        // Every other run is killed right after an edit group was announced, i.e. while it is
        // being written, not between two groups.
        let target = 5 + Rng(seed ^ 0xA5).below(60);
        let after = Duration::from_micros(Rng(seed ^ 0x5A).below(2_000) as u64);
        let mid_write = i % 2 == 1;
        let announced = std::cell::Cell::new(None::<Instant>);
        let run = run_and_kill(&path, "edits", seed, |lines, t| {
            if !mid_write {
                return t >= delay;
            }
            if announced.get().is_none()
                && lines.iter().filter(|l| l.starts_with("next ")).count() >= target
            {
                announced.set(Some(Instant::now()));
            }
            announced.get().is_some_and(|at| at.elapsed() >= after)
        });
        acked += run.lines.iter().filter(|l| l.starts_with("ack ")).count();
        if check_after_kill(&path, &run) {
            landed += 1;
        }
        eprintln!("seed {seed}: killed after {} lines", run.lines.len());
    }
    eprintln!(
        "random kills: {n} runs, {acked} acknowledged edit groups, all found after the kills; \
         in {landed} runs the group in flight had reached the disk too"
    );
}

#[test]
fn kills_during_checkpoints_never_lock_the_user_out() {
    let base = seed_base();
    let dir = tempfile::tempdir().unwrap();
    let mut mid_checkpoint = 0;
    let n = kills(10);
    for i in 0..n {
        let seed = base.wrapping_add(i as u64 * 104_729);
        let path = dir.path().join(format!("lib-{i}.jejak"));
        let target = 1 + Rng(seed).below(4);
        let run = run_and_kill(&path, "checkpoint", seed, |lines, _| {
            lines.iter().filter(|l| *l == "checkpoint start").count() >= target
        });
        let starts = run
            .lines
            .iter()
            .filter(|l| *l == "checkpoint start")
            .count();
        let dones = run.lines.iter().filter(|l| *l == "checkpoint done").count();
        if dones < starts {
            mid_checkpoint += 1;
        }
        check_after_kill(&path, &run);
    }
    eprintln!("checkpoint kills: {mid_checkpoint} of {n} landed before the checkpoint finished");
}

#[test]
fn kills_during_creation_leave_no_library_or_a_whole_one() {
    let base = seed_base();
    let dir = tempfile::tempdir().unwrap();
    let (mut none, mut whole) = (0, 0);
    let n = kills(12);
    for i in 0..n {
        let path = dir.path().join(format!("new-{i}/library.jejak"));
        let delay = Duration::from_micros(Rng(base + i as u64).below(15_000) as u64);
        let run = run_and_kill(&path, "create", base, |lines, t| {
            t >= delay || lines.iter().any(|l| l == "opened")
        });
        if path.exists() {
            let len = std::fs::metadata(&path).unwrap().len();
            assert!(len > 0, "a 0-byte library was left behind");
            whole += 1;
        } else {
            none += 1;
        }
        // Either way the next start works and the folder holds only the library.
        drop(Library::open(&path).unwrap_or_else(|e| panic!("{e}: {:?}", run.lines)));
        let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["library.jejak"]);
    }
    eprintln!("creation kills: {n} runs; {none} left no library, {whole} a whole one");
}

/// A library exactly as schema 4 left it (before the history index and snapshots), with a map
/// in it; opening it runs the upgrade that the kills interrupt.
fn old_library(path: &Path) -> (Id, usize) {
    let mut lib = Library::open(path).unwrap();
    let map = lib
        .create_map(Template::CustomerJourney, Locale::En, Some("Old"))
        .unwrap();
    let doc = lib.load_map(map.id).unwrap();
    for i in 0..40 {
        lib.apply(
            map.id,
            &[Op::CreateCard {
                card: NewCard {
                    id: new_id(),
                    stage_id: doc.stages[i % doc.stages.len()].id,
                    lane_id: doc.lanes[0].id,
                    title: format!("Old card {i}"),
                    body: String::new(),
                    attrs: CardAttrs::default(),
                },
                place: Place::End,
            }],
        )
        .unwrap();
    }
    lib.close().unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "DROP TABLE comments;
         DROP TABLE shared_maps;
         DROP TABLE shared_reads;
         DROP TABLE shared_peers;
         DROP TABLE known_stamps;
         DROP TABLE changes;
         DROP TABLE conflicts;
         DROP TABLE snapshots;
         DROP INDEX history_by_state;
         CREATE INDEX history_by_map ON history(map_id, seq);
         PRAGMA user_version = 4;",
    )
    .unwrap();
    (map.id, 40)
}

#[test]
fn kills_during_a_schema_upgrade_keep_the_library() {
    let base = seed_base();
    let dir = tempfile::tempdir().unwrap();
    for i in 0..kills(6) {
        let path = dir.path().join(format!("old-{i}/library.jejak"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let (map, cards) = old_library(&path);
        let delay = Duration::from_micros(Rng(base + i as u64).below(40_000) as u64);
        run_and_kill(&path, "upgrade", base, |lines, t| {
            t >= delay || lines.iter().any(|l| l == "closed")
        });
        let lib = Library::open(&path).unwrap();
        assert_eq!(lib.load_map(map).unwrap().cards.len(), cards);
    }
    eprintln!("upgrade kills: {} runs, every map kept", kills(6));
}
