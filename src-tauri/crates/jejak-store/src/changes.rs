//! The map's change log (schema 8): every change of a map, in stamp order, the same on every
//! laptop that has it. A map's rows are always what replaying its log in stamp order gives, so
//! two copies merge by taking the union of their logs (see `merge`).
//!
//! A map with no log yet (made before schema 8, or never edited) gets a first change that creates
//! it as it is — its genesis — before its first logged change. The genesis of a state is always
//! the same change (its id comes from the content), so two laptops that upgraded the same map
//! agree on it without talking.

use std::collections::{BTreeMap, HashMap};

use jejak_core::sync::Clock;
use jejak_core::{now_millis, Id, MapDoc, Op};
use rusqlite::{params, Connection, OptionalExtension};

use crate::cached::Cached;
use crate::{maps, settings, snapshots};
use crate::{Result, StoreError};

const DEVICE_KEY: &str = "device.id";
const CLOCK_KEY: &str = "sync.clock";
const AUTHOR_KEY: &str = "user.name";

/// One change: a group of ops (one undo step, an undo or a redo) made on one laptop.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Change {
    pub id: Id,
    pub stamp: String,
    pub device: String,
    pub author: String,
    pub ops: Vec<Op>,
    /// The ops that undid it where it was made: what it replaced or deleted there.
    pub inverse: Vec<Op>,
    /// What its maker had seen: the newest stamp of each laptop's changes there (`None`: not
    /// known, a change made before schema 9).
    pub seen: Option<BTreeMap<String, String>>,
}

/// A change as this library keeps it, with the ops that undo it here.
pub(crate) struct Logged {
    pub change: Change,
    pub undo: Vec<Op>,
}

/// This library's device id, made on first use.
pub(crate) fn device(conn: &Connection) -> Result<String> {
    if let Some(id) = settings::get(conn, DEVICE_KEY)? {
        return Ok(id);
    }
    let id = jejak_core::new_id().to_string();
    settings::set(conn, DEVICE_KEY, &id)?;
    Ok(id)
}

/// This library's device id, when it has one yet.
pub(crate) fn device_id(conn: &Connection) -> Result<Option<String>> {
    settings::get(conn, DEVICE_KEY)
}

fn clock(conn: &Connection) -> Result<Clock> {
    Ok(settings::get(conn, CLOCK_KEY)?
        .and_then(|text| Clock::from_setting(&text))
        .unwrap_or_default())
}

/// Moves the clock past a stamp received from elsewhere, so later local changes sort after it.
pub(crate) fn observe(conn: &Connection, stamp: &str) -> Result<()> {
    if let Some(seen) = Clock::of_stamp(stamp) {
        if seen > clock(conn)? {
            settings::set(conn, CLOCK_KEY, &seen.to_setting())?;
        }
    }
    Ok(())
}

/// The stamp for a new local change, later than every stamp this library has seen.
fn next_stamp(conn: &Connection, device: &str) -> Result<String> {
    let next = clock(conn)?.tick(now_millis());
    settings::set(conn, CLOCK_KEY, &next.to_setting())?;
    Ok(next.stamp(device))
}

/// Logs ops just applied here (an edit, an undo or a redo). Call [`ensure_genesis`] before
/// applying them.
pub(crate) fn record_local(
    conn: &Connection,
    map_id: Id,
    ops: &[Op],
    inverse: &[Op],
) -> Result<()> {
    let device = device(conn)?;
    let change = Change {
        id: jejak_core::new_id(),
        stamp: next_stamp(conn, &device)?,
        author: settings::get(conn, AUTHOR_KEY)?.unwrap_or_default(),
        device,
        ops: ops.to_vec(),
        inverse: inverse.to_vec(),
        seen: Some(known(conn, map_id)?),
    };
    insert(conn, map_id, &change, None)
}

/// Gives the map its genesis when it has no log yet. Call before a change is applied.
pub(crate) fn ensure_genesis(conn: &Connection, map_id: Id) -> Result<()> {
    let logged: bool = conn.row_cached(
        "SELECT EXISTS(SELECT 1 FROM changes WHERE map_id = ?1)",
        [map_id.to_string()],
        |r| r.get(0),
    )?;
    if !logged {
        let genesis = genesis(&maps::load(conn, map_id)?)?;
        insert(conn, map_id, &genesis, None)?;
    }
    Ok(())
}

