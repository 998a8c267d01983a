//! What frames the map on paper: the title block, the legend, and the page footer.

use jejak_core::attrs::TouchpointKind;
use jejak_core::{Horizon, MapDoc};

use super::card::kind_color;
use super::items::{marks, paragraph, text, Item, Rect, Rgb, Stroke, TextStyle, INK, MUTED, RULE};
use crate::fonts::Weight;
use crate::layout::Ctx;
use crate::options::ExportOptions;

/// A block of items laid out from (0, 0), `height` tall.
pub struct Block {
    pub height: f32,
    pub items: Vec<Item>,
}

/// Map title, personas, date, facilitator and organisation, `width` wide. `subtitle` is for
/// continuation pages ("Stages 3–4 of 6").
pub fn title_block(
    ctx: &Ctx,
    doc: &MapDoc,
    options: &ExportOptions,
    width: f32,
    subtitle: Option<&str>,
) -> Block {
    let mut items = Vec::new();
    let title = TextStyle::new(18.0, Weight::Bold, INK);
    let mut y = 0.0;
    let map_title = ctx.clean(&doc.map.title);
    paragraph(
        &ctx.fonts, &mut items, 0.0, &mut y, width, &title, 22.0, &map_title,
    );
    let mut facts: Vec<String> = Vec::new();
    if !doc.personas.is_empty() {
        let names: Vec<String> = doc.personas.iter().map(|p| ctx.clean(&p.name)).collect();
        facts.push(format!("{}: {}", ctx.labels.personas, names.join(", ")));
    }
    facts.push(format!("{}: {}", ctx.labels.exported, ctx.date));
    if !options.facilitator.is_empty() {
        facts.push(format!(
            "{}: {}",
            ctx.labels.facilitator,
            ctx.clean(&options.facilitator)
        ));
    }
    if !options.organisation.is_empty() {
        facts.push(format!(
            "{}: {}",
            ctx.labels.organisation,
            ctx.clean(&options.organisation)
        ));
    }
    if let Some(s) = subtitle {
        facts.push(s.to_string());
    }
    let small = TextStyle::new(8.5, Weight::Regular, MUTED);
    y += 2.0;
    let line = facts.join("   ·   ");
    paragraph(
        &ctx.fonts, &mut items, 0.0, &mut y, width, &small, 11.0, &line,
    );
    y += 6.0;
    items.push(Item::Line {
        points: vec![(0.0, y), (width, y)],
        stroke: Stroke::solid(RULE, 0.8),
    });
    Block {
        height: y + 1.0,
        items,
    }
}

