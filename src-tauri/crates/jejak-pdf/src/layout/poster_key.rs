//! The poster's first page: how to put the sheets together, and the map in miniature with the
//! sheets drawn over it.

use jejak_core::MapDoc;

use super::board::{Board, STAGE_W};
use super::items::{paragraph, text, Item, Rect, Rgb, Stroke, TextStyle, INK, MUTED, RULE};
use super::poster::{row_name, Tiling};
use super::sheets::{window, GAP, MARGIN};
use super::Ctx;
use crate::fonts::Weight;

/// The first poster page: how to assemble, and the map in miniature with the sheets over it
/// (those not printed, having nothing on them, shaded and listed).
#[allow(clippy::too_many_arguments)]
pub fn assembly_key(
    ctx: &Ctx,
    doc: &MapDoc,
    board: &Board,
    t: &Tiling,
    canvas: (f32, f32),
    board_y: f32,
    (w, h): (f32, f32),
    printed: &dyn Fn(usize, usize) -> bool,
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
    let mut help = format!(
        "{} {} × {} = {}.",
        ctx.labels.assembly_help,
        t.cols,
        t.rows,
        t.cols * t.rows
    );
    let skipped: Vec<String> = (0..t.rows)
        .flat_map(|r| (0..t.cols).map(move |c| (r, c)))
        .filter(|&(r, c)| !printed(r, c))
        .map(|(r, c)| format!("{}{}", row_name(r), c + 1))
        .collect();
    if !skipped.is_empty() {
        help = format!(
            "{help} {} {}.",
            ctx.labels.sheets_not_printed,
            skipped.join(", ")
        );
    }
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
                fill: (!printed(r, c)).then_some(Rgb(0xe4, 0xe7, 0xeb)),
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