/// The change that creates `doc` from nothing: ordered before every other change of the map
/// (stamped at the map's creation), with an id from its content.
pub(crate) fn genesis(doc: &MapDoc) -> Result<Change> {
    let empty = MapDoc {
        map: doc.map.clone(),
        stages: Vec::new(),
        lanes: Vec::new(),
        cards: Vec::new(),
        personas: Vec::new(),
        emotions: Vec::new(),
        comments: Vec::new(),
        history: doc.history,
    };
    let title = Op::RenameMap {
        title: doc.map.title.clone(),
    };
    let mut ops = vec![title.clone()];
    ops.extend(snapshots::restore_ops(&empty, doc));
    let mut inverse = snapshots::restore_ops(doc, &empty);
    inverse.push(title);
    let mut seed = doc.map.id.as_bytes().to_vec();
    seed.extend(to_json(&ops)?.as_bytes());
    let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, &seed);
    let clock = Clock {
        ms: doc.map.created_at,
        counter: 0,
    };
    Ok(Change {
        id,
        stamp: clock.stamp(&format!("genesis.{id}")),
        device: String::new(),
        author: String::new(),
        ops,
        inverse,
        seen: None,
    })
}

/// Adds a change to the map's log; `undo` when this library undoes it differently from where it
/// was made (a merge replayed it).
pub(crate) fn insert(
    conn: &Connection,
    map_id: Id,
    change: &Change,
    undo: Option<&[Op]>,
) -> Result<()> {
    if Clock::of_stamp(&change.stamp).is_none() {
        return Err(StoreError::Corrupt(format!(
            "change {} has a bad stamp",
            change.id
        )));
    }
    let undo = undo.map(to_json).transpose()?;
    let seen = change
        .seen
        .as_ref()
        .map(|s| serde_json::to_string(s).unwrap_or_default());
    conn.exec_cached(
        "INSERT INTO changes (id, map_id, stamp, device, author, ops, inverse, undo, seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            change.id.to_string(),
            map_id.to_string(),
            change.stamp,
            change.device,
            change.author,
            to_json(&change.ops)?,
            to_json(&change.inverse)?,
            undo,
            seen
        ],
    )?;
    if !change.device.is_empty() {
        conn.exec_cached(
            "INSERT INTO known_stamps (map_id, device, stamp) VALUES (?1, ?2, ?3)
             ON CONFLICT(map_id, device) DO UPDATE SET stamp = max(stamp, excluded.stamp)",
            params![map_id.to_string(), change.device, change.stamp],
        )?;
    }
    Ok(())
}

/// Whether the map's log holds changes made on another laptop (shared, or merged from a file).
pub(crate) fn has_others(conn: &Connection, map_id: Id) -> Result<bool> {
    let here = device_id(conn)?.unwrap_or_default();
    Ok(conn.row_cached(
        "SELECT EXISTS(SELECT 1 FROM known_stamps WHERE map_id = ?1 AND device != ?2)",
        params![map_id.to_string(), here],
        |r| r.get(0),
    )?)
}

