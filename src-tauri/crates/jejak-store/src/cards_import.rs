//! Cards from a CSV into a map: checked first (how many cards, which stages and lanes would be
//! new), then written as one undo step after a snapshot, or not at all.

use jejak_core::cards_csv::{self, CardsImport, CardsSummary};
use jejak_core::snapshot::SnapshotReason;
use jejak_core::{Id, Patch, Problem};

use crate::library::Library;
use crate::{history, snapshots, Result, StoreError};

impl Library {
    /// What importing `csv_text` into map `map_id` would do; writes nothing.
    pub fn check_cards_csv(
        &self,
        map_id: Id,
        csv_text: &str,
        spec: &CardsImport,
    ) -> Result<CardsSummary> {
        let doc = self.load_map(map_id)?;
        let plan = cards_csv::plan(&doc, csv_text, spec).map_err(StoreError::Rejected)?;
        Ok(plan.summary)
    }

    /// Adds the file's rows as cards, in one undo step after a snapshot. Refused without writing
    /// when any row is bad, or when stages or lanes would be created and `spec.create_missing`
    /// is not set.
    pub fn import_cards_csv(
        &mut self,
        map_id: Id,
        csv_text: &str,
        spec: &CardsImport,
    ) -> Result<(Patch, CardsSummary)> {
        let doc = self.load_map(map_id)?;
        let plan = cards_csv::plan(&doc, csv_text, spec).map_err(StoreError::Rejected)?;
        let s = &plan.summary;
        let creates = !s.new_stages.is_empty() || !s.new_lanes.is_empty();
        if creates && !spec.create_missing {
            return Err(StoreError::Rejected(vec![Problem::CsvNewAxes {
                stages: u32::try_from(s.new_stages.len()).unwrap_or(u32::MAX),
                lanes: u32::try_from(s.new_lanes.len()).unwrap_or(u32::MAX),
            }]));
        }
        if plan.ops.is_empty() {
            let patch = Patch {
                history: doc.history,
                ..Patch::default()
            };
            return Ok((patch, plan.summary));
        }
        let patch = self.write(|tx| {
            snapshots::take(tx, map_id, "", SnapshotReason::Bulk)?;
            history::record_group(tx, map_id, &plan.ops, None)
        })?;
        Ok((patch, plan.summary))
    }
}
