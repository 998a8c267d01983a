//! The grid of the map at its natural size: stage headers across, lane labels down, cards stacked
//! in their cells, the emotion curve in the emotions lane. Pages show windows of this.

use std::collections::HashMap;

use jejak_core::{Card, Id, LaneKind, MapDoc};

use super::card::{layout_card, score_glyph, signed};
use super::items::{marks, text, Item, Rect, Rgb, Stroke, TextStyle, INK, MUTED, RULE, WHITE};
use crate::fonts::Weight;
use crate::layout::Ctx;
use crate::wrap::wrap;
use jejak_core::curve::{touchpoints_in_order, Scores};

pub const LABEL_W: f32 = 112.0;
pub const STAGE_W: f32 = 188.0;
const CELL_PAD: f32 = 6.0;
const CARD_GAP: f32 = 5.0;
const MIN_ROW: f32 = 44.0;
pub const CURVE_H: f32 = 124.0;
const LANE_LABEL_PT: f32 = 8.5;
const STAGE_FILL: Rgb = Rgb(0x2b, 0x3a, 0x55);
pub const LABEL_FILL: Rgb = Rgb(0xe9, 0xed, 0xf2);
const BAND_FILL: Rgb = Rgb(0xf6, 0xf7, 0xf9);

pub struct StageCol {
    pub id: Id,
    pub title: String,
    pub x: f32,
}

pub struct Board {
    pub width: f32,
    pub height: f32,
    pub header_h: f32,
    pub stages: Vec<StageCol>,
    /// Top and height of each lane row (and of the extra curve row, if any).
    pub rows: Vec<(f32, f32)>,
    /// Whether each row holds the cards the emotion curve runs through (touchpoint lanes, or
    /// every lane when the map has none).
    pub curve_rows: Vec<bool>,
    /// Top of the emotion curve's band (its height is [`CURVE_H`]), if the map draws one.
    pub curve_top: Option<f32>,
    /// Each row's label as printed, line by line (repeated where a sheet continues a lane).
    pub row_labels: Vec<Vec<String>>,
    pub cards: Vec<(Id, Rect)>,
    pub items: Vec<Item>,
}

