//! Comments on a card or on a stage: threads of a first comment and its replies, resolved or open
//! as a whole. They are part of the map (edited by ops, undone, carried by map files).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Id;
use crate::problem::Field;
use crate::validate::{self, Invalid};

/// A comment takes a long remark pasted from notes (the UI stops typing at this length).
pub const MAX_COMMENT_CHARS: usize = 10_000;
/// The author is the name from the settings.
pub const MAX_AUTHOR_CHARS: usize = 200;

/// What a comment is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "camelCase")]
#[ts(export)]
pub enum CommentOn {
    Card(Id),
    Stage(Id),
}

/// One comment. A thread is a first comment (no `reply_to`) and the replies naming it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Comment {
    pub id: Id,
    pub on: CommentOn,
    /// The thread's first comment, for a reply.
    pub reply_to: Option<Id>,
    pub author: String,
    pub text: String,
    /// Milliseconds since the Unix epoch, from the clock of the computer that wrote it.
    #[ts(type = "number")]
    pub created_at: i64,
    /// Set on a thread's first comment; a reply is never resolved on its own.
    pub resolved: bool,
}

impl Comment {
    /// The comment with its text and author trimmed, or why it cannot be kept.
    pub fn validated(&self) -> Result<Comment, Invalid> {
        let text = comment_text(&self.text)?;
        let author = author_name(&self.author)?;
        if self.created_at < 0 {
            return Err(Invalid::bad(Field::CommentTime));
        }
        Ok(Comment {
            text,
            author,
            resolved: self.resolved && self.reply_to.is_none(),
            ..self.clone()
        })
    }
}

/// A comment's text: not blank, not huge; returned trimmed.
pub fn comment_text(text: &str) -> Result<String, Invalid> {
    validate::trimmed(Field::CommentText, text, MAX_COMMENT_CHARS)
}

/// The name comments are signed with (kept in the settings): not blank, not huge; trimmed.
pub fn author_name(name: &str) -> Result<String, Invalid> {
    validate::trimmed(Field::CommentAuthor, name, MAX_AUTHOR_CHARS)
}

/// The first reply in `comments` that does not answer a first comment about the same card or
/// stage among them (one level of replies; what the store's edits keep).
pub fn stray_reply(comments: &[Comment]) -> Option<Id> {
    comments.iter().find_map(|c| {
        let first = c.reply_to?;
        let thread = comments.iter().find(|p| p.id == first);
        (!thread.is_some_and(|p| p.reply_to.is_none() && p.on == c.on)).then_some(c.id)
    })
}

/// The open threads of a map as (first comment, replies oldest first), oldest thread first: what
/// the PDF's page of open comments lists.
pub fn open_threads(comments: &[Comment]) -> Vec<(&Comment, Vec<&Comment>)> {
    let mut roots: Vec<&Comment> = comments
        .iter()
        .filter(|c| c.reply_to.is_none() && !c.resolved)
        .collect();
    roots.sort_by_key(|c| (c.created_at, c.id));
    roots
        .into_iter()
        .map(|root| {
            let mut replies: Vec<&Comment> = comments
                .iter()
                .filter(|c| c.reply_to == Some(root.id))
                .collect();
            replies.sort_by_key(|c| (c.created_at, c.id));
            (root, replies)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(text: &str, author: &str) -> Comment {
        Comment {
            id: uuid::Uuid::nil(),
            on: CommentOn::Card(uuid::Uuid::nil()),
            reply_to: None,
            author: author.into(),
            text: text.into(),
            created_at: 1,
            resolved: false,
        }
    }

    #[test]
    fn text_and_author_are_trimmed_and_bounded() {
        let ok = comment("  Checkout fails on step 3 \n", " Rina ").validated();
        assert_eq!(
            ok.as_ref().map(|c| c.text.as_str()),
            Ok("Checkout fails on step 3")
        );
        assert_eq!(ok.as_ref().map(|c| c.author.as_str()), Ok("Rina"));
        assert_eq!(
            comment(" \n ", "Rina").validated(),
            Err(Invalid::blank(Field::CommentText))
        );
        assert_eq!(
            comment("x", "  ").validated(),
            Err(Invalid::blank(Field::CommentAuthor))
        );
        assert!(comment(&"ب".repeat(MAX_COMMENT_CHARS), "Rina")
            .validated()
            .is_ok());
        assert!(comment(&"x".repeat(MAX_COMMENT_CHARS + 1), "Rina")
            .validated()
            .is_err());
    }

    #[test]
    fn a_reply_is_never_resolved_on_its_own() {
        let reply = Comment {
            reply_to: Some(uuid::Uuid::nil()),
            resolved: true,
            ..comment("ok", "Rina")
        };
        assert_eq!(reply.validated().map(|c| c.resolved), Ok(false));
    }

    #[test]
    fn targets_have_a_stable_json_shape() {
        let json = serde_json::to_value(CommentOn::Stage(uuid::Uuid::nil())).unwrap_or_default();
        assert_eq!(json["kind"], "stage");
        assert_eq!(json["id"], uuid::Uuid::nil().to_string());
    }
}