/// Entries that flow left to right and wrap: kinds, moment of truth, score shapes, persona lines.
pub fn legend(ctx: &Ctx, doc: &MapDoc, width: f32) -> Block {
    let style = TextStyle::new(7.5, Weight::Regular, INK);
    let bold = TextStyle::new(7.5, Weight::Bold, INK);
    let mut items = Vec::new();
    let (mut x, mut y) = (0.0_f32, 10.0_f32);
    let row_h = 13.0;
    let head = format!("{}:", ctx.labels.legend);
    items.push(text(&ctx.fonts, 0.0, y, &bold, head.clone()));
    let indent = ctx.fonts.width(&head, Weight::Bold, 7.5) + 10.0;
    x += indent;

    type Swatch = Box<dyn Fn(f32, f32) -> Vec<Item>>;
    let mut entries: Vec<(Swatch, f32, String)> = Vec::new();
    for k in [
        TouchpointKind::Digital,
        TouchpointKind::Human,
        TouchpointKind::Physical,
    ] {
        let c = kind_color(k);
        entries.push((
            Box::new(move |x, y| {
                vec![Item::Rect {
                    rect: Rect::new(x, y - 7.0, 3.0, 9.0),
                    fill: Some(c),
                    stroke: None,
                }]
            }),
            7.0,
            ctx.labels.kind(k).to_uppercase(),
        ));
    }
    let gold = Rgb(0xb8, 0x86, 0x0b);
    entries.push((
        Box::new(move |x, y| {
            vec![Item::Shape {
                points: marks::star(x + 4.0, y - 2.8, 4.2),
                fill: Some(gold),
                stroke: None,
            }]
        }),
        11.0,
        ctx.labels.moment_of_truth.to_string(),
    ));
    for (s, word) in [
        (1i8, ctx.labels.positive),
        (0, ctx.labels.neutral),
        (-1, ctx.labels.negative),
    ] {
        entries.push((
            Box::new(move |x, y| {
                let pts = match s {
                    1 => marks::triangle_up(x + 4.0, y - 2.8, 3.4),
                    -1 => marks::triangle_down(x + 4.0, y - 2.8, 3.4),
                    _ => marks::square(x + 4.0, y - 2.8, 3.4),
                };
                vec![Item::Shape {
                    points: pts,
                    fill: Some(INK),
                    stroke: None,
                }]
            }),
            11.0,
            format!("{} {word}", ctx.labels.emotion),
        ));
    }
    let scores = jejak_core::curve::Scores::new(&doc.emotions);
    for (p, h) in jejak_core::curve::drawn_lines(doc, &scores) {
        let color = Rgb::parse(&p.color).unwrap_or(INK);
        let stroke = match h {
            Horizon::AsIs => Stroke::solid(color, 1.6),
            Horizon::ToBe => Stroke::dashed(color, 1.3, 4.0, 2.5),
        };
        entries.push((
            Box::new(move |x, y| {
                vec![Item::Line {
                    points: vec![(x, y - 2.8), (x + 18.0, y - 2.8)],
                    stroke,
                }]
            }),
            22.0,
            format!("{} ({})", ctx.clean(&p.name), ctx.labels.horizon(h)),
        ));
    }
    for (swatch, sw, label) in entries {
        let w = sw + ctx.fonts.width(&label, Weight::Regular, 7.5) + 14.0;
        if x + w > width && x > indent {
            x = indent;
            y += row_h;
        }
        items.extend(swatch(x, y));
        items.push(text(&ctx.fonts, x + sw, y, &style, label));
        x += w;
    }
    Block {
        height: y + 4.0,
        items,
    }
}

/// Page numbers and footers: small and grey, out of the map's way.
const MARGIN_TEXT: TextStyle = TextStyle::new(7.0, Weight::Regular, MUTED);

fn page_label(ctx: &Ctx, page: usize, pages: usize) -> String {
    format!("{} {page} {} {pages}", ctx.labels.page, ctx.labels.of)
}

/// One line of margin text ending at `right`.
fn right_aligned(ctx: &Ctx, right: f32, baseline: f32, s: String) -> Item {
    let w = ctx.fonts.width(&s, MARGIN_TEXT.weight, MARGIN_TEXT.size);
    text(&ctx.fonts, right - w, baseline, &MARGIN_TEXT, s)
}

/// "Map title · Page 2 of 7" along the bottom margin of a sheet.
pub fn footer(
    ctx: &Ctx,
    title: &str,
    page: usize,
    pages: usize,
    sheet: (f32, f32),
    margin: f32,
) -> Vec<Item> {
    let baseline = sheet.1 - margin / 2.0 + 2.0;
    let number = right_aligned(
        ctx,
        sheet.0 - margin,
        baseline,
        page_label(ctx, page, pages),
    );
    let room = sheet.0 - 2.0 * margin - number.bounds().w - 20.0;
    let left = crate::wrap::fit_line(
        &ctx.fonts,
        title,
        MARGIN_TEXT.weight,
        MARGIN_TEXT.size,
        room.max(10.0),
    );
    vec![
        text(&ctx.fonts, margin, baseline, &MARGIN_TEXT, left),
        number,
    ]
}

/// "Page 3 of 9" in the top margin, ending well left of the top-right corner.
pub fn page_number(ctx: &Ctx, page: usize, pages: usize, sheet: (f32, f32), margin: f32) -> Item {
    right_aligned(
        ctx,
        sheet.0 - margin - 14.0,
        margin - 4.0,
        page_label(ctx, page, pages),
    )
}
