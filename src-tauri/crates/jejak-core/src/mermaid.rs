//! Mermaid `journey` diagrams (https://mermaid.js.org/syntax/userJourney.html), out and in.
//!
//! Out: the map's title, its stages as sections, the cards of its touchpoint lanes (every card
//! when it has none) as tasks, scored by one persona (−2…+2 becomes 1…5; a card that persona did
//! not score is 3), with the personas who scored the card as its actors. Characters Mermaid gives
//! a meaning there (`:`, `#`, `;`, `,` in actor names, line breaks) are left out.
//!
//! In: sections become stages, tasks touchpoint cards in one lane, each actor a persona whose
//! as-is emotion at the card is the task's score (1…5 becomes −2…+2).
//!
//! Lost going out: lanes other than touchpoints, card text and attributes, to-be scores, the
//! other personas' own scores, persona details and photos, metrics. Lost coming in: a score
//! given without actors (there is nobody to feel it), `accTitle`/`accDescr` and comments.

use std::collections::HashMap;

use crate::model::{Card, Lane, LaneKind, MapDoc, MapMeta, Stage};
use crate::persona::{EmotionScore, Horizon, Persona};
use crate::problem::Problem;
use crate::{now_millis, Id};

/// The most tasks a file may hold (a map Jejak draws well holds far fewer).
pub const MAX_TASKS: usize = 10_000;
const PALETTE: [&str; 6] = [
    "#7c3aed", "#db2777", "#ea580c", "#0891b2", "#16a34a", "#4f46e5",
];

/// Text Mermaid reads as plain words at that place.
fn plain(text: &str, also: &[char]) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !matches!(c, ':' | '#' | ';') && !also.contains(c))
        .collect();
    let words = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.is_empty() {
        "–".to_string()
    } else {
        words
    }
}

/// The map as a Mermaid `journey`, scored by persona `by` (default: the first persona).
pub fn write(doc: &MapDoc, by: Option<Id>) -> String {
    let persona = by.or_else(|| doc.personas.first().map(|p| p.id));
    let names: HashMap<Id, String> = doc
        .personas
        .iter()
        .map(|p| (p.id, plain(&p.name, &[','])))
        .collect();
    let touchpoint_lanes: Vec<Id> = doc
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Touchpoints)
        .map(|l| l.id)
        .collect();
    let in_journey =
        |c: &Card| touchpoint_lanes.is_empty() || touchpoint_lanes.contains(&c.lane_id);
    let lane_at: HashMap<Id, usize> = doc
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id, i))
        .collect();

    let mut out = format!("journey\n    title {}\n", plain(&doc.map.title, &[]));
    for stage in &doc.stages {
        out.push_str(&format!(
            "    section {}\n",
            not_a_keyword(plain(&stage.title, &[]))
        ));
        let mut cards: Vec<&Card> = doc
            .cards
            .iter()
            .filter(|c| c.stage_id == stage.id && in_journey(c))
            .collect();
        cards.sort_by(|a, b| {
            (lane_at.get(&a.lane_id), &a.rank).cmp(&(lane_at.get(&b.lane_id), &b.rank))
        });
        for card in cards {
            let as_is = |p: Id| {
                doc.emotions
                    .iter()
                    .find(|e| {
                        e.card_id == card.id && e.persona_id == p && e.horizon == Horizon::AsIs
                    })
                    .map(|e| e.score)
            };
            let score = persona.and_then(as_is).unwrap_or(0) + 3;
            let actors: Vec<&str> = doc
                .personas
                .iter()
                .filter(|p| as_is(p.id).is_some())
                .filter_map(|p| names.get(&p.id).map(String::as_str))
                .collect();
            out.push_str(&format!(
                "      {}: {score}",
                not_a_keyword(plain(&card.title, &[]))
            ));
            if !actors.is_empty() {
                out.push_str(&format!(": {}", actors.join(", ")));
            }
            out.push('\n');
        }
    }
    out
}

/// The rest of `line` when it starts with `word` (any case, as Mermaid reads it) and a space.
fn keyword<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let head = line.get(..word.len())?;
    let rest = &line[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with([' ', '\t', ':'])).then_some(rest)
}

/// Task and section names Mermaid would take for a keyword or a comment get a dash in front.
fn not_a_keyword(name: String) -> String {
    let lower = name.to_lowercase();
    let reserved = ["title", "section", "journey", "acctitle", "accdescr", "%%"];
    if reserved.iter().any(|k| lower.starts_with(k)) {
        format!("– {name}")
    } else {
        name
    }
}

