#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Thousands of damaged copies of a healthy library (bit flips, zeroed runs, truncations, header
//! edits, swapped pages) through the opener: it never panics; what it refuses is left
//! byte-for-byte with no side files; what it accepts passes `integrity_check` and shows every map.
//!
//! `JEJAK_SOAK_MUTANTS=N` (used by `make soak`) runs N mutants instead of the bounded default.

use std::path::Path;

use jejak_core::templates::{Locale, Template};
use jejak_core::{new_id, CardAttrs, NewCard, Op, PersonaFields, Place};
use jejak_store::Library;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A small but varied library: maps, cards with attributes, a persona with scores, history,
/// a trashed map.
fn healthy(path: &Path) -> Vec<u8> {
    let mut lib = Library::open(path).unwrap();
    for m in 0..3 {
        let map = lib
            .create_map(
                Template::ServiceBlueprint,
                Locale::Id,
                Some(&format!("Peta {m}")),
            )
            .unwrap();
        let doc = lib.load_map(map.id).unwrap();
        let persona = new_id();
        lib.apply(
            map.id,
            &[Op::CreatePersona {
                persona: PersonaFields {
                    id: persona,
                    name: "Rina".into(),
                    role: "Nasabah".into(),
                    goals: "Cepat".into(),
                    needs: String::new(),
                    pains: "Antre".into(),
                    color: "#db2777".into(),
                    photo: None,
                },
                place: Place::End,
            }],
        )
        .unwrap();
        for i in 0..40 {
            let id = new_id();
            lib.apply(
                map.id,
                &[
                    Op::CreateCard {
                        card: NewCard {
                            id,
                            stage_id: doc.stages[i % doc.stages.len()].id,
                            lane_id: doc.lanes[i % doc.lanes.len()].id,
                            title: format!("Titik sentuh {i} — pelanggan membuka aplikasi"),
                            body: "Isi kartu ".repeat(i % 9),
                            attrs: CardAttrs {
                                owner: Some("Tim CX".into()),
                                tags: vec!["promo".into()],
                                ..CardAttrs::default()
                            },
                        },
                        place: Place::End,
                    },
                    Op::SetEmotion {
                        card_id: id,
                        persona_id: persona,
                        horizon: jejak_core::Horizon::AsIs,
                        score: Some((i % 5) as i8 - 2),
                    },
                ],
            )
            .unwrap();
        }
        if m == 2 {
            lib.trash_map(map.id).unwrap();
        }
    }
    lib.close().unwrap();
    std::fs::read(path).unwrap()
}

fn mutate(rng: &mut Rng, healthy: &[u8]) -> (String, Vec<u8>) {
    let mut b = healthy.to_vec();
    let len = b.len();
    let page = 4096;
    match rng.below(6) {
        0 => {
            let flips = 1 + rng.below(8);
            for _ in 0..flips {
                let at = rng.below(len);
                b[at] ^= 1 << rng.below(8);
            }
            ("bit flips".into(), b)
        }
        1 => {
            let at = rng.below(len);
            let n = (1 + rng.below(4096)).min(len - at);
            b[at..at + n].fill(0);
            ("zeroed run".into(), b)
        }
        2 => {
            let keep = if rng.below(2) == 0 {
                rng.below(len)
            } else {
                rng.below(len / page) * page
            };
            b.truncate(keep);
            ("truncation".into(), b)
        }
        3 => {
            let at = rng.below(100);
            b[at] = rng.below(256) as u8;
            ("header edit".into(), b)
        }
        4 => {
            let pages = len / page;
            let (x, y) = (rng.below(pages), rng.below(pages));
            for i in 0..page {
                b.swap(x * page + i, y * page + i);
            }
            ("page swap".into(), b)
        }
        _ => {
            // Damage inside one page's cells, past its header.
            let p = rng.below(len / page);
            let at = p * page + 100 + rng.below(page - 100);
            let n = (1 + rng.below(64)).min(len - at);
            for x in &mut b[at..at + n] {
                *x = rng.below(256) as u8;
            }
            ("scribbled cells".into(), b)
        }
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn damaged_libraries_are_refused_untouched_or_accepted_whole() {
    let dir = tempfile::tempdir().unwrap();
    let original = healthy(&dir.path().join("healthy.jejak"));
    let count = std::env::var("JEJAK_SOAK_MUTANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000usize);
    let seed = std::env::var("JEJAK_MUTANT_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(11)
        })
        | 1;
    eprintln!("mutant seed {seed}");
    let mut rng = Rng(seed);
    let work = dir.path().join("mutants");
    let (mut refused, mut accepted) = (0, 0);
    for i in 0..count {
        let (what, bytes) = mutate(&mut rng, &original);
        if std::fs::read_dir(&work).is_ok() {
            std::fs::remove_dir_all(&work).unwrap();
        }
        std::fs::create_dir(&work).unwrap();
        let path = work.join("library.jejak");
        std::fs::write(&path, &bytes).unwrap();
        let opened = std::panic::catch_unwind(|| Library::open(&path))
            .unwrap_or_else(|_| panic!("mutant {i} ({what}) made the opener panic"));
        match opened {
            Err(_) => {
                refused += 1;
                assert_eq!(
                    std::fs::read(&path).unwrap(),
                    bytes,
                    "mutant {i} ({what}) was changed by a refusal"
                );
                assert_eq!(files_in(&work), ["library.jejak"], "mutant {i} ({what})");
            }
            Ok(lib) => {
                accepted += 1;
                let mut maps = lib.list_maps("").unwrap();
                maps.extend(lib.list_trash().unwrap());
                for m in &maps {
                    lib.load_map(m.id).unwrap_or_else(|e| {
                        panic!(
                            "mutant {i} ({what}) was accepted but map {} fails: {e}",
                            m.id
                        )
                    });
                }
                lib.close().unwrap();
                let conn = rusqlite::Connection::open(&path).unwrap();
                let check: String = conn
                    .pragma_query_value(None, "integrity_check", |r| r.get(0))
                    .unwrap();
                assert_eq!(check, "ok", "mutant {i} ({what}) was accepted");
            }
        }
    }
    eprintln!("{count} mutants: {refused} refused, {accepted} accepted");
    assert!(
        refused > 0 && accepted > 0,
        "the mutants should include both kinds"
    );
}
