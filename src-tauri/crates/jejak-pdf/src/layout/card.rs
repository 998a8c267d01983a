//! One card as printed: a stripe that says its kind in colour, and words and shapes that say the
//! same without colour (kind, ★ moment of truth, ▲■▼ emotion), then title, text and attributes.

use jejak_core::attrs::TouchpointKind;
use jejak_core::{Card, Horizon, LaneKind, Persona};

use super::items::{paragraph, Item, Rect, Rgb, Stroke, TextStyle, MUTED, RULE, WHITE};
use crate::fonts::Weight;
use crate::labels::Labels;
use crate::layout::Ctx;
use jejak_core::curve::Scores;

pub const PAD: f32 = 5.0;
const STRIPE: f32 = 3.0;
const TITLE: f32 = 8.5;
const BODY: f32 = 7.0;
/// The smallest text on the board (a card's attributes): the size that must stay readable.
pub const SMALLEST_PT: f32 = 6.3;
const SMALL: f32 = SMALLEST_PT;
const LEAD: f32 = 1.25;

pub fn kind_color(kind: TouchpointKind) -> Rgb {
    match kind {
        TouchpointKind::Digital => Rgb(0x2f, 0x6f, 0xdf),
        TouchpointKind::Human => Rgb(0xc7, 0x66, 0x1f),
        TouchpointKind::Physical => Rgb(0x2e, 0x8b, 0x57),
    }
}

fn lane_color(kind: LaneKind) -> Rgb {
    match kind {
        LaneKind::PainPoints => Rgb(0xc2, 0x3b, 0x3b),
        LaneKind::Opportunities => Rgb(0x1f, 0x8a, 0x8a),
        _ => Rgb(0x9a, 0xa5, 0xb4),
    }
}

/// The shape that stands for a score, so the curve and cards read without colour.
pub fn score_glyph(score: i8) -> char {
    match score.signum() {
        1 => '▲',
        -1 => '▼',
        _ => '■',
    }
}

pub fn signed(score: i8) -> String {
    match score.signum() {
        1 => format!("+{score}"),
        -1 => format!("−{}", score.unsigned_abs()),
        _ => "0".to_string(),
    }
}

/// Scores of this card, one line per persona: "▲ +2 Rina → ■ 0 to-be".
pub fn emotion_lines(ctx: &Ctx, card: &Card, personas: &[Persona], scores: &Scores) -> Vec<String> {
    let mut out = Vec::new();
    for p in personas {
        let find = |h: Horizon| scores.get(card.id, p.id, h);
        let (now, later) = (find(Horizon::AsIs), find(Horizon::ToBe));
        if now.is_none() && later.is_none() {
            continue;
        }
        let name = ctx.clean(&p.name);
        let mut line = match now {
            Some(s) => format!("{} {} {name}", score_glyph(s), signed(s)),
            None => name,
        };
        if let Some(s) = later {
            line.push_str(&format!(
                " → {} {} {}",
                score_glyph(s),
                signed(s),
                ctx.labels.to_be
            ));
        }
        out.push(line);
    }
    out
}

