//! The poster: the map tiled across sheets at a chosen scale, with overlap strips, cut marks,
//! sheet labels and a first page that shows how the sheets go together.

use jejak_core::MapDoc;

use super::board::Board;
use super::card::SMALLEST_PT;
use super::chrome::{legend, title_block};
use super::items::{text, Item, Rect, Rgb, Stroke, TextStyle, INK, MUTED};
use super::sheets::Sheets;
use super::sheets::{shifted, window, GAP, POSTER_MARGIN};
use super::{Ctx, Page, Preview, PreviewSheet};
use crate::fonts::Weight;
use crate::options::{ExportOptions, MM};

/// Row labels A, B, … Z, AA, AB …
pub fn row_name(mut r: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + (r % 26) as u8));
        if r < 26 {
            break;
        }
        r = r / 26 - 1;
    }
    out.iter().rev().collect()
}

pub struct Tiling {
    pub rows: usize,
    pub cols: usize,
    /// Tile window size and step in canvas units.
    pub win: (f32, f32),
    pub step: (f32, f32),
    pub overlap: f32,
}

impl Tiling {
    /// The part of the canvas only sheet (r, c) prints (its window less the strips it shares
    /// with the sheets right of and below it): these parts cover the canvas once.
    pub fn own_part(&self, r: usize, c: usize) -> Rect {
        let (x, y) = (c as f32 * self.step.0, r as f32 * self.step.1);
        let w = if c + 1 < self.cols {
            self.step.0
        } else {
            self.win.0
        };
        let h = if r + 1 < self.rows {
            self.step.1
        } else {
            self.win.1
        };
        Rect::new(x, y, w, h)
    }
}

/// Whether `items` put anything a reader needs inside `part`: words, pictures, emotion marks or
/// curve lines (not backgrounds and hairline cell rules).
fn has_content(items: &[Item], part: &Rect) -> bool {
    items.iter().any(|item| match item {
        Item::Text { .. } | Item::Image { .. } | Item::Shape { .. } => {
            item.bounds().intersects(part)
        }
        Item::Line { stroke, .. } => stroke.width >= 1.2 && item.bounds().intersects(part),
        Item::Clipped { clip, items } => clip.intersects(part) && has_content(items, part),
        Item::Rect { .. } => false,
    })
}

pub fn tiling(canvas: (f32, f32), options: &ExportOptions) -> Tiling {
    let (w, h) = options.sheet();
    let s = options.poster_scale / 100.0;
    let (cw, ch) = (w - 2.0 * POSTER_MARGIN, h - 2.0 * POSTER_MARGIN);
    let o = (options.overlap_mm * MM).min(cw.min(ch) / 3.0);
    let count = |size: f32, c: f32| {
        if size <= c {
            1
        } else {
            ((size - o) / (c - o)).ceil().max(1.0) as usize
        }
    };
    Tiling {
        cols: count(canvas.0 * s, cw),
        rows: count(canvas.1 * s, ch),
        win: (cw / s, ch / s),
        step: ((cw - o) / s, (ch - o) / s),
        overlap: o,
    }
}

/// The poster's whole picture before it is cut into sheets: title block, grid and legend.
struct Canvas {
    items: Vec<Item>,
    size: (f32, f32),
    board_y: f32,
}

fn canvas(ctx: &Ctx, doc: &MapDoc, board: &Board, options: &ExportOptions) -> Canvas {
    let tb = title_block(ctx, doc, options, board.width.max(300.0), None);
    let lg = legend(ctx, doc, board.width.max(300.0));
    let board_y = tb.height + GAP;
    let legend_y = board_y + board.height + GAP;
    let mut items: Vec<Item> = tb.items;
    items.extend(shifted(board.items.clone(), 0.0, board_y));
    items.extend(shifted(lg.items, 0.0, legend_y));
    Canvas {
        items,
        size: (board.width.max(300.0), legend_y + lg.height),
        board_y,
    }
}

/// Which sheets print: one with nothing on it but empty cells is left out (the key says so).
fn printed(canvas: &Canvas, t: &Tiling) -> Vec<Vec<bool>> {
    (0..t.rows)
        .map(|r| {
            (0..t.cols)
                .map(|c| has_content(&canvas.items, &t.own_part(r, c)))
                .collect()
        })
        .collect()
}

