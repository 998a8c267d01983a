//! *Pages by stage*: the sheets [`by_stage_plan`](super::by_stage_plan) decided on, drawn. Each
//! sheet repeats the title block, the stage headers of its stages and the lane labels (with
//! "continued" where a lane goes on from another sheet), and ends with the legend.

use jejak_core::MapDoc;

use super::board::{lane_label, row_fill, Board, LABEL_FILL, LABEL_W, STAGE_W};
use super::by_stage_plan::{plan, Plan, Room, Segment};
use super::card::SMALLEST_PT;
use super::chrome::{legend, title_block};
use super::items::{text, Item, Rect, Stroke, TextStyle, MUTED, RULE};
use super::sheets::{shifted, window, Sheets, GAP, MARGIN};
use super::{Ctx, Page, Preview, PreviewSheet};
use crate::fonts::Weight;
use crate::options::ExportOptions;

fn range(a: usize, b: usize) -> String {
    if b - a > 1 {
        format!("{}–{}", a + 1, b)
    } else {
        format!("{}", a + 1)
    }
}

/// The grid's room on a sheet: below the title block (with the longest subtitle a sheet can
/// have) and above the legend.
fn room(ctx: &Ctx, doc: &MapDoc, board: &Board, options: &ExportOptions) -> (Rect, Room) {
    let (w, h) = options.sheet();
    let content = Rect::new(MARGIN, MARGIN, w - 2.0 * MARGIN, h - 2.0 * MARGIN);
    // Ranges written with the largest numbers, both parts present: no sheet's is longer.
    let (n, m) = (board.stages.len().max(2), board.rows.len().max(2));
    let l = ctx.labels;
    let longest = format!(
        "{} {n}–{n} {} {n} · {} {m}–{m} {} {m} ({})",
        l.stages, l.of, l.lanes, l.of, l.continued
    );
    let tb = title_block(ctx, doc, options, content.w, Some(&longest));
    let lg = legend(ctx, doc, content.w);
    let h = (content.h - tb.height - lg.height - 2.0 * GAP).max(10.0);
    (content, Room { w: content.w, h })
}

/// How `options` would print by stage: for the preview's proposals.
pub fn plan_for(ctx: &Ctx, doc: &MapDoc, board: &Board, options: &ExportOptions) -> Plan {
    let (_, room) = room(ctx, doc, board, options);
    plan(board, room, options.min_text_pt / SMALLEST_PT)
}

