//! The map as JSON: the whole map (stages, lanes, cards with their attributes, personas with
//! their photos, emotion scores, comments), versioned, documented in `docs/map-json.md`.
//! Snapshots are kept in the library in this form too.
//!
//! Reading checks the form and how the parts refer to each other; the store then validates every
//! row as an edit would be validated.

use serde::{Deserialize, Serialize};

use crate::comment::Comment;
use crate::model::{Card, Lane, MapDoc, MapMeta, Stage};
use crate::persona::{EmotionScore, Persona};
use crate::problem::Problem;

mod references;

use references::check_references;

/// The `format` every Jejak map JSON file names.
pub const FORMAT: &str = "jejak.map";
/// The version this build writes; it reads this and every older one. Version 2 added comments
/// (a version 1 reader refuses them, so it must be told the file is newer).
pub const VERSION: u32 = 2;
/// Larger files are refused before they are read: a 2,000-card map with photos is a few MB.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MapJson {
    format: String,
    version: u32,
    map: MapMeta,
    stages: Vec<Stage>,
    lanes: Vec<Lane>,
    cards: Vec<Card>,
    #[serde(default)]
    personas: Vec<Persona>,
    #[serde(default)]
    emotions: Vec<EmotionScore>,
    #[serde(default)]
    comments: Vec<Comment>,
}

/// Only what tells whether the rest can be read (any other fields are skipped, not parsed).
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// Why a JSON file was not read: what the user is told, and the parser's words for "details".
#[derive(Debug, Clone, PartialEq)]
pub struct JsonRefusal {
    pub problem: Problem,
    pub detail: String,
}

/// The map as pretty-printed JSON (files people may read).
pub fn write(doc: &MapDoc) -> String {
    // Serialising plain structs and strings cannot fail.
    serde_json::to_string_pretty(&envelope(doc)).unwrap_or_default()
}

/// The map as JSON without spaces (snapshots kept in the library).
pub fn write_compact(doc: &MapDoc) -> String {
    serde_json::to_string(&envelope(doc)).unwrap_or_default()
}

fn envelope(doc: &MapDoc) -> MapJson {
    MapJson {
        format: FORMAT.to_owned(),
        // A map without comments is written as version 1, so a Jejak from before comments still
        // reads it.
        version: if doc.comments.is_empty() { 1 } else { VERSION },
        map: doc.map.clone(),
        stages: doc.stages.clone(),
        lanes: doc.lanes.clone(),
        cards: doc.cards.clone(),
        personas: doc.personas.clone(),
        emotions: doc.emotions.clone(),
        comments: doc.comments.clone(),
    }
}

/// Reads a map from the bytes of a JSON file. Anything but a whole, consistent Jejak map of this
/// or an older version is refused, with the line and column when the text itself is at fault.
pub fn read(bytes: &[u8]) -> Result<MapDoc, JsonRefusal> {
    if bytes.len() > MAX_BYTES {
        return Err(JsonRefusal {
            problem: Problem::FileTooLarge {
                max_mb: (MAX_BYTES / (1024 * 1024)) as u32,
            },
            detail: format!("{} bytes", bytes.len()),
        });
    }
    read_any_size(bytes)
}

/// [`read`] without the size limit, for JSON Jejak wrote itself (snapshots in the library): a
/// map with many photos may be larger than any file a user should be asked to trust.
pub fn read_any_size(bytes: &[u8]) -> Result<MapDoc, JsonRefusal> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let before = &bytes[..e.valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(JsonRefusal {
            problem: Problem::FileNotUtf8 {
                line: u32::try_from(line).unwrap_or(u32::MAX),
            },
            detail: e.to_string(),
        });
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|e| syntax(&e))?;
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(JsonRefusal {
            problem: Problem::LibraryNotSqlite,
            detail: format!("\"format\" is {:?}, not {FORMAT:?}", header.format),
        });
    }
    if let Some(v) = header.version.as_ref().and_then(|v| v.as_u64()) {
        if v > u64::from(VERSION) {
            return Err(JsonRefusal {
                problem: Problem::LibraryNewer {
                    version: u32::try_from(v).unwrap_or(u32::MAX),
                    supported: VERSION,
                },
                detail: format!("version {v}"),
            });
        }
    }
    let json: MapJson = serde_json::from_slice(bytes).map_err(|e| content(&e))?;
    let doc = MapDoc {
        map: json.map,
        stages: json.stages,
        lanes: json.lanes,
        cards: json.cards,
        personas: json.personas,
        emotions: json.emotions,
        comments: json.comments,
        history: Default::default(),
    };
    check_references(&doc).map_err(|detail| JsonRefusal {
        problem: Problem::FileContent { line: 0, column: 0 },
        detail,
    })?;
    Ok(doc)
}

fn position(e: &serde_json::Error) -> (u32, u32) {
    let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    (n(e.line()), n(e.column()))
}