/// How many sheets the poster of `options` prints (its assembly key not counted).
pub fn sheet_count(ctx: &Ctx, doc: &MapDoc, board: &Board, options: &ExportOptions) -> usize {
    let canvas = canvas(ctx, doc, board, options);
    let t = tiling(canvas.size, options);
    printed(&canvas, &t)
        .iter()
        .flatten()
        .filter(|p| **p)
        .count()
}

pub fn poster(ctx: &Ctx, doc: &MapDoc, board: &Board, options: &ExportOptions) -> Sheets {
    let (w, h) = options.sheet();
    let s = options.poster_scale / 100.0;
    let canvas = canvas(ctx, doc, board, options);
    let board_y = canvas.board_y;
    let t = tiling(canvas.size, options);
    let title = ctx.clean(&doc.map.title);
    let m = POSTER_MARGIN;
    let (cw, ch) = (w - 2.0 * m, h - 2.0 * m);
    let printed = printed(&canvas, &t);
    let is_printed = |r: usize, c: usize| printed[r][c];
    let mut page_of = std::collections::HashMap::new();
    let mut pages = vec![Page::new(w, h, Vec::new())]; // the key, filled in below
    let mut sheets = Vec::new();
    for r in 0..t.rows {
        for c in 0..t.cols {
            if !is_printed(r, c) {
                continue;
            }
            page_of.insert((r, c), pages.len());
            let src = Rect::new(c as f32 * t.step.0, r as f32 * t.step.1, t.win.0, t.win.1);
            let mut items = vec![window(&canvas.items, src, (m, m), s)];
            items.extend(sheet_marks(ctx, &title, &t, r, c, (w, h), &is_printed));
            sheets.push(PreviewSheet {
                label: format!("{}{}", row_name(r), c + 1),
                rects: vec![[src.x, src.y, src.w, src.h]],
            });
            pages.push(Page::new(w, h, items));
        }
    }
    let key = super::poster_key::assembly_key(
        ctx,
        doc,
        board,
        &t,
        canvas.size,
        board_y,
        (w, h),
        &is_printed,
    );
    if let Some(first) = pages.first_mut() {
        first.items = key;
    }
    let stage_pages = board
        .stages
        .iter()
        .map(|st| {
            let c = ((st.x * s) / (cw - t.overlap)).floor() as usize;
            let r = ((board_y * s) / (ch - t.overlap)).floor() as usize;
            // A stage's header is always on a printed sheet; the key, should it not be.
            page_of
                .get(&(r.min(t.rows - 1), c.min(t.cols - 1)))
                .copied()
                .unwrap_or(0)
        })
        .collect();
    let mut preview = Preview::of_board(board, options, s, sheets);
    preview.board_y = board_y;
    preview.text_pt = s * SMALLEST_PT;
    Sheets {
        pages,
        stage_pages,
        preview,
    }
}

