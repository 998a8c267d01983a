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

mod read;

use std::collections::HashMap;

use crate::model::{Card, LaneKind, MapDoc};
use crate::persona::Horizon;
use crate::Id;

pub use read::{read, MermaidRefusal, MAX_TASKS};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Problem;

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
        let mut b = read(SAMPLE).unwrap_or_else(|e| panic!("{e:?}"));
        // Everything but when it was read (the two reads may fall in different milliseconds).
        b.map.created_at = a.map.created_at;
        b.map.updated_at = a.map.updated_at;
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
