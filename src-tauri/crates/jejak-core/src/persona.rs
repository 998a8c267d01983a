//! Personas (several per map) and the emotion scores touchpoints carry for each of them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Id;
use crate::problem::Field;
use crate::validate::{self, Invalid};

/// Someone the map is drawn for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Persona {
    pub id: Id,
    pub name: String,
    /// Role, or a quote that sums the persona up.
    pub role: String,
    pub goals: String,
    pub needs: String,
    pub pains: String,
    /// `#rrggbb`, used for the persona's emotion line (always with its name beside it).
    pub color: String,
    /// A small picture as a `data:image/...;base64,` URL, kept in the library file.
    pub photo: Option<String>,
    pub rank: String,
}

/// The persona's fields without its place in the list (what create and update carry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonaFields {
    pub id: Id,
    pub name: String,
    pub role: String,
    pub goals: String,
    pub needs: String,
    pub pains: String,
    pub color: String,
    pub photo: Option<String>,
}

impl From<&Persona> for PersonaFields {
    fn from(p: &Persona) -> Self {
        PersonaFields {
            id: p.id,
            name: p.name.clone(),
            role: p.role.clone(),
            goals: p.goals.clone(),
            needs: p.needs.clone(),
            pains: p.pains.clone(),
            color: p.color.clone(),
            photo: p.photo.clone(),
        }
    }
}

/// Largest photo kept, as a data URL (the UI scales pictures down well below this).
pub const MAX_PHOTO_BYTES: usize = 1_500_000;

impl PersonaFields {
    /// Checks limits; returns the fields with the name trimmed and the colour lower-cased.
    pub fn validated(&self) -> Result<PersonaFields, Invalid> {
        let name = validate::name(Field::PersonaName, &self.name)?;
        for text in [&self.role, &self.goals, &self.needs, &self.pains] {
            if text.chars().count() > validate::MAX_BODY_CHARS {
                return Err(Invalid::too_long(
                    Field::PersonaText,
                    validate::MAX_BODY_CHARS,
                ));
            }
        }
        let hex = self.color.strip_prefix('#').unwrap_or("");
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Invalid::bad(Field::PersonaColour));
        }
        if let Some(photo) = &self.photo {
            if !photo.starts_with("data:image/") || !photo.contains(";base64,") {
                return Err(Invalid::bad(Field::PersonaPhoto));
            }
            if photo.len() > MAX_PHOTO_BYTES {
                return Err(Invalid::too_long(Field::PersonaPhoto, MAX_PHOTO_BYTES));
            }
        }
        Ok(PersonaFields {
            name,
            color: self.color.to_ascii_lowercase(),
            ..self.clone()
        })
    }
}

/// Today's experience, or the one the team designs for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Horizon {
    AsIs,
    ToBe,
}

impl Horizon {
    pub fn as_str(self) -> &'static str {
        match self {
            Horizon::AsIs => "asIs",
            Horizon::ToBe => "toBe",
        }
    }

    pub fn parse(s: &str) -> Option<Horizon> {
        match s {
            "asIs" => Some(Horizon::AsIs),
            "toBe" => Some(Horizon::ToBe),
            _ => None,
        }
    }
}

/// How a persona feels at a touchpoint: −2 (very negative) to +2 (very positive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EmotionScore {
    pub card_id: Id,
    pub persona_id: Id,
    pub horizon: Horizon,
    pub score: i8,
}

pub fn check_score(score: i8) -> Result<i8, Invalid> {
    if (-2..=2).contains(&score) {
        Ok(score)
    } else {
        Err(Invalid::bad(Field::EmotionScore))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> PersonaFields {
        PersonaFields {
            id: uuid::Uuid::nil(),
            name: " Rina ".into(),
            role: "First-time saver".into(),
            goals: String::new(),
            needs: String::new(),
            pains: String::new(),
            color: "#AA3377".into(),
            photo: None,
        }
    }

    #[test]
    fn persona_fields_are_checked() {
        let ok = fields().validated().unwrap_or_else(|_| fields());
        assert_eq!(ok.name, "Rina");
        assert_eq!(ok.color, "#aa3377");
        assert!(PersonaFields {
            color: "red".into(),
            ..fields()
        }
        .validated()
        .is_err());
        assert!(PersonaFields {
            photo: Some("http://x/y.png".into()),
            ..fields()
        }
        .validated()
        .is_err());
        assert!(PersonaFields {
            photo: Some("data:image/png;base64,AAAA".into()),
            ..fields()
        }
        .validated()
        .is_ok());
        assert!(check_score(2).is_ok() && check_score(-3).is_err());
    }
}
