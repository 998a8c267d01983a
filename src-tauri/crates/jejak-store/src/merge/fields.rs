//! Field by field: a change that sets things (a card's text, its attributes, a persona...) is
//! replayed as "these fields became these values", read against what it replaced where it was
//! made, so an edit of a card's title on one side and of its body on the other both stand.

use jejak_core::sync::ConflictOn;
use jejak_core::{Id, Op, PersonaFields};
use rusqlite::Connection;
use serde_json::{Map, Value};

use super::track::Subject;
use crate::{comments, personas, rows};
use crate::{Result, StoreError};

/// Keys of a set op that name what it sets, not a value.
const NAMING: &[&str] = &["type", "id", "cardId", "personaId", "horizon"];
/// Keys whose object value is compared key by key.
const NESTED: &[&str] = &["attrs", "persona"];

/// The fields `forward` sets to a value other than the one in `before` (the op that undid it
/// where it was made), as JSON pointers with their new values.
pub(super) fn changed(forward: &Op, before: Option<&Op>) -> Result<Vec<(String, Value)>> {
    let fwd = object(forward)?;
    let bef = before.map(object).transpose()?.unwrap_or_default();
    let mut out = Vec::new();
    for (key, value) in &fwd {
        if NAMING.contains(&key.as_str()) {
            continue;
        }
        match (value, bef.get(key)) {
            (Value::Object(inner), old) if NESTED.contains(&key.as_str()) => {
                let empty = Map::new();
                let old = old.and_then(Value::as_object).unwrap_or(&empty);
                let keys = inner
                    .keys()
                    .chain(old.keys().filter(|k| !inner.contains_key(*k)));
                for k in keys {
                    if k == "id" {
                        continue;
                    }
                    let new = inner.get(k).unwrap_or(&Value::Null);
                    if old.get(k).unwrap_or(&Value::Null) != new || before.is_none() {
                        out.push((format!("/{key}/{k}"), new.clone()));
                    }
                }
            }
            (value, old) => {
                if old != Some(value) || before.is_none() {
                    out.push((format!("/{key}"), value.clone()));
                }
            }
        }
    }
    Ok(out)
}

/// The value `op` holds at `pointer` (null when it holds none).
pub(super) fn value_at(op: &Op, pointer: &str) -> Result<Value> {
    let value = serde_json::to_value(op).map_err(encode)?;
    Ok(value.pointer(pointer).cloned().unwrap_or(Value::Null))
}

/// `current` with the fields at `changes` set.
pub(super) fn with(current: &Op, changes: &[(String, Value)]) -> Result<Op> {
    let mut value = serde_json::to_value(current).map_err(encode)?;
    for (pointer, new) in changes {
        if let Some(slot) = value.pointer_mut(pointer) {
            *slot = new.clone();
        } else if let Some((parent, key)) = pointer.rsplit_once('/') {
            if let Some(Value::Object(obj)) = value.pointer_mut(parent) {
                obj.insert(key.to_owned(), new.clone());
            }
        }
    }
    serde_json::from_value(value).map_err(encode)
}

fn object(op: &Op) -> Result<Map<String, Value>> {
    match serde_json::to_value(op).map_err(encode)? {
        Value::Object(map) => Ok(map),
        _ => Err(StoreError::Corrupt("an op is not an object".into())),
    }
}

fn encode(e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(format!("an op cannot be read as fields: {e}"))
}