/// Cut marks at the trim corners, the glue strip, and labels naming this sheet and its neighbours.
#[allow(clippy::too_many_arguments)]
fn sheet_marks(
    ctx: &Ctx,
    title: &str,
    t: &Tiling,
    r: usize,
    c: usize,
    (w, h): (f32, f32),
    printed: &dyn Fn(usize, usize) -> bool,
) -> Vec<Item> {
    let m = POSTER_MARGIN;
    let (cw, ch) = (w - 2.0 * m, h - 2.0 * m);
    let mark = Stroke::solid(INK, 0.5);
    // Sheets after the first in a row/column are trimmed at the overlap and laid over the previous
    // one; beside a sheet that is not printed nothing is trimmed, so the strip it would have
    // shown stays on this one.
    let x0 = if c > 0 && printed(r, c - 1) {
        m + t.overlap
    } else {
        m
    };
    let y0 = if r > 0 && printed(r - 1, c) {
        m + t.overlap
    } else {
        m
    };
    let (x1, y1) = (m + cw, m + ch);
    let mut items = Vec::new();
    for (x, y) in [(x0, y0), (x1, y0), (x0, y1), (x1, y1)] {
        let vy = if y == y0 {
            (m - 2.0, m - 11.0)
        } else {
            (m + ch + 2.0, m + ch + 11.0)
        };
        let hx = if x == x0 {
            (m - 2.0, m - 11.0)
        } else {
            (m + cw + 2.0, m + cw + 11.0)
        };
        items.push(Item::Line {
            points: vec![(x, vy.0), (x, vy.1)],
            stroke: mark,
        });
        items.push(Item::Line {
            points: vec![(hx.0, y), (hx.1, y)],
            stroke: mark,
        });
    }
    let glue = Stroke::dashed(Rgb(0x9a, 0xa5, 0xb4), 0.5, 3.0, 3.0);
    if c + 1 < t.cols && printed(r, c + 1) && t.overlap > 0.0 {
        let x = m + cw - t.overlap;
        items.push(Item::Line {
            points: vec![(x, m), (x, m + ch)],
            stroke: glue,
        });
    }
    if r + 1 < t.rows && printed(r + 1, c) && t.overlap > 0.0 {
        let y = m + ch - t.overlap;
        items.push(Item::Line {
            points: vec![(m, y), (m + cw, y)],
            stroke: glue,
        });
    }
    let style = TextStyle::new(7.0, Weight::Bold, INK);
    let name = |r: usize, c: usize| format!("{}{}", row_name(r), c + 1);
    let label = format!(
        "{} {}   ({} × {})   {title}",
        ctx.labels.sheet,
        name(r, c),
        t.cols,
        t.rows
    );
    // Leave the middle of the margin to the "▲ above" label.
    let label = crate::wrap::fit_line(&ctx.fonts, &label, Weight::Bold, 7.0, w / 2.0 - x0 - 24.0);
    // Right of the trim mark, so the mark never runs through the words.
    items.push(text(&ctx.fonts, x0 + 8.0, m - 4.0, &style, label));
    let small = TextStyle::new(6.5, Weight::Regular, MUTED);
    let mid_y = m + ch / 2.0;
    // Neighbours are named only when they are printed.
    if c > 0 && printed(r, c - 1) {
        items.push(text(
            &ctx.fonts,
            3.0,
            mid_y,
            &small,
            format!("◀ {}", name(r, c - 1)),
        ));
    }
    if c + 1 < t.cols && printed(r, c + 1) {
        let s = format!("{} ▶", name(r, c + 1));
        let sw = ctx.fonts.width(&s, Weight::Regular, 6.5);
        items.push(text(&ctx.fonts, w - 3.0 - sw, mid_y, &small, s));
    }
    if r > 0 && printed(r - 1, c) {
        items.push(text(
            &ctx.fonts,
            w / 2.0,
            m - 4.0,
            &small,
            format!("▲ {}", name(r - 1, c)),
        ));
    }
    if r + 1 < t.rows && printed(r + 1, c) {
        items.push(text(
            &ctx.fonts,
            w / 2.0,
            h - m + 9.0,
            &small,
            format!("▼ {}", name(r + 1, c)),
        ));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_lettered_like_a_spreadsheet() {
        assert_eq!(row_name(0), "A");
        assert_eq!(row_name(25), "Z");
        assert_eq!(row_name(26), "AA");
        assert_eq!(row_name(27), "AB");
    }

    #[test]
    fn tiles_overlap_by_the_chosen_amount_and_cover_the_canvas() {
        let options = ExportOptions {
            mode: crate::options::Mode::Poster,
            poster_scale: 100.0,
            overlap_mm: 10.0,
            ..ExportOptions::default()
        };
        let canvas = (3000.0, 1200.0);
        let t = tiling(canvas, &options);
        assert!((t.win.0 - t.step.0 - 10.0 * MM).abs() < 0.01);
        assert!((t.cols as f32 - 1.0) * t.step.0 + t.win.0 >= canvas.0);
        assert!((t.cols as f32 - 2.0) * t.step.0 + t.win.0 < canvas.0);
        assert!((t.rows as f32 - 1.0) * t.step.1 + t.win.1 >= canvas.1);
        let half = ExportOptions {
            poster_scale: 50.0,
            ..options
        };
        let t2 = tiling(canvas, &half);
        assert!(t2.cols < t.cols);
    }
}
