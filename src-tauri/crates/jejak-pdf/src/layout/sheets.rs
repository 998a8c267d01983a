//! Board pages in the three modes: the whole map on one sheet, whole stages per sheet, or a poster
//! tiled across sheets with overlap, cut marks, sheet labels and an assembly key.

use jejak_core::MapDoc;

use super::board::{Board, LABEL_W, STAGE_W};
use super::chrome::{legend, title_block};
use super::items::{Item, Rect};
use super::{Ctx, Page, Preview, PreviewSheet};
use crate::options::{ExportOptions, MM};

pub const MARGIN: f32 = 12.0 * MM;
pub const POSTER_MARGIN: f32 = 10.0 * MM;
pub const GAP: f32 = 10.0;
/// A small map is enlarged on a big sheet, but not without limit.
const MAX_FIT_SCALE: f32 = 3.0;

/// `items` inside `src` (map coordinates), scaled by `s` and drawn with `src`'s corner at `at`,
/// clipped to that window. Items wholly outside are left out, not just hidden.
pub fn window(items: &[Item], src: Rect, at: (f32, f32), s: f32) -> Item {
    let (dx, dy) = (at.0 - src.x * s, at.1 - src.y * s);
    Item::Clipped {
        clip: Rect::new(at.0, at.1, src.w * s, src.h * s),
        items: items
            .iter()
            .filter(|i| i.bounds().intersects(&src))
            .map(|i| i.transformed(s, dx, dy))
            .collect(),
    }
}

pub fn shifted(items: Vec<Item>, dx: f32, dy: f32) -> impl Iterator<Item = Item> {
    items.into_iter().map(move |i| i.transformed(1.0, dx, dy))
}

pub struct Sheets {
    pub pages: Vec<Page>,
    /// Stage index → page index where the stage starts.
    pub stage_pages: Vec<usize>,
    pub preview: Preview,
}

pub fn fit(ctx: &Ctx, doc: &MapDoc, board: &Board, options: &ExportOptions) -> Sheets {
    let (w, h) = options.sheet();
    let content = Rect::new(MARGIN, MARGIN, w - 2.0 * MARGIN, h - 2.0 * MARGIN);
    let tb = title_block(ctx, doc, options, content.w, None);
    let lg = legend(ctx, doc, content.w);
    let avail_h = (content.h - tb.height - lg.height - 2.0 * GAP).max(10.0);
    let s = (content.w / board.width)
        .min(avail_h / board.height)
        .min(MAX_FIT_SCALE);
    let top = content.y + tb.height + GAP;
    let left = content.x + (content.w - board.width * s) / 2.0;
    let mut items: Vec<Item> = shifted(tb.items, content.x, content.y).collect();
    items.push(window(
        &board.items,
        Rect::new(0.0, 0.0, board.width, board.height),
        (left, top),
        s,
    ));
    items.extend(shifted(lg.items, content.x, top + board.height * s + GAP));
    Sheets {
        pages: vec![Page::new(w, h, items)],
        stage_pages: vec![0; board.stages.len()],
        preview: Preview::of_board(
            board,
            options,
            s,
            vec![PreviewSheet {
                label: "1".into(),
                rects: vec![[0.0, 0.0, board.width, board.height]],
            }],
        ),
    }
}

/// Lane bands: runs of whole lanes whose rows fit in `room` map units below the stage header.
/// A lane taller than `room` gets a band of its own (the scale is chosen so that cannot happen).
fn lane_bands(board: &Board, room: f32) -> Vec<(usize, usize)> {
    let mut bands = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    for (i, (_, h)) in board.rows.iter().enumerate() {
        if i > start && used + h > room {
            bands.push((start, i));
            start = i;
            used = 0.0;
        }
        used += h;
    }
    if start < board.rows.len() || bands.is_empty() {
        bands.push((start, board.rows.len()));
    }
    bands
}

fn range(a: usize, b: usize) -> String {
    if b - a > 1 {
        format!("{}–{}", a + 1, b)
    } else {
        format!("{}", a + 1)
    }
}

