//! Board pages: what the three layouts share, and *fit*, the whole map on one sheet. Pages by
//! stage are in `by_stage.rs`, the poster in `poster.rs`.

use jejak_core::MapDoc;

use super::board::Board;
use super::card::SMALLEST_PT;
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
    let mut preview = Preview::of_board(
        board,
        options,
        s,
        vec![PreviewSheet {
            label: "1".into(),
            rects: vec![[0.0, 0.0, board.width, board.height]],
        }],
    );
    preview.text_pt = s * SMALLEST_PT;
    Sheets {
        pages: vec![Page::new(w, h, items)],
        stage_pages: vec![0; board.stages.len()],
        preview,
    }
}