pub fn layout_board(ctx: &Ctx, doc: &MapDoc, scores: &Scores) -> Board {
    let card_w = STAGE_W - 2.0 * CELL_PAD;
    let width = LABEL_W + STAGE_W * doc.stages.len() as f32;
    let stage_x = |i: usize| LABEL_W + STAGE_W * i as f32;
    let mut items = Vec::new();
    let mut back = Vec::new();

    // Stage headers.
    let head = TextStyle::new(11.0, Weight::Bold, WHITE);
    let titles: Vec<Vec<String>> = doc
        .stages
        .iter()
        .map(|s| {
            wrap(
                &ctx.fonts,
                &ctx.clean(&s.title),
                head.weight,
                head.size,
                STAGE_W - 16.0,
            )
        })
        .collect();
    let most = titles.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let header_h = 16.0 + most as f32 * 13.5;
    let mut stages = Vec::new();
    for (i, (stage, lines)) in doc.stages.iter().zip(&titles).enumerate() {
        let x = stage_x(i);
        back.push(Item::Rect {
            rect: Rect::new(x + 1.0, 0.0, STAGE_W - 2.0, header_h),
            fill: Some(STAGE_FILL),
            stroke: None,
        });
        for (j, line) in lines.iter().enumerate() {
            items.push(text(
                &ctx.fonts,
                x + 8.0,
                8.0 + 10.5 + j as f32 * 13.5,
                &head,
                line.clone(),
            ));
        }
        stages.push(StageCol {
            id: stage.id,
            title: lines.join(" "),
            x,
        });
    }

    // Lanes: each row as tall as its fullest cell.
    let mut by_cell: HashMap<(Id, Id), Vec<&Card>> = HashMap::new();
    for c in &doc.cards {
        by_cell.entry((c.lane_id, c.stage_id)).or_default().push(c);
    }
    let has_scores = !doc.emotions.is_empty() && !doc.personas.is_empty();
    let has_emotion_lane = doc.lanes.iter().any(|l| l.kind == LaneKind::Emotions);
    let label = TextStyle::new(LANE_LABEL_PT, Weight::Bold, INK);
    let mut rows = Vec::new();
    let mut curve_rows = Vec::new();
    let mut row_labels = Vec::new();
    let has_touchpoint_lane = doc.lanes.iter().any(|l| l.kind == LaneKind::Touchpoints);
    let mut cards_out = Vec::new();
    let mut curve_band: Option<f32> = None;
    let mut y = header_h;
    let mut prev_kind: Option<LaneKind> = None;
    let lanes: Vec<(Option<&jejak_core::Lane>, LaneKind)> = doc
        .lanes
        .iter()
        .map(|l| (Some(l), l.kind))
        .chain((has_scores && !has_emotion_lane).then_some((None, LaneKind::Emotions)))
        .collect();
    for (li, (lane, kind)) in lanes.iter().enumerate() {
        let title = lane.map_or(ctx.labels.emotion.to_string(), |l| ctx.clean(&l.title));
        let label_lines = wrap(&ctx.fonts, &title, label.weight, label.size, LABEL_W - 14.0);
        let top_band = if *kind == LaneKind::Emotions
            && (has_scores || lane.is_none())
            && curve_band.is_none()
        {
            curve_band = Some(y);
            CURVE_H
        } else {
            0.0
        };
        let mut placed: Vec<(usize, f32, Vec<Item>)> = Vec::new();
        let mut tallest: f32 = 0.0;
        if let Some(l) = lane {
            for (si, stage) in doc.stages.iter().enumerate() {
                let mut cy = CELL_PAD;
                let mut cell = by_cell.remove(&(l.id, stage.id)).unwrap_or_default();
                cell.sort_by(|a, b| a.rank.cmp(&b.rank));
                for c in cell {
                    let (h, its) = layout_card(ctx, c, l.kind, &doc.personas, scores, card_w);
                    cards_out.push((
                        c.id,
                        Rect::new(stage_x(si) + CELL_PAD, y + top_band + cy, card_w, h),
                    ));
                    placed.push((si, cy, its));
                    cy += h + CARD_GAP;
                }
                tallest = tallest.max(cy - CARD_GAP + CELL_PAD);
            }
        }
        let below_visibility =
            prev_kind == Some(LaneKind::Frontstage) && *kind == LaneKind::Backstage;
        // The line of visibility's caption goes under the backstage lane's label, where it stays
        // on the same sheet as the line whatever the layout cuts.
        let caption_h = if below_visibility { 9.0 } else { 0.0 };
        let label_h = label_height(label_lines.len()) + caption_h;
        let h = (top_band + tallest).max(MIN_ROW).max(label_h);
        back.push(Item::Rect {
            rect: Rect::new(0.0, y, width, h),
            fill: Some(row_fill(li)),
            stroke: None,
        });
        back.push(Item::Rect {
            rect: Rect::new(0.0, y, LABEL_W, h),
            fill: Some(LABEL_FILL),
            stroke: None,
        });
        items.extend(lane_label(ctx, &label_lines, y));
        for (si, cy, its) in placed {
            let (dx, dy) = (stage_x(si) + CELL_PAD, y + top_band + cy);
            items.extend(its.iter().map(|i| i.transformed(1.0, dx, dy)));
        }
        back.push(Item::Line {
            points: vec![(0.0, y), (width, y)],
            stroke: Stroke::solid(RULE, 0.6),
        });
        if below_visibility {
            items.push(Item::Line {
                points: vec![(0.0, y), (width, y)],
                stroke: Stroke::dashed(Rgb(0x6b, 0x4c, 0x9a), 1.6, 6.0, 3.0),
            });
            let style = TextStyle::new(6.5, Weight::Bold, Rgb(0x6b, 0x4c, 0x9a));
            items.push(text(
                &ctx.fonts,
                8.0,
                y + 16.0 + label_lines.len() as f32 * 11.0,
                &style,
                format!("↑ {}", ctx.labels.line_of_visibility),
            ));
        }
        prev_kind = Some(*kind);
        rows.push((y, h));
        row_labels.push(label_lines);
        curve_rows.push(lane.is_some() && (*kind == LaneKind::Touchpoints || !has_touchpoint_lane));
        y += h;
    }
    let height = y;
    for i in 0..=doc.stages.len() {
        back.push(Item::Line {
            points: vec![(stage_x(i), header_h), (stage_x(i), height)],
            stroke: Stroke::solid(RULE, 0.6),
        });
    }
    if let Some(top) = curve_band {
        curve(ctx, doc, scores, top, width, &mut items);
    }
    if doc.stages.is_empty() {
        let style = TextStyle::new(10.0, Weight::Regular, MUTED);
        items.push(text(
            &ctx.fonts,
            8.0,
            header_h.max(20.0),
            &style,
            ctx.labels.no_stages,
        ));
    }
    back.extend(items);
    Board {
        width,
        height,
        header_h,
        stages,
        rows,
        curve_rows,
        curve_top: curve_band,
        row_labels,
        cards: cards_out,
        items: back,
    }
}

