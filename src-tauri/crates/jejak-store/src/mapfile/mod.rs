//! Map files: one map of a library, with its personas, photos, scores and edit history, as a
//! Jejak file of the same schema (a library that holds just that map). A map leaves the laptop
//! as one; opening one adds its map to the library — as it is when the library does not have it,
//! as a copy with new ids, or in place of the library's version. A whole library file is read the
//! same way, so its maps can be picked and brought over to a new laptop, and so is a map saved
//! as JSON (docs/map-json.md) or a Mermaid journey, which have no edit history.
//!
//! A file is read only after the same full check that judges a library, on a private copy; the
//! file itself is never written to. An import is one transaction: it lands whole or not at all.

mod copy;
mod write;

use std::io::Read;
use std::path::Path;

use jejak_core::snapshot::SnapshotReason;
use jejak_core::{mapjson, mermaid, Id, MapDoc, MapSummary};

use crate::error::{OpenError, OpenErrorKind};
use crate::open::{checked_copy, CheckedCopy};
use crate::{maps, snapshots, Library, Result, StoreError};

use copy::{history_of, write_map, HistoryRow, Renames};
pub(crate) use write::text_file;

/// A map file, a whole library file or a map JSON file, opened to import from.
pub struct MapFile {
    source: Source,
    maps: Vec<MapSummary>,
}

enum Source {
    Jejak(CheckedCopy),
    Json(Box<MapDoc>),
}

impl MapFile {
    /// Reads a file chosen by the user. Anything that is not a healthy Jejak file (or map JSON)
    /// of this or an older version is refused, as a library would be, and left untouched.
    pub fn open(path: &Path) -> std::result::Result<MapFile, OpenError> {
        if let Some(format) = text_format(path) {
            let doc = read_text(path, format)?;
            let summary = summary_of(&doc);
            return Ok(MapFile {
                source: Source::Json(Box::new(doc)),
                maps: vec![summary],
            });
        }
        let file = checked_copy(path)?;
        let maps = maps::list(&file.conn, "", false)
            .map_err(|e| OpenError::damaged(path, e.to_string()))?;
        Ok(MapFile {
            source: Source::Jejak(file),
            maps,
        })
    }

    /// The maps in the file (not those in its trash), by title.
    pub fn maps(&self) -> &[MapSummary] {
        &self.maps
    }

    /// Whether the file's maps carry their edit log, so they can be merged (map JSON does not).
    pub fn can_merge(&self) -> bool {
        matches!(self.source, Source::Jejak(_))
    }

    /// The change log of map `map_id` in the file, to merge.
    pub(crate) fn changes(&self, map_id: Id) -> Result<Vec<crate::changes::Change>> {
        match &self.source {
            Source::Jejak(file) => {
                maps::summary(&file.conn, map_id)?;
                crate::changes::shared_by(&file.conn, map_id)
            }
            Source::Json(_) => Err(StoreError::Conflict(
                "a map JSON file has no edit history to merge".into(),
            )),
        }
    }

    /// Brings the file's log of map `map_id` along with the map (a JSON file has none).
    fn copy_log(&self, to: &rusqlite::Connection, map_id: Id) -> Result<()> {
        match &self.source {
            Source::Jejak(file) => crate::changes::copy_log(&file.conn, to, map_id),
            Source::Json(_) => Ok(()),
        }
    }

    fn map(&self, map_id: Id) -> Result<(MapDoc, Vec<HistoryRow>)> {
        match &self.source {
            Source::Jejak(file) => Ok((
                maps::load(&file.conn, map_id)?,
                history_of(&file.conn, map_id)?,
            )),
            Source::Json(doc) if doc.map.id == map_id => Ok((doc.as_ref().clone(), Vec::new())),
            Source::Json(_) => Err(StoreError::not_found("map", map_id)),
        }
    }
}

#[derive(Clone, Copy)]
enum TextFormat {
    Json,
    Mermaid,
}

