//! The touchpoint inventory: every touchpoint with its attributes, in journey order.

use std::collections::HashMap;

use jejak_core::{Id, MapDoc};

use super::card::{emotion_lines, format_number};
use super::table::{table_pages, Column};
use super::{Ctx, Page};
use jejak_core::curve::touchpoints_in_order;
use jejak_core::curve::Scores;

pub fn inventory_pages(ctx: &Ctx, doc: &MapDoc, scores: &Scores, sheet: (f32, f32)) -> Vec<Page> {
    let cards = touchpoints_in_order(doc);
    if cards.is_empty() {
        return Vec::new();
    }
    let l = ctx.labels;
    let stage: HashMap<Id, String> = doc
        .stages
        .iter()
        .map(|s| (s.id, ctx.clean(&s.title)))
        .collect();
    let lane: HashMap<Id, String> = doc
        .lanes
        .iter()
        .map(|s| (s.id, ctx.clean(&s.title)))
        .collect();
    let columns = Column::list(&[
        (l.stage, 1.1),
        (l.lane, 0.9),
        (l.touchpoint, 2.7),
        (l.channel, 1.0),
        (l.kind, 0.8),
        (l.moment_of_truth, 1.0),
        (l.owner, 0.9),
        (l.evidence, 0.8),
        (l.emotion, 1.4),
        (l.metrics, 1.1),
    ]);
    let rows: Vec<Vec<String>> = cards
        .iter()
        .map(|c| {
            let a = &c.attrs;
            let title = ctx.clean(&c.title);
            let body = ctx.clean(&c.body);
            let touchpoint = if body.trim().is_empty() {
                title
            } else {
                format!("{title}\n{body}")
            };
            vec![
                stage.get(&c.stage_id).cloned().unwrap_or_default(),
                lane.get(&c.lane_id).cloned().unwrap_or_default(),
                touchpoint,
                a.channel
                    .as_deref()
                    .map(|ch| ctx.clean(&l.channel(ch)))
                    .unwrap_or_default(),
                a.kind.map(|k| l.kind(k).to_string()).unwrap_or_default(),
                if a.moment_of_truth {
                    format!("★ {}", l.yes)
                } else {
                    String::new()
                },
                a.owner.as_deref().map(|o| ctx.clean(o)).unwrap_or_default(),
                a.evidence
                    .map(|e| l.evidence(e).to_string())
                    .unwrap_or_default(),
                emotion_lines(ctx, c, &doc.personas, scores).join("\n"),
                a.metrics
                    .iter()
                    .map(|(k, v)| format!("{} {}", ctx.clean(k), format_number(ctx.labels, *v)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ]
        })
        .collect();
    table_pages(ctx, l.inventory, &columns, &rows, sheet, None)
}