fn syntax(e: &serde_json::Error) -> JsonRefusal {
    let (line, column) = position(e);
    // A header of the wrong shape ("version": "two") is about content, not syntax.
    let problem = if e.is_data() {
        Problem::FileContent { line, column }
    } else {
        Problem::FileSyntax { line, column }
    };
    JsonRefusal {
        problem,
        detail: e.to_string(),
    }
}

fn content(e: &serde_json::Error) -> JsonRefusal {
    let (line, column) = position(e);
    JsonRefusal {
        problem: Problem::FileContent { line, column },
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comment::CommentOn;
    use crate::persona::Horizon;

    fn sample() -> MapDoc {
        let ranks = crate::rank::sequence(2);
        let rank = ranks.first().cloned().unwrap_or_default();
        let (stage, lane) = (crate::new_id(), crate::new_id());
        let card = Card {
            id: crate::new_id(),
            stage_id: stage,
            lane_id: lane,
            title: "Pembayaran gagal".into(),
            body: "ملاحظة \"quoted\"\n2nd line".into(),
            rank: rank.clone(),
            attrs: crate::CardAttrs {
                metrics: [("CSAT".to_string(), 4.25)].into(),
                tags: vec!["pain".into()],
                ..Default::default()
            },
        };
        let persona = Persona {
            id: crate::new_id(),
            name: "Rina".into(),
            role: String::new(),
            goals: String::new(),
            needs: String::new(),
            pains: String::new(),
            color: "#aa3300".into(),
            photo: None,
            rank: rank.clone(),
        };
        MapDoc {
            map: MapMeta {
                id: crate::new_id(),
                title: "Checkout".into(),
                created_at: 1,
                updated_at: 2,
            },
            stages: vec![Stage {
                id: stage,
                title: "Beli".into(),
                rank: rank.clone(),
            }],
            lanes: vec![Lane {
                id: lane,
                title: "Touchpoints".into(),
                kind: crate::LaneKind::Touchpoints,
                rank,
            }],
            emotions: vec![EmotionScore {
                card_id: card.id,
                persona_id: persona.id,
                horizon: Horizon::AsIs,
                score: -2,
            }],
            comments: vec![Comment {
                id: crate::new_id(),
                on: CommentOn::Card(card.id),
                reply_to: None,
                author: "Ayu".into(),
                text: "هل هذا صحيح؟ 5,000 chars fit".into(),
                created_at: 3,
                resolved: false,
            }],
            cards: vec![card],
            personas: vec![persona],
            history: Default::default(),
        }
    }

    #[test]
    fn a_comment_on_something_the_map_lacks_is_refused() {
        let mut doc = sample();
        if let Some(c) = doc.comments.first_mut() {
            c.on = CommentOn::Stage(crate::new_id());
        }
        assert!(read(write(&doc).as_bytes()).is_err());
        let mut doc = sample();
        let mut reply = doc.comments[0].clone();
        reply.id = crate::new_id();
        reply.reply_to = Some(crate::new_id());
        doc.comments.push(reply);
        assert!(read(write(&doc).as_bytes()).is_err());
    }

    #[test]
    fn a_version_1_file_without_comments_still_reads() {
        let mut doc = sample();
        doc.comments.clear();
        let text = write(&doc).replace(",\n  \"comments\": []", "");
        assert!(text.contains("\"version\": 1"), "{text}");
        assert!(!text.contains("comments"));
        assert_eq!(read(text.as_bytes()), Ok(doc));
    }

    #[test]
    fn a_written_map_reads_back_equal() {
        let doc = sample();
        let back = read(write(&doc).as_bytes());
        assert_eq!(back, Ok(doc));
    }

    #[test]
    fn syntax_errors_say_where() {
        let err = read(b"{\n  \"format\": \"jejak.map\",\n  oops\n}").err();
        assert!(matches!(
            err.map(|e| e.problem),
            Some(Problem::FileSyntax { line: 3, .. })
        ));
    }

    #[test]
    fn other_json_and_newer_versions_are_refused() {
        let other = read(br#"{"name": "package.json"}"#)
            .err()
            .map(|e| e.problem);
        assert_eq!(other, Some(Problem::LibraryNotSqlite));
        let newer = read(br#"{"format": "jejak.map", "version": 99}"#)
            .err()
            .map(|e| e.problem);
        assert!(matches!(
            newer,
            Some(Problem::LibraryNewer { version: 99, .. })
        ));
    }

    #[test]
    fn a_card_in_a_missing_stage_is_refused() {
        let mut doc = sample();
        if let Some(card) = doc.cards.first_mut() {
            card.stage_id = crate::new_id();
        }
        let err = read(write(&doc).as_bytes()).err().map(|e| e.problem);
        assert_eq!(err, Some(Problem::FileContent { line: 0, column: 0 }));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(read(deep.as_bytes()).is_err());
    }
}