/// The card drawn with its top-left corner at (0, 0), `width` wide; returns its height and items.
pub fn layout_card(
    ctx: &Ctx,
    card: &Card,
    lane: LaneKind,
    personas: &[Persona],
    scores: &Scores,
    width: f32,
) -> (f32, Vec<Item>) {
    let a = &card.attrs;
    let inner = width - 2.0 * PAD - STRIPE;
    let x = STRIPE + PAD;
    let mut y = PAD;
    let mut items = Vec::new();
    let small = TextStyle::new(SMALL, Weight::Regular, MUTED);

    let lines_of = |items: &mut Vec<Item>, y: &mut f32, s: &str, style: &TextStyle| {
        paragraph(&ctx.fonts, items, x, y, inner, style, style.size * LEAD, s);
    };

    // Kind, channel and moment of truth on the first line, in words.
    let mut head: Vec<String> = Vec::new();
    if let Some(k) = a.kind {
        head.push(ctx.labels.kind(k).to_uppercase());
    }
    if let Some(c) = &a.channel {
        head.push(ctx.clean(&ctx.labels.channel(c)));
    }
    if a.moment_of_truth {
        head.push(format!("★ {}", ctx.labels.moment_of_truth));
    }
    if !head.is_empty() {
        let style = TextStyle::new(SMALL, Weight::Bold, a.kind.map_or(MUTED, kind_color));
        lines_of(&mut items, &mut y, &head.join(" · "), &style);
        y += 1.5;
    }

    let title = ctx.clean(&card.title);
    let title_style = TextStyle::new(TITLE, Weight::Bold, super::items::INK);
    lines_of(&mut items, &mut y, &title, &title_style);

    let body = ctx.clean(&card.body);
    if !body.trim().is_empty() {
        y += 1.5;
        let style = TextStyle::new(BODY, Weight::Regular, Rgb(0x37, 0x41, 0x51));
        lines_of(&mut items, &mut y, &body, &style);
    }

    let mut facts: Vec<String> = Vec::new();
    if let Some(o) = &a.owner {
        facts.push(format!("{}: {}", ctx.labels.owner, ctx.clean(o)));
    }
    if let Some(e) = a.evidence {
        facts.push(ctx.labels.evidence(e).to_string());
    }
    if let Some(p) = a.priority {
        facts.push(format!(
            "{}: {}",
            ctx.labels.priority,
            ctx.labels.priority_level(p)
        ));
    }
    let emotions = emotion_lines(ctx, card, personas, scores);
    let metrics: Vec<String> = a
        .metrics
        .iter()
        .map(|(k, v)| format!("{} {}", ctx.clean(k), format_number(ctx.labels, *v)))
        .collect();
    let tags: Vec<String> = a
        .tags
        .iter()
        .map(|t| format!("#{}", ctx.clean(t)))
        .collect();
    if !facts.is_empty() || !emotions.is_empty() || !metrics.is_empty() || !tags.is_empty() {
        y += 2.0;
    }
    for line in [facts.join(" · "), metrics.join(" · "), tags.join(" ")]
        .into_iter()
        .chain(emotions)
        .filter(|l| !l.is_empty())
    {
        lines_of(&mut items, &mut y, &line, &small);
    }
    let height = (y + PAD).max(24.0);

    let fill = a
        .color
        .as_deref()
        .and_then(Rgb::parse)
        .map_or(WHITE, |c| c.lighten(0.82));
    let stripe = a
        .color
        .as_deref()
        .and_then(Rgb::parse)
        .or(a.kind.map(kind_color))
        .unwrap_or(lane_color(lane));
    let mut out = vec![
        Item::Rect {
            rect: Rect::new(0.0, 0.0, width, height),
            fill: Some(fill),
            stroke: Some(Stroke::solid(RULE, 0.6)),
        },
        Item::Rect {
            rect: Rect::new(0.0, 0.0, STRIPE, height),
            fill: Some(stripe),
            stroke: None,
        },
    ];
    if a.moment_of_truth {
        // A heavier outline too, so the moment stands out from across the room.
        out.push(Item::Rect {
            rect: Rect::new(0.0, 0.0, width, height),
            fill: None,
            stroke: Some(Stroke::solid(Rgb(0xb8, 0x86, 0x0b), 1.4)),
        });
    }
    out.extend(items);
    (height, out)
}

/// A figure as the export's language writes it (1,842.5 or 1.842,5, as the board shows it),
/// with the typographic minus the rest of the print uses.
pub fn format_number(labels: &Labels, v: f64) -> String {
    let written = labels.number(v);
    match written.strip_prefix('-') {
        Some(magnitude) => format!("−{magnitude}"),
        None => written,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jejak_core::templates::Locale;

    #[test]
    fn numbers_and_scores_read_well() {
        let (en, id) = (
            Labels::for_locale(Locale::En),
            Labels::for_locale(Locale::Id),
        );
        assert_eq!(format_number(en, 1842.0), "1,842");
        assert_eq!(format_number(id, 1842.0), "1.842");
        assert_eq!(format_number(id, 4.25), "4,25");
        assert_eq!(format_number(en, -0.5), "−0.5");
        assert_eq!(signed(2), "+2");
        assert_eq!(signed(-1), "−1");
        assert_eq!(
            (score_glyph(1), score_glyph(0), score_glyph(-2)),
            ('▲', '■', '▼')
        );
    }
}