impl Board {
    /// How tall `row` is drawn where it has no cards: its label, or the smallest row.
    pub fn empty_row_height(&self, row: usize) -> f32 {
        let lines = self.row_labels.get(row).map_or(1, Vec::len);
        label_height(lines).max(MIN_ROW)
    }
}

fn label_height(lines: usize) -> f32 {
    14.0 + lines as f32 * 11.0
}

/// Lanes are banded, alternately tinted and white.
pub fn row_fill(row: usize) -> Rgb {
    if row.is_multiple_of(2) {
        BAND_FILL
    } else {
        WHITE
    }
}

/// A lane's label lines at the top of a row starting at `y`.
pub fn lane_label(ctx: &Ctx, lines: &[String], y: f32) -> Vec<Item> {
    let style = TextStyle::new(LANE_LABEL_PT, Weight::Bold, INK);
    lines
        .iter()
        .enumerate()
        .map(|(j, line)| {
            text(
                &ctx.fonts,
                8.0,
                y + 16.0 + j as f32 * 11.0,
                &style,
                line.clone(),
            )
        })
        .collect()
}

/// The emotion curve in the band starting at `top`: one line per persona and horizon (to-be
/// dashed), each point a shape by sign and its score in figures.
fn curve(ctx: &Ctx, doc: &MapDoc, scores: &Scores, top: f32, width: f32, items: &mut Vec<Item>) {
    let step = (CURVE_H - 28.0) / 4.0;
    let mid = top + CURVE_H / 2.0;
    let y_of = |s: i8| mid - f32::from(s) * step;
    let small = TextStyle::new(6.5, Weight::Regular, MUTED);
    for s in [-2i8, 0, 2] {
        let y = y_of(s);
        items.push(Item::Line {
            points: vec![(LABEL_W, y), (width, y)],
            stroke: if s == 0 {
                Stroke::dashed(Rgb(0x9a, 0xa5, 0xb4), 0.6, 3.0, 2.0)
            } else {
                Stroke::solid(Rgb(0xe1, 0xe5, 0xea), 0.5)
            },
        });
        let label = signed(s);
        let w = ctx.fonts.width(&label, Weight::Regular, 6.5);
        items.push(text(&ctx.fonts, LABEL_W - 6.0 - w, y + 2.2, &small, label));
    }
    let cards = touchpoints_in_order(doc);
    let mut x_of: HashMap<Id, f32> = HashMap::new();
    for (si, stage) in doc.stages.iter().enumerate() {
        let here: Vec<&&Card> = cards.iter().filter(|c| c.stage_id == stage.id).collect();
        let n = here.len() as f32;
        for (j, c) in here.iter().enumerate() {
            x_of.insert(
                c.id,
                LABEL_W + STAGE_W * si as f32 + (j as f32 + 1.0) * STAGE_W / (n + 1.0),
            );
        }
    }
    for persona in &doc.personas {
        let color = Rgb::parse(&persona.color).unwrap_or(INK);
        for horizon in [jejak_core::Horizon::AsIs, jejak_core::Horizon::ToBe] {
            let points: Vec<(f32, f32, i8)> = cards
                .iter()
                .filter_map(|c| {
                    let score = scores.get(c.id, persona.id, horizon)?;
                    Some((*x_of.get(&c.id)?, y_of(score), score))
                })
                .collect();
            if points.is_empty() {
                continue;
            }
            let stroke = match horizon {
                jejak_core::Horizon::AsIs => Stroke::solid(color, 1.6),
                jejak_core::Horizon::ToBe => Stroke::dashed(color, 1.3, 4.0, 2.5),
            };
            if points.len() > 1 {
                items.push(Item::Line {
                    points: points.iter().map(|(x, y, _)| (*x, *y)).collect(),
                    stroke,
                });
            }
            for (x, y, s) in &points {
                let shape = match score_glyph(*s) {
                    '▲' => marks::triangle_up(*x, *y, 3.6),
                    '▼' => marks::triangle_down(*x, *y, 3.6),
                    _ => marks::square(*x, *y, 3.6),
                };
                let hollow = horizon == jejak_core::Horizon::ToBe;
                items.push(Item::Shape {
                    points: shape,
                    fill: Some(if hollow { WHITE } else { color }),
                    stroke: Some(Stroke::solid(color, 0.9)),
                });
                let style = TextStyle::new(6.5, Weight::Bold, INK);
                items.push(text(&ctx.fonts, x + 5.0, y - 4.0, &style, signed(*s)));
            }
        }
    }
}