fn subtitle(
    ctx: &Ctx,
    (a, b): (usize, usize),
    stages: usize,
    (la, lb): (usize, usize),
    lanes: usize,
    continued: bool,
) -> Option<String> {
    let l = ctx.labels;
    let mut parts = Vec::new();
    if b - a < stages {
        parts.push(format!("{} {} {} {stages}", l.stages, range(a, b), l.of));
    }
    if lb - la < lanes || continued {
        let more = if continued {
            format!(" ({})", l.continued)
        } else {
            String::new()
        };
        parts.push(format!(
            "{} {} {} {lanes}{more}",
            l.lanes,
            range(la, lb),
            l.of
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

pub fn by_stage(ctx: &Ctx, doc: &MapDoc, board: &Board, options: &ExportOptions) -> Sheets {
    let (w, h) = options.sheet();
    let (content, room) = room(ctx, doc, board, options);
    let plan = plan(board, room, options.min_text_pt / SMALLEST_PT);
    let lg = legend(ctx, doc, content.w);
    let n = board.stages.len();
    let lanes = board.rows.len();
    let several_chunks = plan.sheets.iter().any(|s| s.stages != (0, n));
    let mut pages = Vec::new();
    let mut stage_pages = vec![0; n];
    let mut sheets = Vec::new();
    for sheet in &plan.sheets {
        let (a, b) = sheet.stages;
        let s = sheet.scale;
        let shown: Vec<&Segment> = sheet.segments.iter().filter(|g| !g.curve_copy).collect();
        let la = shown.first().map_or(0, |g| g.row);
        let lb = shown.last().map_or(0, |g| g.row + 1);
        let continued = shown.first().is_some_and(|g| g.continued);
        let stages = if several_chunks { (a, b) } else { (0, n) };
        let sub = subtitle(ctx, stages, n, (la, lb.max(la)), lanes, continued);
        let tb = title_block(ctx, doc, options, content.w, sub.as_deref());
        let top = content.y + tb.height + GAP;
        let x0 = LABEL_W + STAGE_W * a as f32;
        let cols_w = STAGE_W * (b - a) as f32;
        let mut items: Vec<Item> = shifted(tb.items, content.x, content.y).collect();
        items.push(window(
            &board.items,
            Rect::new(x0, 0.0, cols_w, board.header_h),
            (content.x + LABEL_W * s, top),
            s,
        ));
        let mut y = top + board.header_h * s;
        let mut rects: Vec<[f32; 4]> = Vec::new();
        for g in &merged(&sheet.segments) {
            let gh = g.height();
            let cells_at = (content.x + LABEL_W * s, y);
            if g.continued {
                items.push(Item::Rect {
                    rect: Rect::new(content.x, y, LABEL_W * s, gh * s),
                    fill: Some(LABEL_FILL),
                    stroke: None,
                });
                items.push(Item::Clipped {
                    clip: Rect::new(content.x, y, LABEL_W * s, gh * s),
                    items: continued_label(ctx, board, g.row, (content.x, y), s),
                });
            } else {
                items.push(window(
                    &board.items,
                    Rect::new(0.0, g.top, LABEL_W, gh),
                    (content.x, y),
                    s,
                ));
            }
            match &g.columns {
                None => {
                    let src = Rect::new(x0, g.top, cols_w, gh);
                    items.push(window(&board.items, src, cells_at, s));
                    rects.push([src.x, src.y, src.w, src.h]);
                }
                Some(runs) => {
                    items.extend(cut_lane(board, g.row, runs, a, cells_at, gh, s));
                    for (j, (t, bottom)) in runs.iter().enumerate() {
                        if bottom > t {
                            let x = LABEL_W + STAGE_W * (a + j) as f32;
                            rects.push([x, *t, STAGE_W, bottom - t]);
                        }
                    }
                }
            }
            if g.curve_copy || g.continued {
                // The board has no rule here: the segment starts inside its lane.
                items.push(Item::Line {
                    points: vec![(content.x, y), (content.x + (LABEL_W + cols_w) * s, y)],
                    stroke: Stroke::solid(RULE, 0.6),
                });
            }
            y += gh * s;
        }
        items.extend(shifted(lg.items.clone(), content.x, y + GAP));
        if la == 0 && !shown.first().is_some_and(|g| g.continued) {
            for slot in stage_pages.iter_mut().take(b).skip(a) {
                *slot = pages.len();
            }
        }
        sheets.push(PreviewSheet {
            label: format!("{}", pages.len() + 1),
            rects,
        });
        pages.push(Page::new(w, h, items));
    }
    let mut preview = Preview::of_board(board, options, plan.scale, sheets);
    preview.text_pt = plan
        .sheets
        .iter()
        .map(|s| s.scale)
        .fold(plan.scale, f32::min)
        * SMALLEST_PT;
    preview.smaller_sheets = plan
        .sheets
        .iter()
        .enumerate()
        .filter(|(_, s)| s.scale < plan.scale - 1e-4)
        .map(|(i, _)| format!("{}", i + 1))
        .collect();
    Sheets {
        pages,
        stage_pages,
        preview,
    }
}

/// Whole lanes that follow one another on the board, drawn as one window, so the rules between
/// them (and the line of visibility) are inside it.
fn merged(segments: &[Segment]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    let whole = |g: &Segment| g.columns.is_none() && !g.continued && !g.curve_copy;
    for g in segments {
        match out.last_mut() {
            Some(last) if whole(last) && whole(g) && (last.bottom - g.top).abs() < 0.01 => {
                last.bottom = g.bottom;
            }
            _ => out.push(g.clone()),
        }
    }
    out
}

/// A lane cut between cards: the lane's band and column rules `h` tall, and in each stage column
/// the run of cards that falls on this sheet.
fn cut_lane(
    board: &Board,
    row: usize,
    runs: &[(f32, f32)],
    first_stage: usize,
    at: (f32, f32),
    h: f32,
    s: f32,
) -> Vec<Item> {
    let w = STAGE_W * runs.len() as f32;
    let mut items = vec![Item::Rect {
        rect: Rect::new(at.0, at.1, w * s, h * s),
        fill: Some(row_fill(row)),
        stroke: None,
    }];
    for j in 0..=runs.len() {
        let x = at.0 + STAGE_W * j as f32 * s;
        items.push(Item::Line {
            points: vec![(x, at.1), (x, at.1 + h * s)],
            stroke: Stroke::solid(RULE, 0.6),
        });
    }
    let row_bottom = board.rows[row].0 + board.rows[row].1;
    for (j, (t, bottom)) in runs.iter().enumerate() {
        if bottom > t {
            let x = LABEL_W + STAGE_W * (first_stage + j) as f32;
            // A little past the last card, so its outline is not clipped (less than the gap
            // to the next card).
            let src = Rect::new(x, *t, STAGE_W, (bottom + 2.0).min(row_bottom) - t);
            items.push(window(
                &board.items,
                src,
                (at.0 + STAGE_W * j as f32 * s, at.1),
                s,
            ));
        }
    }
    items
}

/// The lane's label again where a sheet continues it, with "continued" below it.
fn continued_label(ctx: &Ctx, board: &Board, row: usize, at: (f32, f32), s: f32) -> Vec<Item> {
    let lines = board.row_labels.get(row).map(Vec::as_slice).unwrap_or(&[]);
    let mut items = lane_label(ctx, lines, 0.0);
    let style = TextStyle::new(7.0, Weight::Regular, MUTED);
    items.push(text(
        &ctx.fonts,
        8.0,
        16.0 + lines.len() as f32 * 11.0,
        &style,
        format!("({})", ctx.labels.continued),
    ));
    items
        .into_iter()
        .map(|i| i.transformed(s, at.0, at.1))
        .collect()
}