/// The newest stamp of each laptop's changes the library has of the map (what a change made
/// now has seen).
pub(crate) fn known(conn: &Connection, map_id: Id) -> Result<BTreeMap<String, String>> {
    let mut stmt =
        conn.prepare_cached("SELECT device, stamp FROM known_stamps WHERE map_id = ?1")?;
    let rows = stmt.query_map([map_id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The stamp of the map's first change by `device` after `after`.
pub(crate) fn first_after(
    conn: &Connection,
    map_id: Id,
    device: &str,
    after: &str,
) -> Result<Option<String>> {
    Ok(conn.row_cached(
        "SELECT min(stamp) FROM changes WHERE map_id = ?1 AND device = ?2 AND stamp > ?3",
        params![map_id.to_string(), device, after],
        |r| r.get(0),
    )?)
}

/// Records how this library undoes a change after a merge replayed it.
pub(crate) fn set_undo(conn: &Connection, id: Id, undo: &[Op]) -> Result<()> {
    conn.exec_cached(
        "UPDATE changes SET undo = ?1 WHERE id = ?2",
        params![to_json(undo)?, id.to_string()],
    )?;
    Ok(())
}

/// The map's log in stamp order; with `from`, only the changes stamped at or after it.
pub(crate) fn of_map(conn: &Connection, map_id: Id, from: Option<&str>) -> Result<Vec<Logged>> {
    logged_where(conn, map_id, "stamp >= ?2", from.unwrap_or(""))
}

/// The map's changes that meet `condition` (which may use `?2`, bound to `arg`), in stamp order.
fn logged_where(conn: &Connection, map_id: Id, condition: &str, arg: &str) -> Result<Vec<Logged>> {
    let sql = format!(
        "SELECT id, stamp, device, author, ops, inverse, undo, seen FROM changes
         WHERE map_id = ?1 AND {condition} AND ?2 IS NOT NULL ORDER BY stamp"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![map_id.to_string(), arg], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<String>>(7)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, stamp, device, author, ops, inverse, undo, seen) = row?;
        let id = Id::parse_str(&id)
            .map_err(|_| StoreError::Corrupt(format!("change id {id} is not an id")))?;
        let inverse = from_json(&inverse)?;
        let undo = match undo {
            Some(text) => from_json(&text)?,
            None => inverse.clone(),
        };
        out.push(Logged {
            change: Change {
                id,
                stamp,
                device,
                author,
                ops: from_json(&ops)?,
                inverse,
                seen: seen.and_then(|text| serde_json::from_str(&text).ok()),
            },
            undo,
        });
    }
    Ok(out)
}

/// Takes a change out of the log (one a merge could not apply), and out of what the library
/// knows it has seen.
pub(crate) fn remove(conn: &Connection, id: Id) -> Result<()> {
    let of: Option<(String, String)> = conn
        .row_cached(
            "SELECT map_id, device FROM changes WHERE id = ?1",
            [id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    conn.exec_cached("DELETE FROM changes WHERE id = ?1", [id.to_string()])?;
    if let Some((map_id, device)) = of {
        conn.exec_cached(
            "DELETE FROM known_stamps WHERE map_id = ?1 AND device = ?2",
            params![map_id, device],
        )?;
        conn.exec_cached(
            "INSERT INTO known_stamps (map_id, device, stamp)
             SELECT map_id, device, max(stamp) FROM changes
             WHERE map_id = ?1 AND device = ?2 AND device != '' GROUP BY map_id, device",
            params![map_id, device],
        )?;
    }
    Ok(())
}

/// The map's changes not yet in its shared folder, in stamp order.
pub(crate) fn unshared(conn: &Connection, map_id: Id) -> Result<Vec<Change>> {
    Ok(logged_where(conn, map_id, "shared = 0", "")?
        .into_iter()
        .map(|l| l.change)
        .collect())
}

/// How many of the map's changes are not yet in its shared folder.
pub(crate) fn unshared_count(conn: &Connection, map_id: Id) -> Result<u32> {
    let n: i64 = conn.row_cached(
        "SELECT count(*) FROM changes WHERE map_id = ?1 AND shared = 0",
        [map_id.to_string()],
        |r| r.get(0),
    )?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Notes that these changes are in the map's shared folder (written there or read from it).
pub(crate) fn mark_shared(conn: &Connection, map_id: Id, ids: &[Id]) -> Result<()> {
    for id in ids {
        conn.exec_cached(
            "UPDATE changes SET shared = 1 WHERE id = ?1 AND map_id = ?2",
            params![id.to_string(), map_id.to_string()],
        )?;
    }
    Ok(())
}

/// The id and stamp of every change in the map's log.
pub(crate) fn stamps_of(conn: &Connection, map_id: Id) -> Result<HashMap<Id, String>> {
    let mut stmt = conn.prepare_cached("SELECT id, stamp FROM changes WHERE map_id = ?1")?;
    let rows = stmt.query_map([map_id.to_string()], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, stamp) = row?;
        if let Ok(id) = Id::parse_str(&id) {
            out.insert(id, stamp);
        }
    }
    Ok(out)
}

/// The changes of map `map_id` in another database (a map file), with its genesis when it has
/// no log (a file from before schema 8).
pub(crate) fn shared_by(conn: &Connection, map_id: Id) -> Result<Vec<Change>> {
    let logged: Vec<Change> = of_map(conn, map_id, None)?
        .into_iter()
        .map(|l| l.change)
        .collect();
    if logged.is_empty() {
        return Ok(vec![genesis(&maps::load(conn, map_id)?)?]);
    }
    Ok(logged)
}

/// Copies the map's log, as this database undoes it, into another database (a map file out, or
/// a map coming in as it is). A map without a log gets its genesis there when first edited.
pub(crate) fn copy_log(from: &Connection, to: &Connection, map_id: Id) -> Result<()> {
    for logged in of_map(from, map_id, None)? {
        let undo = (logged.undo != logged.change.inverse).then_some(logged.undo.as_slice());
        insert(to, map_id, &logged.change, undo)?;
    }
    Ok(())
}

pub(crate) fn to_json(ops: &[Op]) -> Result<String> {
    serde_json::to_string(ops).map_err(|e| StoreError::Corrupt(format!("cannot encode ops: {e}")))
}

fn from_json(text: &str) -> Result<Vec<Op>> {
    serde_json::from_str(text)
        .map_err(|e| StoreError::Corrupt(format!("a change cannot be read: {e}")))
}
