//! The emotion curve as SVG geometry: one line per persona and horizon (to-be dashed) through the
//! touchpoints in journey order, each point a shape by sign (▲ positive, ■ neutral, ▼ negative,
//! so the curve reads without colour) with its score beside it. Coordinates match the board's
//! stage columns, `STAGE_W` wide each.

use std::collections::HashMap;

use jejak_core::curve::{touchpoints_in_order, Scores};
use jejak_core::labels::Labels;
use jejak_core::{Horizon, Id, MapDoc};

/// A stage column's width in CSS pixels; the stylesheet's `--stage-w` is the same.
pub const STAGE_W: f32 = 240.0;
pub const CURVE_H: f32 = 150.0;
const STEP: f32 = (CURVE_H - 30.0) / 4.0;

pub struct Curve {
    pub width: String,
    pub height: String,
    pub grid: Vec<GridLine>,
    pub lines: Vec<Line>,
}

pub struct GridLine {
    pub y: String,
    pub label: &'static str,
    pub zero: bool,
}

pub struct Line {
    pub color: String,
    pub dashed: bool,
    pub points: String,
    pub marks: Vec<Mark>,
    pub name: String,
}

pub struct Mark {
    pub shape: String,
    pub hollow: bool,
    pub label_x: String,
    pub label_y: String,
    pub label: String,
    /// For a pointer resting on the point, and for screen readers.
    pub title: String,
}

/// `#rrggbb` as stored, or a neutral ink for anything else (the colour lands in an attribute).
pub fn safe_color(c: &str) -> String {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|d| d.is_ascii_hexdigit());
    if ok {
        c.to_ascii_lowercase()
    } else {
        "#334155".to_string()
    }
}

pub fn signed(s: i8) -> String {
    if s > 0 {
        format!("+{s}")
    } else {
        s.to_string()
    }
}

fn n(v: f32) -> String {
    format!("{v:.1}")
}

fn y_of(s: i8) -> f32 {
    CURVE_H / 2.0 - f32::from(s) * STEP
}

/// `None` when no persona has a score on this map.
pub fn curve(doc: &MapDoc, scores: &Scores, labels: &Labels) -> Option<Curve> {
    if doc.emotions.is_empty() || doc.personas.is_empty() {
        return None;
    }
    let cards = touchpoints_in_order(doc);
    let mut x_of: HashMap<Id, f32> = HashMap::new();
    for (si, stage) in doc.stages.iter().enumerate() {
        let here: Vec<_> = cards.iter().filter(|c| c.stage_id == stage.id).collect();
        let count = here.len() as f32;
        for (j, c) in here.iter().enumerate() {
            let x = STAGE_W * si as f32 + (j as f32 + 1.0) * STAGE_W / (count + 1.0);
            x_of.insert(c.id, x);
        }
    }
    let mut lines = Vec::new();
    for persona in &doc.personas {
        for horizon in [Horizon::AsIs, Horizon::ToBe] {
            let mut points = Vec::new();
            let mut marks = Vec::new();
            for c in &cards {
                let (Some(score), Some(&x)) =
                    (scores.get(c.id, persona.id, horizon), x_of.get(&c.id))
                else {
                    continue;
                };
                let y = y_of(score);
                points.push(format!("{},{}", n(x), n(y)));
                let r = 4.5;
                let shape = match score.signum() {
                    1 => [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)].to_vec(),
                    -1 => [(x, y + r), (x + r, y - r * 0.8), (x - r, y - r * 0.8)].to_vec(),
                    _ => [
                        (x - r, y - r),
                        (x + r, y - r),
                        (x + r, y + r),
                        (x - r, y + r),
                    ]
                    .to_vec(),
                };
                marks.push(Mark {
                    shape: shape
                        .iter()
                        .map(|(px, py)| format!("{},{}", n(*px), n(*py)))
                        .collect::<Vec<_>>()
                        .join(" "),
                    hollow: horizon == Horizon::ToBe,
                    label_x: n(x + 6.0),
                    label_y: n(y - 6.0),
                    label: signed(score),
                    title: format!(
                        "{} ({}) {}: {}",
                        persona.name,
                        labels.horizon(horizon),
                        signed(score),
                        c.title
                    ),
                });
            }
            if marks.is_empty() {
                continue;
            }
            lines.push(Line {
                color: safe_color(&persona.color),
                dashed: horizon == Horizon::ToBe,
                points: points.join(" "),
                marks,
                name: format!("{} ({})", persona.name, labels.horizon(horizon)),
            });
        }
    }
    if lines.is_empty() {
        return None;
    }
    let grid = [(2i8, "+2"), (1, "+1"), (0, "0"), (-1, "-1"), (-2, "-2")]
        .into_iter()
        .map(|(s, label)| GridLine {
            y: n(y_of(s)),
            label,
            zero: s == 0,
        })
        .collect();
    Some(Curve {
        width: n(STAGE_W * doc.stages.len().max(1) as f32),
        height: n(CURVE_H),
        grid,
        lines,
    })
}
