//! Rows of the comments table.

use jejak_core::{Comment, CommentOn, Id};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::cached::Cached;
use crate::rows::id_at;
use crate::Result;

const COLS: &str = "id, card_id, stage_id, reply_to, author, text, created_at, resolved";
/// Oldest first, a thread's first comment before its replies when they share a millisecond.
const ORDER: &str = "ORDER BY created_at, reply_to IS NOT NULL, id";

fn comment_from(row: &Row) -> rusqlite::Result<Comment> {
    let card: Option<String> = row.get(1)?;
    let on = match card {
        Some(_) => CommentOn::Card(id_at(row, 1)?),
        None => CommentOn::Stage(id_at(row, 2)?),
    };
    let reply_to: Option<String> = row.get(3)?;
    Ok(Comment {
        id: id_at(row, 0)?,
        on,
        reply_to: match reply_to {
            Some(_) => Some(id_at(row, 3)?),
            None => None,
        },
        author: row.get(4)?,
        text: row.get(5)?,
        created_at: row.get(6)?,
        resolved: row.get(7)?,
    })
}

pub(crate) fn find(conn: &Connection, map_id: Id, id: Id) -> Result<Option<Comment>> {
    let sql = format!("SELECT {COLS} FROM comments WHERE id = ?1 AND map_id = ?2");
    Ok(conn
        .row_cached(
            &sql,
            params![id.to_string(), map_id.to_string()],
            comment_from,
        )
        .optional()?)
}

pub(crate) fn of_map(conn: &Connection, map_id: Id) -> Result<Vec<Comment>> {
    query(conn, "map_id", map_id)
}

/// Comments on a card or a stage (`column` is "card_id" or "stage_id"), or the replies of a
/// thread ("reply_to"), oldest first: what deleting it takes along, to bring back on undo.
pub(crate) fn query(conn: &Connection, column: &str, id: Id) -> Result<Vec<Comment>> {
    // `column` is chosen by our code, never by input.
    let sql = format!("SELECT {COLS} FROM comments WHERE {column} = ?1 {ORDER}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([id.to_string()], comment_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert(conn: &Connection, map_id: Id, c: &Comment) -> Result<()> {
    let (card, stage) = match c.on {
        CommentOn::Card(id) => (Some(id.to_string()), None),
        CommentOn::Stage(id) => (None, Some(id.to_string())),
    };
    conn.exec_cached(
        "INSERT INTO comments (id, map_id, card_id, stage_id, reply_to, author, text, created_at,
                               resolved)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            c.id.to_string(),
            map_id.to_string(),
            card,
            stage,
            c.reply_to.map(|r| r.to_string()),
            c.author,
            c.text,
            c.created_at,
            c.resolved
        ],
    )?;
    Ok(())
}

pub(crate) fn set_text(conn: &Connection, id: Id, text: &str) -> Result<()> {
    conn.exec_cached(
        "UPDATE comments SET text = ?1 WHERE id = ?2",
        params![text, id.to_string()],
    )?;
    Ok(())
}

pub(crate) fn set_resolved(conn: &Connection, id: Id, resolved: bool) -> Result<()> {
    conn.exec_cached(
        "UPDATE comments SET resolved = ?1 WHERE id = ?2",
        params![resolved, id.to_string()],
    )?;
    Ok(())
}
