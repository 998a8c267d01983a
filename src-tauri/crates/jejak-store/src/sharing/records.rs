//! What the library remembers of a map's sharing (schema 9): the folder, how far each file of it
//! has been read, and the other laptops seen there.

use std::collections::HashMap;

use jejak_core::sharing::{Peer, SyncIssue};
use jejak_core::Id;
use rusqlite::{params, Connection, OptionalExtension};

use super::logfile::Mark;
use crate::cached::Cached;
use crate::Result;

/// A map's sharing settings.
#[derive(Debug, Clone)]
pub(crate) struct Shared {
    pub folder: String,
    pub since: i64,
    /// The name this laptop last announced in its file.
    pub hello: Option<String>,
}

pub(crate) fn get(conn: &Connection, map_id: Id) -> Result<Option<Shared>> {
    Ok(conn
        .row_cached(
            "SELECT folder, since, hello FROM shared_maps WHERE map_id = ?1",
            [map_id.to_string()],
            |r| {
                Ok(Shared {
                    folder: r.get(0)?,
                    since: r.get(1)?,
                    hello: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Every shared map and its folder.
pub(crate) fn all(conn: &Connection) -> Result<Vec<(Id, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.map_id, s.folder FROM shared_maps s JOIN maps m ON m.id = s.map_id
         WHERE m.deleted_at IS NULL ORDER BY s.since",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, folder) = row?;
        if let Ok(id) = Id::parse_str(&id) {
            out.push((id, folder));
        }
    }
    Ok(out)
}

/// Starts sharing through `folder`, from scratch: everything the map has goes to the folder, and
/// every file there is read from its start.
pub(crate) fn start(conn: &Connection, map_id: Id, folder: &str, now: i64) -> Result<()> {
    stop(conn, map_id)?;
    conn.exec_cached(
        "INSERT INTO shared_maps (map_id, folder, since) VALUES (?1, ?2, ?3)",
        params![map_id.to_string(), folder, now],
    )?;
    unshare_all(conn, map_id)
}

pub(crate) fn stop(conn: &Connection, map_id: Id) -> Result<()> {
    for table in ["shared_maps", "shared_reads", "shared_peers"] {
        conn.exec_cached(
            &format!("DELETE FROM {table} WHERE map_id = ?1"),
            [map_id.to_string()],
        )?;
    }
    Ok(())
}

pub(crate) fn set_hello(conn: &Connection, map_id: Id, name: &str) -> Result<()> {
    conn.exec_cached(
        "UPDATE shared_maps SET hello = ?1 WHERE map_id = ?2",
        params![name, map_id.to_string()],
    )?;
    Ok(())
}

/// How far each file of the map's folder has been read.
pub(crate) fn marks(conn: &Connection, map_id: Id) -> Result<HashMap<String, Mark>> {
    let mut stmt = conn.prepare_cached(
        "SELECT file, header, read_to, seen_len FROM shared_reads WHERE map_id = ?1",
    )?;
    let rows = stmt.query_map([map_id.to_string()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Mark {
                header: r.get(1)?,
                read_to: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                seen_len: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn save_mark(
    conn: &Connection,
    map_id: Id,
    file: &str,
    mark: &Mark,
    issue: Option<&SyncIssue>,
) -> Result<()> {
    let issue = issue.and_then(|i| serde_json::to_string(i).ok());
    conn.exec_cached(
        "INSERT INTO shared_reads (map_id, file, header, read_to, seen_len, issue)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(map_id, file) DO UPDATE SET header = excluded.header,
             read_to = excluded.read_to, seen_len = excluded.seen_len, issue = excluded.issue",
        params![
            map_id.to_string(),
            file,
            mark.header,
            i64::try_from(mark.read_to).unwrap_or(i64::MAX),
            i64::try_from(mark.seen_len).unwrap_or(i64::MAX),
            issue
        ],
    )?;
    Ok(())
}

/// Forgets how far a file was read (this laptop's own, lost: it is written anew).
pub(crate) fn forget_mark(conn: &Connection, map_id: Id, file: &str) -> Result<()> {
    conn.exec_cached(
        "DELETE FROM shared_reads WHERE map_id = ?1 AND file = ?2",
        params![map_id.to_string(), file],
    )?;
    Ok(())
}

/// Every change of the map goes to the folder again, and the name is announced again (this
/// laptop's file was lost).
pub(crate) fn unshare_all(conn: &Connection, map_id: Id) -> Result<()> {
    conn.exec_cached(
        "UPDATE changes SET shared = 0 WHERE map_id = ?1",
        [map_id.to_string()],
    )?;
    conn.exec_cached(
        "UPDATE shared_maps SET hello = NULL WHERE map_id = ?1",
        [map_id.to_string()],
    )?;
    Ok(())
}

/// The issues of the map's files as last read.
pub(crate) fn file_issues(conn: &Connection, map_id: Id) -> Result<Vec<SyncIssue>> {
    let mut stmt = conn.prepare_cached(
        "SELECT issue FROM shared_reads WHERE map_id = ?1 AND issue IS NOT NULL ORDER BY file",
    )?;
    let rows = stmt.query_map([map_id.to_string()], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for text in rows {
        if let Ok(issue) = serde_json::from_str(&text?) {
            out.push(issue);
        }
    }
    Ok(out)
}

/// What arrived from one laptop in one round.
#[derive(Debug, Default)]
pub(crate) struct Arrival {
    pub name: Option<String>,
    /// When its newest edit was made.
    pub last_edit: Option<i64>,
    /// Edits new to this library.
    pub edits: u32,
    /// Edits of it were read (new or not: a map just added from the folder has them all).
    pub seen: bool,
}

/// Notes what arrived from laptop `device` (its name, its edits taken in at `now`).
pub(crate) fn note_peer(
    conn: &Connection,
    map_id: Id,
    device: &str,
    arrival: &Arrival,
    now: i64,
) -> Result<()> {
    let arrived = arrival.seen.then_some(now);
    conn.exec_cached(
        "INSERT INTO shared_peers (map_id, device, name, last_edit, arrived, edits)
         VALUES (?1, ?2, coalesce(?3, ''), ?4, ?5, ?6)
         ON CONFLICT(map_id, device) DO UPDATE SET
             name = coalesce(?3, name),
             last_edit = max(coalesce(last_edit, ?4), coalesce(?4, last_edit)),
             arrived = coalesce(?5, arrived),
             edits = edits + ?6",
        params![
            map_id.to_string(),
            device,
            arrival.name,
            arrival.last_edit,
            arrived,
            arrival.edits
        ],
    )?;
    Ok(())
}

/// The other laptops seen in the map's folder, the one that edited last first.
pub(crate) fn peers(conn: &Connection, map_id: Id) -> Result<Vec<Peer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT device, name, last_edit, arrived, edits FROM shared_peers WHERE map_id = ?1
         ORDER BY coalesce(last_edit, 0) DESC, name",
    )?;
    let rows = stmt.query_map([map_id.to_string()], |r| {
        Ok(Peer {
            device: r.get(0)?,
            name: r.get(1)?,
            last_edit_at: r.get(2)?,
            arrived_at: r.get(3)?,
            edits: u32::try_from(r.get::<_, i64>(4)?).unwrap_or(u32::MAX),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
