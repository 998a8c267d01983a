//! Rows kept in order by a rank among their siblings (stages and lanes of a map, personas of a
//! map, cards of a cell): where a new or moved row goes.

use jejak_core::{rank, Id, Place};
use rusqlite::Connection;

use crate::rows;
use crate::{Result, StoreError};

/// The rank an item gets among `siblings` (sorted by rank), ignoring the item itself.
pub(super) fn resolve_place(siblings: &[(Id, String)], place: &Place, this: Id) -> Result<String> {
    let others: Vec<&(Id, String)> = siblings.iter().filter(|(id, _)| *id != this).collect();
    match place {
        Place::End => Ok(rank::between(others.last().map(|(_, r)| r.as_str()), None)?),
        Place::Before(target) => {
            let pos = others
                .iter()
                .position(|(id, _)| id == target)
                .ok_or_else(|| StoreError::not_found("item to place before", target))?;
            let lower = pos
                .checked_sub(1)
                .and_then(|p| others.get(p))
                .map(|(_, r)| r.as_str());
            let upper = others.get(pos).map(|(_, r)| r.as_str());
            Ok(rank::between(lower, upper)?)
        }
        Place::Rank(r) => {
            rank::parse(r)?;
            if others.iter().any(|(_, other)| other == r) {
                return Err(StoreError::Conflict(format!("rank {r} is already taken")));
            }
            Ok(r.clone())
        }
    }
}

/// A row of a table ranked per map (stages, lanes, personas).
#[derive(Clone, Copy)]
pub(super) struct MapRow<'a> {
    pub table: &'a str,
    pub map_id: Id,
    pub id: Id,
}

/// The rank `row` gets at `place` among the map's rows of its table.
fn rank_in_map(conn: &Connection, row: MapRow, place: &Place) -> Result<String> {
    resolve_place(
        &rows::axis_ranks(conn, row.table, row.map_id)?,
        place,
        row.id,
    )
}

/// The rank a new row gets in its map; refuses a taken id.
pub(super) fn place_new(conn: &Connection, row: MapRow, place: &Place) -> Result<String> {
    if rows::id_exists(conn, row.table, row.id)? {
        return Err(StoreError::Conflict(format!(
            "id {} already exists",
            row.id
        )));
    }
    rank_in_map(conn, row, place)
}

/// Moves a row to `place` among the map's rows; returns its new rank.
pub(super) fn move_row(conn: &Connection, row: MapRow, place: &Place) -> Result<String> {
    let rank = rank_in_map(conn, row, place)?;
    rows::set_rank(conn, row.table, row.id, &rank)?;
    Ok(rank)
}
