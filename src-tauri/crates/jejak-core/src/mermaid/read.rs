//! Reading a Mermaid `journey`: sections, tasks with their scores and actors, and the title.

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

/// The rest of `line` when it starts with `word` (any case, as Mermaid reads it) and a space.
fn keyword<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let head = line.get(..word.len())?;
    let rest = &line[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with([' ', '\t', ':'])).then_some(rest)
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

/// The map being read, and who has appeared as an actor so far.
struct Reader {
    ids: Ids,
    doc: MapDoc,
    actors: HashMap<String, Id>,
}

impl Reader {
    fn new(text: &str) -> Reader {
        let mut ids = Ids {
            file: uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, text.as_bytes()),
            next: 0,
        };
        let now = now_millis();
        let lane = Lane {
            id: ids.next(),
            title: "Touchpoints".into(),
            kind: LaneKind::Touchpoints,
            rank: String::new(),
        };
        let map = MapMeta {
            id: ids.next(),
            title: "Journey".into(),
            created_at: now,
            updated_at: now,
        };
        let doc = MapDoc {
            map,
            stages: Vec::new(),
            lanes: vec![lane],
            cards: Vec::new(),
            personas: Vec::new(),
            emotions: Vec::new(),
            comments: Vec::new(),
            history: Default::default(),
        };
        Reader {
            ids,
            doc,
            actors: HashMap::new(),
        }
    }

    fn stage(&mut self, title: &str) {
        let id = self.ids.next();
        self.doc.stages.push(Stage {
            id,
            title: title.trim().to_string(),
            rank: String::new(),
        });
    }

    /// The persona an actor's name stands for, made at its first appearance.
    fn persona(&mut self, actor: &str) -> Id {
        if let Some(id) = self.actors.get(actor) {
            return *id;
        }
        let id = self.ids.next();
        let color = PALETTE[self.actors.len() % PALETTE.len()].to_string();
        self.actors.insert(actor.to_string(), id);
        self.doc.personas.push(Persona {
            id,
            name: actor.to_string(),
            role: String::new(),
            goals: String::new(),
            needs: String::new(),
            pains: String::new(),
            color,
            photo: None,
            rank: String::new(),
        });
        id
    }

    /// `name: score: actor, actor` at line `no`, its text starting at column `indent`.
    fn task(
        &mut self,
        no: usize,
        indent: usize,
        name: &str,
        data: &str,
    ) -> Result<(), MermaidRefusal> {
        if self.doc.cards.len() >= MAX_TASKS {
            let mut refusal = refuse(no, indent, format!("more than {MAX_TASKS} tasks"));
            refusal.problem = Problem::FileContent {
                line: u32::try_from(no).unwrap_or(u32::MAX),
                column: 1,
            };
            return Err(refusal);
        }
        let (score_text, people) = data.split_once(':').unwrap_or((data, ""));
        let score: i8 = match score_text.trim().parse() {
            Ok(s) if (1..=5).contains(&s) => s,
            _ => {
                let column = indent + name.len() + 1;
                let why = format!("{:?} is not a score from 1 to 5", score_text.trim());
                return Err(refuse(no, column, why));
            }
        };
        if self.doc.stages.is_empty() {
            self.stage("Journey");
        }
        let card = Card {
            id: self.ids.next(),
            stage_id: self.doc.stages.last().map(|s| s.id).unwrap_or_default(),
            lane_id: self.doc.lanes.first().map(|l| l.id).unwrap_or_default(),
            title: name.trim().to_string(),
            body: String::new(),
            rank: String::new(),
            attrs: Default::default(),
        };
        // An actor named twice on one task feels it once.
        let mut scored = std::collections::HashSet::new();
        for actor in people.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            let persona_id = self.persona(actor);
            if scored.insert(persona_id) {
                self.doc.emotions.push(EmotionScore {
                    card_id: card.id,
                    persona_id,
                    horizon: Horizon::AsIs,
                    score: score - 3,
                });
            }
        }
        self.doc.cards.push(card);
        Ok(())
    }
}

/// Reads a Mermaid `journey` as a map whose ids are made from the text.
pub fn read(text: &str) -> Result<MapDoc, MermaidRefusal> {
    let mut reader = Reader::new(text);
    let mut in_front_matter = false;
    let mut started = false;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (no, raw) in body.lines().enumerate().map(|(i, l)| (i + 1, l)) {
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
        } else if let Some(title) = keyword(line, "title") {
            reader.doc.map.title = title.trim().to_string();
        } else if keyword(line, "accTitle").is_some() || keyword(line, "accDescr").is_some() {
            continue;
        } else if let Some(section) = keyword(line, "section") {
            reader.stage(section);
        } else if let Some((name, data)) = line.split_once(':') {
            reader.task(no, indent, name, data)?;
        } else {
            let why = format!("{line:?} is not a title, section or task");
            return Err(refuse(no, indent, why));
        }
    }
    if !started {
        return Err(MermaidRefusal {
            problem: Problem::LibraryNotSqlite,
            detail: "the file holds no Mermaid journey".into(),
        });
    }
    let mut doc = reader.doc;
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
