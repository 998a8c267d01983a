//! When a layout prints the text smaller than the reader's minimum (a big map fitted onto one
//! sheet, a poster at a small scale), the layouts that would keep it legible, with the number of
//! sheets each takes: the export dialog offers them.

use jejak_core::MapDoc;
use serde::Serialize;
use ts_rs::TS;

use super::board::Board;
use super::by_stage::plan_for;
use super::card::SMALLEST_PT;
use super::poster::sheet_count;
use super::Ctx;
use crate::options::{ExportOptions, Mode, MAX_POSTER_SCALE, MIN_POSTER_SCALE};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Proposal {
    pub mode: Mode,
    /// A poster's scale in percent (the current one for other layouts).
    pub poster_scale: f32,
    /// Sheets the map prints on (a poster's assembly key not counted).
    pub sheets: usize,
    /// The smallest text it prints, in points.
    pub text_pt: f32,
}

/// Slack so a size shown as 6.0 pt is not called smaller than 6 pt.
const ROUNDING: f32 = 0.01;

pub fn proposals(
    ctx: &Ctx,
    doc: &MapDoc,
    board: &Board,
    options: &ExportOptions,
    text_pt: f32,
) -> Vec<Proposal> {
    let min = options.min_text_pt;
    if text_pt >= min - ROUNDING || doc.stages.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if options.mode != Mode::ByStage {
        let plan = plan_for(ctx, doc, board, options);
        let smallest = plan
            .sheets
            .iter()
            .map(|s| s.scale)
            .fold(plan.scale, f32::min);
        if smallest * SMALLEST_PT >= min - ROUNDING {
            out.push(Proposal {
                mode: Mode::ByStage,
                poster_scale: options.poster_scale,
                sheets: plan.sheets.len(),
                text_pt: smallest * SMALLEST_PT,
            });
        }
    }
    // The smallest whole percent that reaches the minimum.
    let scale = (min / SMALLEST_PT * 100.0 - ROUNDING)
        .ceil()
        .clamp(MIN_POSTER_SCALE, MAX_POSTER_SCALE);
    let poster = ExportOptions {
        mode: Mode::Poster,
        poster_scale: scale,
        ..options.clone()
    };
    out.push(Proposal {
        mode: Mode::Poster,
        poster_scale: scale,
        sheets: sheet_count(ctx, doc, board, &poster),
        text_pt: scale / 100.0 * SMALLEST_PT,
    });
    out
}
