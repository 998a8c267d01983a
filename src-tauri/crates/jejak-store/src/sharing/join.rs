//! Maps found in a shared folder: listed for the user to pick, and added to the library from their
//! logs (the union of every laptop's file, replayed in stamp order, as a merge would).

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use jejak_core::sharing::SharedMap;
use jejak_core::sync::Clock;
use jejak_core::{now_millis, Id, MapSummary, Op, Problem};
use rusqlite::params;

use super::folder::{self, Line};
use super::logfile::{self, FileRead, Mark};
use super::{make_map_dir, records, usable_folder};
use crate::changes::{self, Change};
use crate::merge::{self, Options, Sides};
use crate::{maps, Library, Result, StoreError};

/// Everything the folder holds of one map.
struct Found {
    files: Vec<FileRead>,
    changes: Vec<Change>,
}

impl Found {
    fn read(folder: &Path, map_id: Id) -> Result<Found> {
        let dir = folder::map_dir(folder, map_id);
        let io = |e: std::io::Error| StoreError::file(&dir, &e);
        let mut files = Vec::new();
        for (name, _) in folder::log_files(&dir).map_err(io)? {
            // A piece at a time (a file may be large), until nothing more is whole.
            let mut mark = Mark::default();
            let mut whole = FileRead::default();
            loop {
                let read =
                    logfile::read_after(&dir.join(&name), &name, map_id, &mark).map_err(io)?;
                let done = read.mark.read_to == mark.read_to || read.issue.is_some();
                whole.name = read.name;
                whole.device = read.device;
                whole.lines.extend(read.lines);
                whole.issue = read.issue.or(whole.issue);
                mark = read.mark;
                if done {
                    break;
                }
            }
            files.push(whole);
        }
        let mut seen = HashSet::new();
        let mut changes: Vec<Change> = files
            .iter()
            .flat_map(|f| f.lines.iter())
            .filter_map(|line| match line {
                Line::Change(w) => Some(Change::from(w.clone())),
                Line::Hello(_) => None,
            })
            .filter(|c| seen.insert(c.id))
            .collect();
        changes.sort_by(|a, b| a.stamp.cmp(&b.stamp));
        Ok(Found { files, changes })
    }

    /// The change that made the map, once its file has arrived whole.
    fn genesis(&self) -> Option<&Change> {
        self.changes
            .iter()
            .find(|c| c.device.is_empty() && c.stamp.contains("-genesis."))
    }

    /// The title the newest rename gave the map.
    fn title(&self) -> Option<String> {
        self.changes.iter().rev().find_map(|c| {
            c.ops.iter().rev().find_map(|op| match op {
                Op::RenameMap { title } => Some(title.clone()),
                _ => None,
            })
        })
    }

    fn editors(&self) -> Vec<String> {
        let mut names = BTreeSet::new();
        for file in &self.files {
            for line in &file.lines {
                let name = match line {
                    Line::Hello(h) => &h.name,
                    Line::Change(c) => &c.author,
                };
                if !name.trim().is_empty() {
                    names.insert(name.trim().to_owned());
                }
            }
        }
        names.into_iter().collect()
    }

    fn last_edit_at(&self) -> i64 {
        self.changes
            .last()
            .and_then(|c| Clock::of_stamp(&c.stamp))
            .map_or(0, |c| c.ms)
    }
}

impl Library {
    /// The maps shared in `folder` that can be added: those whose first change has arrived.
    pub fn maps_in_folder(&self, folder: &Path) -> Result<Vec<SharedMap>> {
        let folder = usable_folder(folder, self.path())?;
        let ids = folder::maps_in(&folder).map_err(|e| StoreError::file(&folder, &e))?;
        let mut out = Vec::new();
        for map_id in ids {
            let found = Found::read(&folder, map_id)?;
            if found.genesis().is_none() {
                continue;
            }
            out.push(SharedMap {
                map_id,
                title: found.title().unwrap_or_default(),
                editors: found.editors(),
                last_edit_at: found.last_edit_at(),
                in_library: self.has_map(map_id)?,
            });
        }
        out.sort_by_key(|m| std::cmp::Reverse(m.last_edit_at));
        Ok(out)
    }

    /// Adds map `map_id` of `folder` to the library and shares it through the folder from now on.
    /// A map the library has already is shared and merged with the folder's edits.
    pub fn add_shared_map(&mut self, folder: &Path, map_id: Id) -> Result<MapSummary> {
        if self.has_map(map_id)? {
            // Its next round merges the two (the app's rounds run in the background: never a
            // second writer of this laptop's file here).
            let already = super::records::get(self.conn()?, map_id)?.is_some_and(|s| {
                dunce::canonicalize(folder).is_ok_and(|f| std::path::Path::new(&s.folder) == f)
            });
            if !already {
                self.share_map(map_id, folder)?;
            }
            return maps::summary(self.conn()?, map_id);
        }
        let folder = usable_folder(folder, self.path())?;
        let found = Found::read(&folder, map_id)?;
        let no_map = || StoreError::File {
            problem: Problem::NoSharedMaps,
            detail: format!("{} holds no whole map {map_id}", folder.display()),
        };
        let genesis = found.genesis().ok_or_else(no_map)?;
        let created = Clock::of_stamp(&genesis.stamp).map_or(0, |c| c.ms);
        let title = found
            .title()
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(no_map)?;
        make_map_dir(&folder, map_id)?;
        let text = folder.to_string_lossy().into_owned();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO maps (id, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)",
                params![map_id.to_string(), title, created, now_millis()],
            )?;
            let options = Options {
                snapshot: false,
                undo_step: false,
                strict: false,
                fresh: true,
            };
            merge::merge(tx, map_id, &found.changes, Sides::Folder, &options)?;
            changes::device(tx)?;
            records::start(tx, map_id, &text, now_millis())?;
            let ids: Vec<Id> = found.changes.iter().map(|c| c.id).collect();
            changes::mark_shared(tx, map_id, &ids)
        })?;
        // Reads the files again as a round would: every change is here, but the laptops that
        // wrote them are noted, and where each file was read to. (The map was not shared before
        // this call, so no round of the app's is writing its file meanwhile.)
        self.sync_map(map_id)?;
        maps::summary(self.conn()?, map_id)
    }

    /// Adds every map of `folder` the library does not have yet, and shares them (the command
    /// line's `sync --folder`).
    pub fn add_shared_maps(&mut self, folder: &Path) -> Result<Vec<MapSummary>> {
        let mut out = Vec::new();
        for found in self.maps_in_folder(folder)? {
            if !found.in_library {
                out.push(self.add_shared_map(folder, found.map_id)?);
            }
        }
        Ok(out)
    }
}
