//! Comments on cards and stages. A reply names its thread's first comment and is about the same
//! card or stage; resolving is done on the first comment. Deleting a card, a stage or a first
//! comment takes comments with it, so the inverse of each of those brings them back in order.

use jejak_core::comment::comment_text;
use jejak_core::{Comment, CommentOn, Id, Op};
use rusqlite::Connection;

use super::{Applied, Touched};
use crate::{comments, rows};
use crate::{Result, StoreError};

fn existing(conn: &Connection, map_id: Id, id: Id) -> Result<Comment> {
    comments::find(conn, map_id, id)?.ok_or_else(|| StoreError::not_found("comment", id))
}

/// Ops that bring back deleted comments: first comments before their replies.
pub(super) fn restore(gone: &[Comment]) -> Vec<Op> {
    let firsts = gone.iter().filter(|c| c.reply_to.is_none());
    let replies = gone.iter().filter(|c| c.reply_to.is_some());
    firsts
        .chain(replies)
        .map(|c| Op::AddComment { comment: c.clone() })
        .collect()
}

/// Comments on a card or stage about to be deleted (`column` is "card_id" or "stage_id"),
/// marked touched so the patch reports them gone.
pub(super) fn taken_with(
    conn: &Connection,
    column: &str,
    id: Id,
    t: &mut Touched,
) -> Result<Vec<Comment>> {
    let gone = comments::query(conn, column, id)?;
    t.comments.extend(gone.iter().map(|c| c.id));
    Ok(gone)
}

pub(super) fn add(
    conn: &Connection,
    map_id: Id,
    comment: &Comment,
    t: &mut Touched,
) -> Result<Applied> {
    let comment = comment.validated()?;
    if rows::id_exists(conn, "comments", comment.id)? {
        return Err(StoreError::Conflict(format!(
            "id {} already exists",
            comment.id
        )));
    }
    match comment.on {
        CommentOn::Card(id) => drop(rows::card(conn, map_id, id)?),
        CommentOn::Stage(id) => drop(rows::stage(conn, map_id, id)?),
    }
    if let Some(first) = comment.reply_to {
        let thread = existing(conn, map_id, first)?;
        if thread.reply_to.is_some() || thread.on != comment.on {
            return Err(StoreError::Conflict(format!(
                "comment {} is not a thread of the same card or stage",
                first
            )));
        }
    }
    comments::insert(conn, map_id, &comment)?;
    t.comments.insert(comment.id);
    let id = comment.id;
    Ok(Applied::new(
        Op::AddComment { comment },
        vec![Op::DeleteComment { id }],
    ))
}

pub(super) fn edit(
    conn: &Connection,
    map_id: Id,
    id: Id,
    text: &str,
    t: &mut Touched,
) -> Result<Applied> {
    let text = comment_text(text)?;
    let old = existing(conn, map_id, id)?;
    comments::set_text(conn, id, &text)?;
    t.comments.insert(id);
    Ok(Applied::new(
        Op::EditComment { id, text },
        vec![Op::EditComment { id, text: old.text }],
    ))
}

pub(super) fn resolve(
    conn: &Connection,
    map_id: Id,
    id: Id,
    resolved: bool,
    t: &mut Touched,
) -> Result<Applied> {
    let old = existing(conn, map_id, id)?;
    if old.reply_to.is_some() {
        return Err(StoreError::Conflict(format!(
            "comment {id} is a reply: its thread is resolved on its first comment"
        )));
    }
    comments::set_resolved(conn, id, resolved)?;
    t.comments.insert(id);
    Ok(Applied::new(
        Op::ResolveComment { id, resolved },
        vec![Op::ResolveComment {
            id,
            resolved: old.resolved,
        }],
    ))
}

pub(super) fn delete(conn: &Connection, map_id: Id, id: Id, t: &mut Touched) -> Result<Applied> {
    let old = existing(conn, map_id, id)?;
    let mut gone = vec![old];
    gone.extend(taken_with(conn, "reply_to", id, t)?);
    rows::delete_where(conn, "comments", "id", id)?;
    t.comments.insert(id);
    Ok(Applied::new(Op::DeleteComment { id }, restore(&gone)))
}