/// Whole stages across each sheet and, when the map is taller than a sheet, whole lanes down it:
/// a card is never cut. The stage headers and lane labels repeat on every sheet.
pub fn by_stage(ctx: &Ctx, doc: &MapDoc, board: &Board, options: &ExportOptions) -> Sheets {
    let (w, h) = options.sheet();
    let content = Rect::new(MARGIN, MARGIN, w - 2.0 * MARGIN, h - 2.0 * MARGIN);
    let sample = title_block(ctx, doc, options, content.w, Some("·"));
    let lg = legend(ctx, doc, content.w);
    let avail_h = (content.h - sample.height - lg.height - 2.0 * GAP).max(10.0);
    let tallest_lane = board.rows.iter().map(|(_, h)| *h).fold(0.0, f32::max);
    // Natural size when it fits; smaller only as much as one stage and the tallest lane need.
    let s = 1.0_f32
        .min(avail_h / (board.header_h + tallest_lane).max(1.0))
        .min(content.w / (LABEL_W + STAGE_W));
    let per_page = (((content.w / s - LABEL_W) / STAGE_W).floor() as usize).max(1);
    let n = board.stages.len();
    let chunks: Vec<(usize, usize)> = if n == 0 {
        vec![(0, 0)]
    } else {
        (0..n)
            .step_by(per_page)
            .map(|i| (i, (i + per_page).min(n)))
            .collect()
    };
    let bands = lane_bands(board, avail_h / s - board.header_h);
    let lanes = board.rows.len();
    let mut pages = Vec::new();
    let mut stage_pages = vec![0; n];
    let mut sheets = Vec::new();
    for (a, b) in chunks.iter().copied() {
        for (la, lb) in bands.iter().copied() {
            let mut parts = Vec::new();
            if chunks.len() > 1 {
                parts.push(format!(
                    "{} {} {} {n}",
                    ctx.labels.stages,
                    range(a, b),
                    ctx.labels.of
                ));
            }
            if bands.len() > 1 {
                parts.push(format!(
                    "{} {} {} {lanes}",
                    ctx.labels.lanes,
                    range(la, lb),
                    ctx.labels.of
                ));
            }
            let subtitle = (!parts.is_empty()).then(|| parts.join(" · "));
            let tb = title_block(ctx, doc, options, content.w, subtitle.as_deref());
            let top = content.y + tb.height + GAP;
            let (y0, y1) = match (
                board.rows.get(la),
                lb.checked_sub(1).and_then(|l| board.rows.get(l)),
            ) {
                (Some((y0, _)), Some((y, h))) => (*y0, y + h),
                _ => (board.header_h, board.header_h),
            };
            let x0 = LABEL_W + STAGE_W * a as f32;
            let cols_w = STAGE_W * (b - a) as f32;
            let band_top = top + board.header_h * s;
            let mut items: Vec<Item> = shifted(tb.items, content.x, content.y).collect();
            // Stage headers, then the lane labels and cells of this band under them.
            items.push(window(
                &board.items,
                Rect::new(x0, 0.0, cols_w, board.header_h),
                (content.x + LABEL_W * s, top),
                s,
            ));
            items.push(window(
                &board.items,
                Rect::new(0.0, y0, LABEL_W, y1 - y0),
                (content.x, band_top),
                s,
            ));
            let src = Rect::new(x0, y0, cols_w, y1 - y0);
            items.push(window(
                &board.items,
                src,
                (content.x + LABEL_W * s, band_top),
                s,
            ));
            items.extend(shifted(
                lg.items.clone(),
                content.x,
                band_top + (y1 - y0) * s + GAP,
            ));
            if la == 0 {
                for slot in stage_pages.iter_mut().take(b).skip(a) {
                    *slot = pages.len();
                }
            }
            sheets.push(PreviewSheet {
                label: format!("{}", pages.len() + 1),
                rects: vec![[src.x, src.y, src.w, src.h]],
            });
            pages.push(Page::new(w, h, items));
        }
    }
    Sheets {
        pages,
        stage_pages,
        preview: Preview::of_board(board, options, s, sheets),
    }
}
