//! What the page shows, worked out from the map before any markup: the grid row by row, each
//! card with its markers in words, the personas, and the pain points and opportunities by
//! priority. Text stays as the user typed it; the template escapes it.

use std::collections::HashMap;

use jejak_core::attrs::Priority;
use jejak_core::curve::Scores;
use jejak_core::labels::Labels;
use jejak_core::templates::Locale;
use jejak_core::{Card, Horizon, Id, Lane, LaneKind, MapDoc};

use crate::curve::{curve, safe_color, signed, Curve};
use crate::words::{count, Words};

pub struct View<'a> {
    pub lang: &'static str,
    pub title: &'a str,
    pub words: &'static Words,
    pub labels: &'static Labels,
    /// "Exported: 24 November 2026 · 6 stages · 8 lanes · 42 cards".
    pub facts: Vec<String>,
    pub stages: Vec<&'a str>,
    pub rows: Vec<Row<'a>>,
    /// The curve when the map has scores but no emotions lane to draw it in.
    pub loose_curve: Option<Curve>,
    pub personas: Vec<PersonaView<'a>>,
    pub overview: Vec<OverviewGroup<'a>>,
    /// `{"one": ..., "other": ...}` for the search's count, picked by `Intl.PluralRules`.
    pub match_forms: String,
}

pub struct Row<'a> {
    pub title: &'a str,
    pub kind: &'static str,
    /// A service blueprint's line of visibility runs above this (backstage under frontstage) lane.
    pub visibility_above: bool,
    pub curve: Option<Curve>,
    pub cells: Vec<Vec<CardView<'a>>>,
}

pub struct CardView<'a> {
    pub anchor: String,
    pub title: &'a str,
    pub body: &'a str,
    pub color: Option<String>,
    pub moment_of_truth: bool,
    pub markers: Vec<Marker>,
    pub link: Option<&'a str>,
}

pub struct Marker {
    pub class: &'static str,
    pub text: String,
}

pub struct PersonaView<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub color: String,
    pub photo: Option<&'a str>,
    pub sections: Vec<(&'static str, &'a str)>,
}

pub struct OverviewGroup<'a> {
    pub title: &'static str,
    pub kind: &'static str,
    pub rows: Vec<OverviewRow<'a>>,
}

pub struct OverviewRow<'a> {
    pub anchor: String,
    pub title: &'a str,
    pub priority: Option<&'static str>,
    pub priority_class: &'static str,
    pub stage: &'a str,
    pub owner: Option<&'a str>,
}

pub fn anchor(id: Id) -> String {
    format!("card-{id}")
}

/// Only links a browser opens without running anything: web pages and mail.
fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
        .then_some(url)
}

/// Only pictures carried in the page itself: anything else would be fetched from somewhere.
fn safe_photo(photo: &str) -> Option<&str> {
    ["png", "jpeg", "gif", "webp"]
        .iter()
        .any(|t| photo.starts_with(&format!("data:image/{t};base64,")))
        .then_some(photo)
}

fn markers(card: &Card, doc: &MapDoc, scores: &Scores, l: &Labels, priority: bool) -> Vec<Marker> {
    let a = &card.attrs;
    let mut out = Vec::new();
    let mut push = |class, text: String| out.push(Marker { class, text });
    if let Some(k) = a.kind {
        push("kind", l.kind(k).to_string());
    }
    if let Some(c) = &a.channel {
        push("channel", l.channel(c));
    }
    if let Some(p) = a.phase {
        push("phase", l.phase(p).to_string());
    }
    if priority {
        if let Some(p) = a.priority {
            push(
                "priority",
                format!("{}: {}", l.priority, l.priority_level(p)),
            );
        }
    }
    if let Some(e) = a.evidence {
        push("evidence", l.evidence(e).to_string());
    }
    if let Some(o) = &a.owner {
        push("owner", format!("{}: {o}", l.owner));
    }
    for tag in &a.tags {
        push("tag", format!("#{tag}"));
    }
    for (name, value) in &a.metrics {
        push("metric", format!("{name}: {}", l.number(*value)));
    }
    for p in &doc.personas {
        for h in [Horizon::AsIs, Horizon::ToBe] {
            if let Some(s) = scores.get(card.id, p.id, h) {
                let glyph = match s.signum() {
                    1 => '▲',
                    -1 => '▼',
                    _ => '■',
                };
                let who = match h {
                    Horizon::AsIs => p.name.clone(),
                    Horizon::ToBe => format!("{} ({})", p.name, l.to_be),
                };
                push("emotion", format!("{who}: {glyph} {}", signed(s)));
            }
        }
    }
    out
}

fn priority_class(p: Option<Priority>) -> &'static str {
    match p {
        Some(Priority::High) => "high",
        Some(Priority::Medium) => "medium",
        Some(Priority::Low) => "low",
        None => "none",
    }
}