/// JSON starts with `{` (after an optional byte-order mark and spaces); a Mermaid journey is
/// named `.mmd` or starts with `journey`, a comment or front matter. A Jejak file does neither.
fn text_format(path: &Path) -> Option<TextFormat> {
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .ok()?;
    let head = &head[..n];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &head[i..]);
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    if start.starts_with(b"{") {
        Some(TextFormat::Json)
    } else if matches!(ext.as_deref(), Some("mmd" | "mermaid"))
        || [&b"journey"[..], b"%%", b"---"]
            .iter()
            .any(|p| start.starts_with(p))
    {
        Some(TextFormat::Mermaid)
    } else {
        None
    }
}

fn read_text(path: &Path, format: TextFormat) -> std::result::Result<MapDoc, OpenError> {
    let size = std::fs::metadata(path)
        .map_err(|e| OpenError::io(path, e))?
        .len();
    if usize::try_from(size).map_or(true, |n| n > mapjson::MAX_BYTES) {
        let max_mb = u32::try_from(mapjson::MAX_BYTES >> 20).unwrap_or(u32::MAX);
        let problem = jejak_core::Problem::FileTooLarge { max_mb };
        return Err(OpenError::new(
            OpenErrorKind::Corrupt,
            problem,
            path,
            format!("{size} bytes"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| OpenError::io(path, e))?;
    let read = match format {
        TextFormat::Json => mapjson::read(&bytes).map_err(|r| (r.problem, r.detail)),
        TextFormat::Mermaid => match std::str::from_utf8(&bytes) {
            Ok(text) => mermaid::read(text).map_err(|r| (r.problem, r.detail)),
            // The JSON reader says on which line the bad bytes are.
            Err(_) => mapjson::read(&bytes).map_err(|r| (r.problem, r.detail)),
        },
    };
    read.map_err(|(problem, detail)| {
        let kind = match problem {
            jejak_core::Problem::LibraryNotSqlite => OpenErrorKind::NotSqlite,
            jejak_core::Problem::LibraryNewer { .. } => OpenErrorKind::Newer,
            _ => OpenErrorKind::Corrupt,
        };
        OpenError::new(kind, problem, path, detail)
    })
}

fn summary_of(doc: &MapDoc) -> MapSummary {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    MapSummary {
        id: doc.map.id,
        title: doc.map.title.clone(),
        created_at: doc.map.created_at,
        updated_at: doc.map.updated_at,
        deleted_at: None,
        stage_count: count(doc.stages.len()),
        card_count: count(doc.cards.len()),
        found_in_card: None,
    }
}

/// A map keeping its ids must not take an id another map of the library has (a hand-edited or
/// copied file); refused before anything is written, rather than failing on a constraint.
fn refuse_ids_of_other_maps(conn: &rusqlite::Connection, doc: &MapDoc) -> Result<()> {
    let map = doc.map.id.to_string();
    let ids = [
        (
            "stages",
            doc.stages.iter().map(|s| s.id).collect::<Vec<_>>(),
        ),
        ("lanes", doc.lanes.iter().map(|l| l.id).collect()),
        ("cards", doc.cards.iter().map(|c| c.id).collect()),
        ("personas", doc.personas.iter().map(|p| p.id).collect()),
        ("comments", doc.comments.iter().map(|c| c.id).collect()),
    ];
    for (table, ids) in ids {
        let sql = format!("SELECT 1 FROM {table} WHERE id = ?1 AND map_id != ?2");
        let mut stmt = conn.prepare_cached(&sql)?;
        for id in ids {
            if stmt.exists(rusqlite::params![id.to_string(), map])? {
                return Err(StoreError::Conflict(format!(
                    "{table} id {id} belongs to another map of the library"
                )));
            }
        }
    }
    Ok(())
}

/// Writes `doc` alone (no history) as a map file at `dest`.
pub(crate) fn write_doc(doc: &MapDoc, dest: &Path) -> Result<()> {
    write::map_file(dest, |out| {
        write_map(out, doc, &[], &Renames::none(), &doc.map.title).map(|_| ())
    })
}

/// How a map from a file comes into the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportAs {
    /// The library does not have this map: it comes in as it is (same ids, its history).
    New,
    /// Beside the library's own version: new ids throughout, under this title.
    Copy { title: String },
    /// In place of the library's version of the same map (ids kept). The library's version is
    /// kept in a snapshot first, and the map's snapshots stay.
    Replace,
}

impl Library {
    /// Writes map `map_id` as a map file at `dest` (replacing a file there only once the new one
    /// is complete and on disk).
    pub fn export_map_file(&self, map_id: Id, dest: &Path) -> Result<()> {
        let conn = self.conn()?;
        let doc = maps::load(conn, map_id)?;
        let history = history_of(conn, map_id)?;
        write::map_file(dest, |out| {
            write_map(out, &doc, &history, &Renames::none(), &doc.map.title)?;
            crate::changes::copy_log(conn, out, map_id)
        })
    }

    /// Writes map `map_id` as map JSON at `dest`, the same way.
    pub fn export_map_json(&self, map_id: Id, dest: &Path) -> Result<()> {
        let doc = maps::load(self.conn()?, map_id)?;
        text_file(dest, mapjson::write(&doc).as_bytes())
    }

    /// Writes map `map_id` as a Mermaid journey at `dest`, scored by persona `by` (default: the
    /// map's first persona).
    pub fn export_mermaid(&self, map_id: Id, dest: &Path, by: Option<Id>) -> Result<()> {
        let doc = maps::load(self.conn()?, map_id)?;
        text_file(dest, mermaid::write(&doc, by).as_bytes())
    }

    /// Writes map `map_id`'s touchpoint inventory as CSV at `dest` (headers in `locale`).
    pub fn export_inventory_csv(
        &self,
        map_id: Id,
        dest: &Path,
        locale: jejak_core::templates::Locale,
    ) -> Result<()> {
        let doc = maps::load(self.conn()?, map_id)?;
        text_file(dest, &jejak_core::inventory_csv::write(&doc, locale))
    }

    /// Writes map `map_id` as one self-contained HTML page at `dest` (worded in `locale`, dated
    /// `now_ms`) that opens offline in any browser.
    pub fn export_html(
        &self,
        map_id: Id,
        dest: &Path,
        locale: jejak_core::templates::Locale,
        now_ms: i64,
    ) -> Result<()> {
        let doc = maps::load(self.conn()?, map_id)?;
        // Rendering only fails when a value cannot be displayed; none of the page's can.
        let page = jejak_html::page(&doc, locale, now_ms)
            .map_err(|e| StoreError::Conflict(format!("the page could not be written: {e}")))?;
        text_file(dest, page.as_bytes())
    }

    /// Whether the library already has a map with this id (in its trash too).
    pub fn has_map(&self, map_id: Id) -> Result<bool> {
        match maps::summary(self.conn()?, map_id) {
            Ok(_) => Ok(true),
            Err(StoreError::NotFound { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Brings map `map_id` of `file` into the library, in one transaction. `ImportAs::New` is
    /// refused when the library has the map already: the user chooses a copy or a replace.
    pub fn import_map(&mut self, file: &MapFile, map_id: Id, how: ImportAs) -> Result<MapSummary> {
        let (doc, history) = file.map(map_id)?;
        let exists = self.has_map(map_id)?;
        let (renames, title) = match &how {
            ImportAs::New if exists => {
                return Err(StoreError::Conflict(format!(
                    "the library already has map {map_id}"
                )))
            }
            ImportAs::Copy { title } => (Renames::fresh(&doc, &history)?, title.clone()),
            ImportAs::New | ImportAs::Replace => (Renames::none(), doc.map.title.clone()),
        };
        self.write(|tx| {
            if !matches!(how, ImportAs::Copy { .. }) {
                refuse_ids_of_other_maps(tx, &doc)?;
            }
            if how == ImportAs::Replace && exists {
                snapshots::take(tx, map_id, "", SnapshotReason::Replace)?;
                // Everything of the map goes with it (foreign keys cascade), history included;
                // its snapshots are put back.
                return snapshots::kept_across(tx, map_id, || {
                    crate::rows::delete_where(tx, "maps", "id", map_id)?;
                    let id = write_map(tx, &doc, &history, &renames, &title)?;
                    file.copy_log(tx, map_id)?;
                    maps::summary(tx, id)
                });
            }
            let id = write_map(tx, &doc, &history, &renames, &title)?;
            if !matches!(how, ImportAs::Copy { .. }) {
                file.copy_log(tx, map_id)?;
            }
            maps::summary(tx, id)
        })
    }
}
