//! Limits on what an op may carry. The store calls these before it writes anything.

use thiserror::Error;

/// An edit that breaks a rule; the message says which.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct Invalid(pub String);

impl Invalid {
    pub fn new(message: impl Into<String>) -> Self {
        Invalid(message.into())
    }
}

pub const MAX_TITLE_CHARS: usize = 500;
pub const MAX_BODY_CHARS: usize = 20_000;

/// Map, stage and lane titles: not blank, not huge. Returns the trimmed title.
pub fn name(what: &str, title: &str) -> Result<String, Invalid> {
    let trimmed = title.trim();
    if trimmed.is_empty() {
        return Err(Invalid::new(format!("{what} name cannot be empty")));
    }
    if trimmed.chars().count() > MAX_TITLE_CHARS {
        return Err(Invalid::new(format!(
            "{what} name is longer than {MAX_TITLE_CHARS} characters"
        )));
    }
    Ok(trimmed.to_string())
}

/// Card titles may be empty (a fresh card), but not huge.
pub fn card_text(title: &str, body: &str) -> Result<(), Invalid> {
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(Invalid::new(format!(
            "card title is longer than {MAX_TITLE_CHARS} characters"
        )));
    }
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(Invalid::new(format!(
            "card text is longer than {MAX_BODY_CHARS} characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            name("stage", "  Awareness ").ok().as_deref(),
            Some("Awareness")
        );
        assert!(name("stage", "   ").is_err());
        assert!(name("stage", &"x".repeat(501)).is_err());
        assert!(name("stage", &"é".repeat(500)).is_ok());
        assert!(card_text("", "").is_ok());
        assert!(card_text("", &"x".repeat(20_001)).is_err());
    }
}