/// The thing a set op sets, named for a conflict.
pub(super) fn subject_of(conn: &Connection, map_id: Id, op: &Op) -> Result<Subject> {
    let card = |id: Id| -> Result<Subject> {
        let label = rows::find_card(conn, map_id, id)?.map(|c| c.title);
        Ok(Subject {
            on: ConflictOn::Card,
            id,
            label: label.unwrap_or_default(),
            cards: vec![id],
        })
    };
    let plain = |on, id, label: Option<String>| Subject {
        on,
        id,
        label: label.unwrap_or_default(),
        cards: Vec::new(),
    };
    Ok(match op {
        Op::RenameMap { .. } => plain(
            ConflictOn::Map,
            map_id,
            Some(rows::map_meta(conn, map_id)?.title),
        ),
        Op::RenameStage { id, .. } | Op::MoveStage { id, .. } | Op::DeleteStage { id } => {
            let label = rows::find_stage(conn, map_id, *id)?.map(|s| s.title);
            plain(ConflictOn::Stage, *id, label)
        }
        Op::UpdateLane { id, .. } | Op::MoveLane { id, .. } | Op::DeleteLane { id } => {
            let label = rows::find_lane(conn, map_id, *id)?.map(|l| l.title);
            plain(ConflictOn::Lane, *id, label)
        }
        Op::UpdatePersona {
            persona: PersonaFields { id, .. },
        }
        | Op::DeletePersona { id } => {
            let label = personas::find(conn, map_id, *id)?.map(|p| p.name);
            plain(ConflictOn::Persona, *id, label)
        }
        Op::EditComment { id, .. } | Op::ResolveComment { id, .. } | Op::DeleteComment { id } => {
            let found = comments::find(conn, map_id, *id)?;
            let cards = match found.as_ref().map(|c| c.on) {
                Some(jejak_core::CommentOn::Card(card)) => vec![card],
                _ => Vec::new(),
            };
            Subject {
                on: ConflictOn::Comment,
                id: *id,
                label: found.map(|c| short(&c.text)).unwrap_or_default(),
                cards,
            }
        }
        Op::SetEmotion { card_id, .. } => Subject {
            on: ConflictOn::Emotion,
            ..card(*card_id)?
        },
        Op::UpdateCard { id, .. }
        | Op::SetCardAttrs { id, .. }
        | Op::MoveCard { id, .. }
        | Op::DeleteCard { id } => card(*id)?,
        Op::CreateCard { card: new, .. } => card(new.id)?,
        Op::CreateStage { stage, .. } => plain(ConflictOn::Stage, stage.id, None),
        Op::CreateLane { lane, .. } => plain(ConflictOn::Lane, lane.id, None),
        Op::CreatePersona { persona, .. } => plain(ConflictOn::Persona, persona.id, None),
        Op::AddComment { comment } => plain(ConflictOn::Comment, comment.id, None),
    })
}

/// What `on` `id` is called now; `None` when it is gone.
pub(super) fn label_now(
    conn: &Connection,
    map_id: Id,
    on: ConflictOn,
    id: Id,
) -> Result<Option<String>> {
    Ok(match on {
        ConflictOn::Map => Some(rows::map_meta(conn, map_id)?.title),
        ConflictOn::Stage => rows::find_stage(conn, map_id, id)?.map(|s| s.title),
        ConflictOn::Lane => rows::find_lane(conn, map_id, id)?.map(|l| l.title),
        ConflictOn::Card | ConflictOn::Emotion => {
            rows::find_card(conn, map_id, id)?.map(|c| c.title)
        }
        ConflictOn::Persona => personas::find(conn, map_id, id)?.map(|p| p.name),
        ConflictOn::Comment => comments::find(conn, map_id, id)?.map(|c| short(&c.text)),
    })
}

/// The first words of a comment, to name it.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// The set op that would set what `op` sets to the values the map has now; `None` when the
/// thing is gone.
pub(super) fn current(conn: &Connection, map_id: Id, op: &Op) -> Result<Option<Op>> {
    Ok(match op {
        Op::RenameMap { .. } => Some(Op::RenameMap {
            title: rows::map_meta(conn, map_id)?.title,
        }),
        Op::RenameStage { id, .. } => {
            rows::find_stage(conn, map_id, *id)?.map(|s| Op::RenameStage {
                id: s.id,
                title: s.title,
            })
        }
        Op::UpdateLane { id, .. } => rows::find_lane(conn, map_id, *id)?.map(|l| Op::UpdateLane {
            id: l.id,
            title: l.title,
            kind: l.kind,
        }),
        Op::UpdateCard { id, .. } => rows::find_card(conn, map_id, *id)?.map(|c| Op::UpdateCard {
            id: c.id,
            title: c.title,
            body: c.body,
        }),
        Op::SetCardAttrs { id, .. } => {
            rows::find_card(conn, map_id, *id)?.map(|c| Op::SetCardAttrs {
                id: c.id,
                attrs: c.attrs,
            })
        }
        Op::UpdatePersona { persona } => {
            personas::find(conn, map_id, persona.id)?.map(|p| Op::UpdatePersona {
                persona: PersonaFields::from(&p),
            })
        }
        Op::EditComment { id, .. } => comments::find(conn, map_id, *id)?.map(|c| Op::EditComment {
            id: c.id,
            text: c.text,
        }),
        Op::ResolveComment { id, .. } => {
            comments::find(conn, map_id, *id)?.map(|c| Op::ResolveComment {
                id: c.id,
                resolved: c.resolved,
            })
        }
        Op::SetEmotion {
            card_id,
            persona_id,
            horizon,
            ..
        } => {
            let card = rows::find_card(conn, map_id, *card_id)?;
            let persona = personas::find(conn, map_id, *persona_id)?;
            match (card, persona) {
                (Some(_), Some(_)) => Some(Op::SetEmotion {
                    card_id: *card_id,
                    persona_id: *persona_id,
                    horizon: *horizon,
                    score: personas::emotion(conn, *card_id, *persona_id, *horizon)?,
                }),
                _ => None,
            }
        }
        _ => None,
    })
}
