//! Limits on what an op may carry. The store calls these before it writes anything.

use thiserror::Error;

use crate::problem::{Field, Problem};

/// An edit that breaks a rule; the problem says which, as a code the UI words.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{0}")]
pub struct Invalid(pub Problem);

impl Invalid {
    pub fn blank(field: Field) -> Self {
        Invalid(Problem::Blank { field })
    }

    pub fn too_long(field: Field, max: usize) -> Self {
        Invalid(Problem::TooLong {
            field,
            max: u32::try_from(max).unwrap_or(u32::MAX),
        })
    }

    pub fn too_many(field: Field, max: usize) -> Self {
        Invalid(Problem::TooMany {
            field,
            max: u32::try_from(max).unwrap_or(u32::MAX),
        })
    }

    pub fn bad(field: Field) -> Self {
        Invalid(Problem::BadValue { field })
    }
}

pub const MAX_TITLE_CHARS: usize = 500;
pub const MAX_BODY_CHARS: usize = 20_000;

/// Map, stage, lane and persona names: not blank, not huge. Returns the trimmed name.
pub fn name(field: Field, title: &str) -> Result<String, Invalid> {
    trimmed(field, title, MAX_TITLE_CHARS)
}

/// Text that must say something, at most `max` characters once trimmed. Returns it trimmed.
pub fn trimmed(field: Field, text: &str, max: usize) -> Result<String, Invalid> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Invalid::blank(field));
    }
    if trimmed.chars().count() > max {
        return Err(Invalid::too_long(field, max));
    }
    Ok(trimmed.to_string())
}

/// Card titles may be empty (a fresh card), but not huge.
pub fn card_text(title: &str, body: &str) -> Result<(), Invalid> {
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(Invalid::too_long(Field::CardTitle, MAX_TITLE_CHARS));
    }
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(Invalid::too_long(Field::CardBody, MAX_BODY_CHARS));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            name(Field::StageTitle, "  Awareness ").ok().as_deref(),
            Some("Awareness")
        );
        assert_eq!(
            name(Field::StageTitle, "   "),
            Err(Invalid::blank(Field::StageTitle))
        );
        assert_eq!(
            name(Field::StageTitle, &"x".repeat(501)),
            Err(Invalid(Problem::TooLong {
                field: Field::StageTitle,
                max: 500
            }))
        );
        assert!(name(Field::StageTitle, &"é".repeat(500)).is_ok());
        assert!(card_text("", "").is_ok());
        assert!(card_text("", &"x".repeat(20_001)).is_err());
    }

    /// The UI stops text where it is typed (ui/src/lib/model/limits.ts); its limits must be these.
    #[test]
    fn the_ui_knows_the_same_limits() {
        let ts = include_str!("../../../../ui/src/lib/model/limits.ts").replace('_', "");
        for (name, max) in [
            ("title", MAX_TITLE_CHARS),
            ("body", MAX_BODY_CHARS),
            ("short", crate::attrs::MAX_SHORT),
            ("url", crate::attrs::MAX_URL),
            ("tag", crate::attrs::MAX_TAG),
            ("personaText", MAX_BODY_CHARS),
            ("snapshotLabel", crate::snapshot::MAX_LABEL_CHARS),
            ("comment", crate::comment::MAX_COMMENT_CHARS),
            ("author", crate::comment::MAX_AUTHOR_CHARS),
        ] {
            assert!(
                ts.contains(&format!("  {name}: {max},")),
                "limits.ts should say {name}: {max}"
            );
        }
    }
}
