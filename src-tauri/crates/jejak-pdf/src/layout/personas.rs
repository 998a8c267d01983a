//! One page per persona: who they are, what they want and what hurts, and how they feel at
//! each touchpoint they have a score for.

use jejak_core::{Horizon, MapDoc, Persona};

use super::card::{score_glyph, signed};
use super::items::{paragraph, text, Item, Rect, Rgb, TextStyle, INK, MUTED};
use super::sheets::MARGIN;
use super::table::{table_pages, Column};
use super::{Ctx, Page};
use crate::fonts::Weight;
use crate::wrap::wrap;
use jejak_core::curve::touchpoints_in_order;
use jejak_core::curve::Scores;

pub fn persona_pages(
    ctx: &Ctx,
    doc: &MapDoc,
    scores: &Scores,
    sheet: (f32, f32),
) -> Vec<(String, Page)> {
    let mut out = Vec::new();
    for p in &doc.personas {
        let name = ctx.clean(&p.name);
        let (lead, lead_h) = profile(ctx, p, sheet);
        let rows = score_rows(ctx, doc, scores, p);
        let heading = ctx.labels.scores;
        let pages = if rows.is_empty() {
            let mut items = lead;
            let style = TextStyle::new(9.0, Weight::Regular, MUTED);
            items.push(text(
                &ctx.fonts,
                MARGIN,
                MARGIN + lead_h + 12.0,
                &style,
                ctx.labels.no_scores,
            ));
            vec![Page::new(sheet.0, sheet.1, items)]
        } else {
            let l = ctx.labels;
            let columns: Vec<Column> = Column::list(&[
                (l.stage, 1.0),
                (l.touchpoint, 2.6),
                (l.as_is, 0.8),
                (l.to_be, 0.8),
            ]);
            table_pages(ctx, heading, &columns, &rows, sheet, Some((lead, lead_h)))
        };
        // Only a persona's first page gets a bookmark; continuation pages carry an empty title.
        for (i, page) in pages.into_iter().enumerate() {
            let title = if i == 0 {
                format!("{}: {name}", ctx.labels.personas)
            } else {
                String::new()
            };
            out.push((title, page));
        }
    }
    out
}

fn profile(ctx: &Ctx, p: &Persona, (w, _h): (f32, f32)) -> (Vec<Item>, f32) {
    let content_w = w - 2.0 * MARGIN;
    let color = Rgb::parse(&p.color).unwrap_or(INK);
    let mut items = Vec::new();
    let name = TextStyle::new(22.0, Weight::Bold, INK);
    let role = TextStyle::new(10.5, Weight::Regular, MUTED);
    let mut y = MARGIN + 4.0;
    // The photo, when there is one, sits left of the name; the text moves right to make room.
    const PHOTO: f32 = 64.0;
    let photo = p.photo.as_deref().and_then(crate::photo::decode);
    let x = MARGIN + 14.0 + if photo.is_some() { PHOTO + 12.0 } else { 0.0 };
    let content_w = content_w - (x - MARGIN - 14.0);
    let (full, quote) = (ctx.clean(&p.name), ctx.clean(&p.role));
    paragraph(
        &ctx.fonts,
        &mut items,
        x,
        &mut y,
        content_w - 14.0,
        &name,
        26.0,
        &full,
    );
    paragraph(
        &ctx.fonts,
        &mut items,
        x,
        &mut y,
        content_w - 14.0,
        &role,
        14.0,
        &quote,
    );
    if let Some(photo) = photo {
        // Fit inside a square, keeping the picture's proportions.
        let k = PHOTO / (photo.width.max(photo.height) as f32);
        let (pw, ph) = (photo.width as f32 * k, photo.height as f32 * k);
        items.push(Item::Image {
            rect: Rect::new(MARGIN + 14.0, MARGIN + 6.0, pw, ph),
            photo: std::sync::Arc::new(photo),
        });
        y = y.max(MARGIN + 6.0 + ph);
    }
    y += 8.0;
    items.insert(
        0,
        Item::Rect {
            rect: Rect::new(MARGIN, MARGIN, 6.0, y - MARGIN),
            fill: Some(color),
            stroke: None,
        },
    );
    let content_w = w - 2.0 * MARGIN;
    // Goals, needs and pains side by side on wide sheets, one under the other on narrow ones.
    let sections = [
        (ctx.labels.goals, &p.goals),
        (ctx.labels.needs, &p.needs),
        (ctx.labels.pains, &p.pains),
    ];
    let cols = if content_w >= 520.0 { 3 } else { 1 };
    let col_w = (content_w - (cols as f32 - 1.0) * 16.0) / cols as f32;
    let head = TextStyle::new(10.0, Weight::Bold, INK);
    let body = TextStyle::new(9.0, Weight::Regular, INK);
    let top = y + 6.0;
    let mut bottom = top;
    let mut yy = top;
    for (i, (label, value)) in sections.iter().enumerate() {
        let (cx, cy) = if cols == 3 {
            (MARGIN + i as f32 * (col_w + 16.0), top)
        } else {
            (MARGIN, yy)
        };
        let mut ly = cy + 12.0;
        items.push(text(&ctx.fonts, cx, ly - 2.0, &head, *label));
        let lines = wrap(&ctx.fonts, &ctx.clean(value), body.weight, body.size, col_w);
        for line in if lines.is_empty() {
            vec!["—".to_string()]
        } else {
            lines
        } {
            ly += 11.5;
            items.push(text(&ctx.fonts, cx, ly - 2.5, &body, line));
        }
        yy = ly + 12.0;
        bottom = bottom.max(ly + 12.0);
    }
    (items, bottom - MARGIN + 6.0)
}

fn score_rows(ctx: &Ctx, doc: &MapDoc, scores: &Scores, p: &Persona) -> Vec<Vec<String>> {
    let stage_title = |id| ctx.stage_title(doc, id);
    let cell = |card_id, h: Horizon| {
        scores
            .get(card_id, p.id, h)
            .map(|s| format!("{} {}", score_glyph(s), signed(s)))
    };
    touchpoints_in_order(doc)
        .into_iter()
        .filter_map(|c| {
            let (now, later) = (cell(c.id, Horizon::AsIs), cell(c.id, Horizon::ToBe));
            if now.is_none() && later.is_none() {
                return None;
            }
            Some(vec![
                stage_title(c.stage_id),
                ctx.clean(&c.title),
                now.unwrap_or_default(),
                later.unwrap_or_default(),
            ])
        })
        .collect()
}