/// Why a Mermaid file was not read, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct MermaidRefusal {
    pub problem: Problem,
    pub detail: String,
}

fn refuse(line: usize, column: usize, detail: impl Into<String>) -> MermaidRefusal {
    let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    MermaidRefusal {
        problem: Problem::FileSyntax {
            line: n(line),
            column: n(column),
        },
        detail: detail.into(),
    }
}

/// Ids made from the file's text: reading the same file twice gives the same map (the app reads
/// it once to show what it holds and again to import it), and importing it twice is noticed.
struct Ids {
    file: Id,
    next: u64,
}

impl Ids {
    fn next(&mut self) -> Id {
        self.next += 1;
        uuid::Uuid::new_v5(&self.file, &self.next.to_le_bytes())
    }
}

/// Reads a Mermaid `journey` as a map whose ids are made from the text.
pub fn read(text: &str) -> Result<MapDoc, MermaidRefusal> {
    let mut ids = Ids {
        file: uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, text.as_bytes()),
        next: 0,
    };
    let mut lines = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l));
    let mut in_front_matter = false;
    let mut started = false;
    let now = now_millis();
    let lane = Lane {
        id: ids.next(),
        title: "Touchpoints".into(),
        kind: LaneKind::Touchpoints,
        rank: String::new(),
    };
    let mut doc = MapDoc {
        map: MapMeta {
            id: ids.next(),
            title: "Journey".into(),
            created_at: now,
            updated_at: now,
        },
        stages: Vec::new(),
        lanes: vec![lane.clone()],
        cards: Vec::new(),
        personas: Vec::new(),
        emotions: Vec::new(),
        history: Default::default(),
    };
    let mut actors: HashMap<String, Id> = HashMap::new();
    for (no, raw) in lines.by_ref() {
        let line = raw.trim();
        let indent = raw.len() - raw.trim_start().len() + 1;
        if !started && line == "---" {
            in_front_matter = !in_front_matter;
            continue;
        }
        if in_front_matter || line.is_empty() || line.starts_with("%%") {
            continue;
        }
        if !started {
            if !line.eq_ignore_ascii_case("journey") {
                return Err(MermaidRefusal {
                    problem: Problem::LibraryNotSqlite,
                    detail: format!("line {no}: a Mermaid journey starts with `journey`"),
                });
            }
            started = true;
            continue;
        }
        if let Some(title) = keyword(line, "title") {
            doc.map.title = title.trim().to_string();
        } else if keyword(line, "accTitle").is_some() || keyword(line, "accDescr").is_some() {
            continue;
        } else if let Some(section) = keyword(line, "section") {
            doc.stages.push(Stage {
                id: ids.next(),
                title: section.trim().to_string(),
                rank: String::new(),
            });
        } else if let Some((name, data)) = line.split_once(':') {
            if doc.cards.len() >= MAX_TASKS {
                let mut refusal = refuse(no, indent, format!("more than {MAX_TASKS} tasks"));
                refusal.problem = Problem::FileContent {
                    line: u32::try_from(no).unwrap_or(u32::MAX),
                    column: 1,
                };
                return Err(refusal);
            }
            let (score_text, people) = data.split_once(':').unwrap_or((data, ""));
            let column = indent + name.len() + 1;
            let score: i8 = match score_text.trim().parse() {
                Ok(s) if (1..=5).contains(&s) => s,
                _ => {
                    return Err(refuse(
                        no,
                        column,
                        format!("{:?} is not a score from 1 to 5", score_text.trim()),
                    ))
                }
            };
            if doc.stages.is_empty() {
                doc.stages.push(Stage {
                    id: ids.next(),
                    title: "Journey".into(),
                    rank: String::new(),
                });
            }
            let stage_id = doc.stages.last().map(|s| s.id).unwrap_or_default();
            let card = Card {
                id: ids.next(),
                stage_id,
                lane_id: lane.id,
                title: name.trim().to_string(),
                body: String::new(),
                rank: String::new(),
                attrs: Default::default(),
            };
            for actor in people.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                let count = actors.len();
                let persona_id = *actors.entry(actor.to_string()).or_insert_with(|| {
                    let id = ids.next();
                    doc.personas.push(Persona {
                        id,
                        name: actor.to_string(),
                        role: String::new(),
                        goals: String::new(),
                        needs: String::new(),
                        pains: String::new(),
                        color: PALETTE[count % PALETTE.len()].to_string(),
                        photo: None,
                        rank: String::new(),
                    });
                    id
                });
                if !doc
                    .emotions
                    .iter()
                    .any(|e| e.card_id == card.id && e.persona_id == persona_id)
                {
                    doc.emotions.push(EmotionScore {
                        card_id: card.id,
                        persona_id,
                        horizon: Horizon::AsIs,
                        score: score - 3,
                    });
                }
            }
            doc.cards.push(card);
        } else {
            return Err(refuse(
                no,
                indent,
                format!("{line:?} is not a title, section or task"),
            ));
        }
    }
    if !started {
        return Err(MermaidRefusal {
            problem: Problem::LibraryNotSqlite,
            detail: "the file holds no Mermaid journey".into(),
        });
    }
    rank_all(&mut doc);
    Ok(doc)
}

