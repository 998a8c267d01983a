//! Board pages in the three modes: the whole map on one sheet, whole stages per sheet, or a poster
//! tiled across sheets with overlap, cut marks, sheet labels and an assembly key.

use jejak_core::MapDoc;

use super::board::{Board, LABEL_W, STAGE_W};
use super::chrome::{legend, title_block};
use super::items::{paragraph, text, Item, Rect, Rgb, Stroke, TextStyle, INK, MUTED, RULE};
use super::{Ctx, Page, Preview, PreviewSheet};
use crate::fonts::Weight;
use crate::options::{ExportOptions, MM};

pub const MARGIN: f32 = 12.0 * MM;
pub const POSTER_MARGIN: f32 = 10.0 * MM;
const GAP: f32 = 10.0;
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

fn shifted(items: Vec<Item>, dx: f32, dy: f32) -> impl Iterator<Item = Item> {
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

pub fn poster(ctx: &Ctx, doc: &MapDoc, board: &Board, options: &ExportOptions) -> Sheets {
    let (w, h) = options.sheet();
    let s = options.poster_scale / 100.0;
    let tb = title_block(ctx, doc, options, board.width.max(300.0), None);
    let lg = legend(ctx, doc, board.width.max(300.0));
    let board_y = tb.height + GAP;
    let legend_y = board_y + board.height + GAP;
    let canvas = (board.width.max(300.0), legend_y + lg.height);
    let mut canvas_items: Vec<Item> = tb.items;
    canvas_items.extend(shifted(board.items.clone(), 0.0, board_y));
    canvas_items.extend(shifted(lg.items, 0.0, legend_y));
    let t = tiling(canvas, options);
    let title = ctx.clean(&doc.map.title);
    let m = POSTER_MARGIN;
    let (cw, ch) = (w - 2.0 * m, h - 2.0 * m);

    let mut pages = vec![Page::new(w, h, Vec::new())]; // the key, filled in below
    let mut sheets = Vec::new();
    for r in 0..t.rows {
        for c in 0..t.cols {
            let src = Rect::new(c as f32 * t.step.0, r as f32 * t.step.1, t.win.0, t.win.1);
            let mut items = vec![window(&canvas_items, src, (m, m), s)];
            items.extend(sheet_marks(ctx, &title, &t, r, c, (w, h)));
            sheets.push(PreviewSheet {
                label: format!("{}{}", row_name(r), c + 1),
                rects: vec![[src.x, src.y, src.w, src.h]],
            });
            pages.push(Page::new(w, h, items));
        }
    }
    let key = assembly_key(ctx, doc, board, &t, canvas, board_y, (w, h));
    if let Some(first) = pages.first_mut() {
        first.items = key;
    }
    let stage_pages = board
        .stages
        .iter()
        .map(|st| {
            let c = ((st.x * s) / (cw - t.overlap)).floor() as usize;
            let r = ((board_y * s) / (ch - t.overlap)).floor() as usize;
            1 + r.min(t.rows - 1) * t.cols + c.min(t.cols - 1)
        })
        .collect();
    let mut preview = Preview::of_board(board, options, s, sheets);
    preview.board_y = board_y;
    Sheets {
        pages,
        stage_pages,
        preview,
    }
}

/// Cut marks at the trim corners, the glue strip, and labels naming this sheet and its neighbours.
fn sheet_marks(
    ctx: &Ctx,
    title: &str,
    t: &Tiling,
    r: usize,
    c: usize,
    (w, h): (f32, f32),
) -> Vec<Item> {
    let m = POSTER_MARGIN;
    let (cw, ch) = (w - 2.0 * m, h - 2.0 * m);
    let mark = Stroke::solid(INK, 0.5);
    // Sheets after the first in a row/column are trimmed at the overlap and laid over the previous.
    let x0 = if c > 0 { m + t.overlap } else { m };
    let y0 = if r > 0 { m + t.overlap } else { m };
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
    if c + 1 < t.cols && t.overlap > 0.0 {
        let x = m + cw - t.overlap;
        items.push(Item::Line {
            points: vec![(x, m), (x, m + ch)],
            stroke: glue,
        });
    }
    if r + 1 < t.rows && t.overlap > 0.0 {
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
    if c > 0 {
        items.push(text(
            &ctx.fonts,
            3.0,
            mid_y,
            &small,
            format!("◀ {}", name(r, c - 1)),
        ));
    }
    if c + 1 < t.cols {
        let s = format!("{} ▶", name(r, c + 1));
        let sw = ctx.fonts.width(&s, Weight::Regular, 6.5);
        items.push(text(&ctx.fonts, w - 3.0 - sw, mid_y, &small, s));
    }
    if r > 0 {
        items.push(text(
            &ctx.fonts,
            w / 2.0,
            m - 4.0,
            &small,
            format!("▲ {}", name(r - 1, c)),
        ));
    }
    if r + 1 < t.rows {
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

/// The first poster page: how to assemble, and the map in miniature with the sheets over it.
fn assembly_key(
    ctx: &Ctx,
    doc: &MapDoc,
    board: &Board,
    t: &Tiling,
    canvas: (f32, f32),
    board_y: f32,
    (w, h): (f32, f32),
) -> Vec<Item> {
    let content = Rect::new(MARGIN, MARGIN, w - 2.0 * MARGIN, h - 2.0 * MARGIN);
    let mut items = Vec::new();
    let head = TextStyle::new(16.0, Weight::Bold, INK);
    let mut y = content.y;
    let title = format!(
        "{} — {}",
        ctx.labels.assembly_key,
        ctx.clean(&doc.map.title)
    );
    paragraph(
        &ctx.fonts, &mut items, content.x, &mut y, content.w, &head, 20.0, &title,
    );
    let body = TextStyle::new(8.5, Weight::Regular, MUTED);
    let help = format!(
        "{} {} × {} = {}.",
        ctx.labels.assembly_help,
        t.cols,
        t.rows,
        t.cols * t.rows
    );
    y += 4.0;
    paragraph(
        &ctx.fonts, &mut items, content.x, &mut y, content.w, &body, 11.0, &help,
    );
    y += GAP;
    // The miniature: stage headers, lanes and card outlines, no card text.
    let mut sk: Vec<Item> = vec![Item::Rect {
        rect: Rect::new(0.0, 0.0, canvas.0, board_y - GAP),
        fill: Some(Rgb(0xf0, 0xf2, 0xf5)),
        stroke: None,
    }];
    for st in &board.stages {
        sk.push(Item::Rect {
            rect: Rect::new(st.x + 1.0, board_y, STAGE_W - 2.0, board.header_h),
            fill: Some(Rgb(0x2b, 0x3a, 0x55)),
            stroke: None,
        });
    }
    for (top, rh) in &board.rows {
        sk.push(Item::Rect {
            rect: Rect::new(0.0, board_y + top, board.width, *rh),
            fill: None,
            stroke: Some(Stroke::solid(RULE, 1.0)),
        });
    }
    for (_, r) in &board.cards {
        sk.push(Item::Rect {
            rect: Rect::new(r.x, r.y + board_y, r.w, r.h),
            fill: Some(Rgb(0xdc, 0xe3, 0xee)),
            stroke: None,
        });
    }
    let (tw, th) = (
        (t.cols as f32 - 1.0) * t.step.0 + t.win.0,
        (t.rows as f32 - 1.0) * t.step.1 + t.win.1,
    );
    let full = (tw.max(canvas.0), th.max(canvas.1));
    let k = (content.w / full.0).min((content.bottom() - y) / full.1);
    items.push(window(
        &sk,
        Rect::new(0.0, 0.0, full.0, full.1),
        (content.x, y),
        k,
    ));
    let big = TextStyle::new(
        (14.0_f32).min(t.step.1 * k / 3.0).max(5.0),
        Weight::Bold,
        Rgb(0x8a, 0x1c, 0x1c),
    );
    for r in 0..t.rows {
        for c in 0..t.cols {
            let x0 = c as f32 * t.step.0;
            let y0 = r as f32 * t.step.1;
            let x1 = if c + 1 < t.cols {
                x0 + t.step.0
            } else {
                x0 + t.win.0
            };
            let y1 = if r + 1 < t.rows {
                y0 + t.step.1
            } else {
                y0 + t.win.1
            };
            let rect = Rect::new(content.x + x0 * k, y + y0 * k, (x1 - x0) * k, (y1 - y0) * k);
            items.push(Item::Rect {
                rect,
                fill: None,
                stroke: Some(Stroke::dashed(Rgb(0x8a, 0x1c, 0x1c), 0.8, 4.0, 2.0)),
            });
            let label = format!("{}{}", row_name(r), c + 1);
            let lw = ctx.fonts.width(&label, Weight::Bold, big.size);
            items.push(text(
                &ctx.fonts,
                rect.x + (rect.w - lw) / 2.0,
                rect.y + rect.h / 2.0 + big.size / 3.0,
                &big,
                label,
            ));
        }
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