pub fn build<'a>(doc: &'a MapDoc, locale: Locale, exported_at_ms: i64) -> View<'a> {
    let l = Labels::for_locale(locale);
    let w = Words::for_locale(locale);
    let scores = Scores::new(&doc.emotions);
    let curve = curve(doc, &scores, l);

    let mut by_cell: HashMap<(Id, Id), Vec<&Card>> = HashMap::new();
    for c in &doc.cards {
        by_cell.entry((c.stage_id, c.lane_id)).or_default().push(c);
    }
    for cards in by_cell.values_mut() {
        cards.sort_by(|a, b| a.rank.cmp(&b.rank));
    }
    let first_emotions = doc.lanes.iter().position(|x| x.kind == LaneKind::Emotions);
    let mut curve_slot = curve;
    let mut rows = Vec::new();
    let mut prev: Option<LaneKind> = None;
    for (i, lane) in doc.lanes.iter().enumerate() {
        rows.push(row(doc, lane, &by_cell, &scores, l, prev));
        if Some(i) == first_emotions {
            if let Some(r) = rows.last_mut() {
                r.curve = curve_slot.take();
            }
        }
        prev = Some(lane.kind);
    }

    let mut facts = vec![format!(
        "{}: {}",
        l.exported,
        l.date_of_millis(exported_at_ms)
    )];
    for (n, one, other) in [
        (doc.stages.len(), w.stage_one, w.stage_other),
        (doc.lanes.len(), w.lane_one, w.lane_other),
        (doc.cards.len(), w.card_one, w.card_other),
        (doc.personas.len(), w.persona_one, w.persona_other),
    ] {
        facts.push(count(locale, n, one, other));
    }

    View {
        lang: locale.as_str(),
        title: &doc.map.title,
        words: w,
        labels: l,
        facts,
        stages: doc.stages.iter().map(|s| s.title.as_str()).collect(),
        rows,
        loose_curve: curve_slot,
        personas: doc
            .personas
            .iter()
            .map(|p| PersonaView {
                name: &p.name,
                role: &p.role,
                color: safe_color(&p.color),
                photo: p.photo.as_deref().and_then(safe_photo),
                sections: [
                    (l.goals, &p.goals),
                    (l.needs, &p.needs),
                    (l.pains, &p.pains),
                ]
                .into_iter()
                .filter(|(_, text)| !text.trim().is_empty())
                .map(|(h, text)| (h, text.as_str()))
                .collect(),
            })
            .collect(),
        overview: overview(doc, l, w),
        match_forms: serde_json::json!({
            "one": w.matches_one,
            "other": w.matches_other,
            "zero": w.no_matches,
        })
        .to_string(),
    }
}

fn row<'a>(
    doc: &'a MapDoc,
    lane: &'a Lane,
    by_cell: &HashMap<(Id, Id), Vec<&'a Card>>,
    scores: &Scores,
    l: &Labels,
    prev: Option<LaneKind>,
) -> Row<'a> {
    let priority = matches!(lane.kind, LaneKind::PainPoints | LaneKind::Opportunities);
    Row {
        title: &lane.title,
        kind: lane.kind.as_str(),
        visibility_above: prev == Some(LaneKind::Frontstage) && lane.kind == LaneKind::Backstage,
        curve: None,
        cells: doc
            .stages
            .iter()
            .map(|s| {
                by_cell
                    .get(&(s.id, lane.id))
                    .map(|cards| {
                        cards
                            .iter()
                            .map(|c| CardView {
                                anchor: anchor(c.id),
                                title: &c.title,
                                body: &c.body,
                                color: c.attrs.color.as_deref().map(safe_color),
                                moment_of_truth: c.attrs.moment_of_truth,
                                markers: markers(c, doc, scores, l, priority),
                                link: c.attrs.url.as_deref().and_then(safe_link),
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect(),
    }
}

/// Pain points and opportunities, high priority first (none last), then in journey order.
fn overview<'a>(doc: &'a MapDoc, l: &Labels, w: &Words) -> Vec<OverviewGroup<'a>> {
    let stage_pos: HashMap<Id, usize> = doc
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lane_kind: HashMap<Id, LaneKind> = doc.lanes.iter().map(|x| (x.id, x.kind)).collect();
    [
        (LaneKind::PainPoints, w.pain_points),
        (LaneKind::Opportunities, w.opportunities),
    ]
    .into_iter()
    .map(|(kind, title)| {
        let mut cards: Vec<&Card> = doc
            .cards
            .iter()
            .filter(|c| lane_kind.get(&c.lane_id) == Some(&kind))
            .collect();
        let order = |c: &Card| {
            let p = match c.attrs.priority {
                Some(Priority::High) => 0,
                Some(Priority::Medium) => 1,
                Some(Priority::Low) => 2,
                None => 3,
            };
            (p, stage_pos.get(&c.stage_id).copied().unwrap_or(usize::MAX))
        };
        cards.sort_by(|a, b| order(a).cmp(&order(b)).then_with(|| a.rank.cmp(&b.rank)));
        OverviewGroup {
            title,
            kind: kind.as_str(),
            rows: cards
                .into_iter()
                .map(|c| OverviewRow {
                    anchor: anchor(c.id),
                    title: &c.title,
                    priority: c.attrs.priority.map(|p| l.priority_level(p)),
                    priority_class: priority_class(c.attrs.priority),
                    stage: stage_pos
                        .get(&c.stage_id)
                        .and_then(|i| doc.stages.get(*i))
                        .map(|s| s.title.as_str())
                        .unwrap_or(""),
                    owner: c.attrs.owner.as_deref(),
                })
                .collect(),
        }
    })
    .collect()
}