/// Order keys in reading order: stages, personas, and cards within their stage.
fn rank_all(doc: &mut MapDoc) {
    let ranks = crate::rank::sequence(
        doc.stages
            .len()
            .max(doc.cards.len())
            .max(doc.personas.len())
            .max(1),
    );
    for (s, r) in doc.stages.iter_mut().zip(&ranks) {
        s.rank = r.clone();
    }
    for (p, r) in doc.personas.iter_mut().zip(&ranks) {
        p.rank = r.clone();
    }
    if let (Some(lane), Some(r)) = (doc.lanes.first_mut(), ranks.first()) {
        lane.rank = r.clone();
    }
    for (c, r) in doc.cards.iter_mut().zip(&ranks) {
        c.rank = r.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "---\ntitle: ignored front matter\n---\njourney\n    title Belanja: online\n    %% a comment\n    section Temukan\n      Lihat iklan: 4: Rina, Budi\n      Cari ulasan: 3\n    section Beli\n      Bayar QRIS: 1: Rina\n";

    #[test]
    fn a_journey_reads_as_stages_cards_personas_and_scores() {
        let doc = read(SAMPLE).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(doc.map.title, "Belanja: online");
        let stages: Vec<_> = doc.stages.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(stages, ["Temukan", "Beli"]);
        let cards: Vec<_> = doc.cards.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(cards, ["Lihat iklan", "Cari ulasan", "Bayar QRIS"]);
        let names: Vec<_> = doc.personas.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Rina", "Budi"]);
        assert_eq!(doc.emotions.len(), 3);
        assert!(doc.emotions.iter().any(|e| e.score == -2));
    }

    #[test]
    fn out_and_back_in_keeps_what_mermaid_can_hold() {
        let doc = read(SAMPLE).unwrap_or_else(|e| panic!("{e:?}"));
        let text = write(&doc, None);
        assert!(text.contains("    title Belanja online\n"), "{text}");
        assert!(
            text.contains("      Lihat iklan: 4: Rina, Budi\n"),
            "{text}"
        );
        assert!(text.contains("      Cari ulasan: 3\n"), "{text}");
        let back = read(&text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(back.cards.len(), 3);
        assert_eq!(back.emotions.len(), 3);
        assert_eq!(write(&back, None), text);
    }

    #[test]
    fn the_same_text_reads_as_the_same_map_and_keywords_are_read_in_any_case() {
        let a = read(SAMPLE).unwrap_or_else(|e| panic!("{e:?}"));
        let b = read(SAMPLE).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(a, b);
        let mut c = read("Journey\n  Title T\n  SECTION S\n    Titles page: 3\n")
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(c.map.title, "T");
        assert_eq!(c.stages[0].title, "S");
        assert_eq!(c.cards[0].title, "Titles page");
        // A card whose title Mermaid would read as the map's title is written so it is not.
        c.cards[0].title = "Title of the page".into();
        let text = write(&c, None);
        assert!(text.contains("      – Title of the page: 3\n"), "{text}");
    }

    #[test]
    fn bad_lines_say_where() {
        let err = read("journey\n  section A\n    Task: lots: Me\n").err();
        assert_eq!(
            err.map(|e| e.problem),
            Some(Problem::FileSyntax {
                line: 3,
                column: 10
            })
        );
        let err = read("journey\n  sektion A\n").err();
        assert_eq!(
            err.map(|e| e.problem),
            Some(Problem::FileSyntax { line: 2, column: 3 })
        );
        let err = read("graph TD\n A-->B\n").err();
        assert_eq!(err.map(|e| e.problem), Some(Problem::LibraryNotSqlite));
    }
}
