//! What a page is made of: rectangles, lines, polygons and single lines of text, in points with
//! the origin at the top left and y growing downwards (the renderer flips to PDF's bottom-left).

use crate::fonts::Weight;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, or `None` for anything else.
    pub fn parse(hex: &str) -> Option<Rgb> {
        let h = hex.strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// This colour mixed with white: `amount` 0 keeps it, 1 gives white.
    pub fn lighten(self, amount: f32) -> Rgb {
        let mix = |c: u8| {
            let c = f32::from(c);
            // Rounded and clamped to 0..=255 first, so the cast cannot truncate.
            (c + (255.0 - c) * amount.clamp(0.0, 1.0))
                .round()
                .clamp(0.0, 255.0) as u8
        };
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

pub const INK: Rgb = Rgb(0x1d, 0x24, 0x30);
pub const MUTED: Rgb = Rgb(0x5a, 0x64, 0x73);
pub const RULE: Rgb = Rgb(0xc5, 0xcc, 0xd6);
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub color: Rgb,
    pub width: f32,
    /// Dash and gap lengths; `None` is a solid line.
    pub dash: Option<(f32, f32)>,
}

impl Stroke {
    pub fn solid(color: Rgb, width: f32) -> Stroke {
        Stroke {
            color,
            width,
            dash: None,
        }
    }

    pub fn dashed(color: Rgb, width: f32, dash: f32, gap: f32) -> Stroke {
        Stroke {
            color,
            width,
            dash: Some((dash, gap)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// This rectangle with `d` more on every side.
    pub fn grown(&self, d: f32) -> Rect {
        Rect::new(self.x - d, self.y - d, self.w + 2.0 * d, self.h + 2.0 * d)
    }

    pub fn intersects(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    /// Whether `o` lies inside this rectangle (with a small tolerance for rounding).
    pub fn contains(&self, o: &Rect) -> bool {
        const EPS: f32 = 0.01;
        o.x >= self.x - EPS
            && o.y >= self.y - EPS
            && o.right() <= self.right() + EPS
            && o.bottom() <= self.bottom() + EPS
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Rect {
        rect: Rect,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    /// An open polyline.
    Line {
        points: Vec<(f32, f32)>,
        stroke: Stroke,
    },
    /// A closed shape (markers: triangles, squares, diamonds, stars).
    Shape {
        points: Vec<(f32, f32)>,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    /// One line of text; `y` is the baseline, `width` the measured advance.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        text: String,
        width: f32,
    },
    /// Items drawn only inside `clip` (poster sheets show a window of the map).
    Clipped { clip: Rect, items: Vec<Item> },
    /// A picture stretched to `rect` (shared, so windows and transforms do not copy pixels).
    Image {
        rect: Rect,
        photo: std::sync::Arc<crate::photo::Photo>,
    },
}

impl Item {
    /// The area the item covers (text: from ascender to descender, approximately).
    pub fn bounds(&self) -> Rect {
        match self {
            Item::Rect { rect, .. } => *rect,
            // Ink reaches half the stroke's width beyond the path: a rule on a window's edge
            // belongs to the window.
            Item::Line { points, stroke } => bounds_of(points).grown(stroke.width / 2.0),
            Item::Shape { points, stroke, .. } => {
                bounds_of(points).grown(stroke.as_ref().map_or(0.0, |s| s.width / 2.0))
            }
            Item::Text {
                x, y, size, width, ..
            } => Rect::new(*x, y - size * 0.93, *width, size * 1.17),
            Item::Clipped { clip, .. } | Item::Image { rect: clip, .. } => *clip,
        }
    }

    /// The item scaled by `s` around the origin, then moved by (dx, dy).
    pub fn transformed(&self, s: f32, dx: f32, dy: f32) -> Item {
        let p = |(x, y): (f32, f32)| (x * s + dx, y * s + dy);
        let r = |r: &Rect| Rect::new(r.x * s + dx, r.y * s + dy, r.w * s, r.h * s);
        let st = |k: &Stroke| Stroke {
            color: k.color,
            width: k.width * s,
            dash: k.dash.map(|(a, b)| (a * s, b * s)),
        };
        match self {
            Item::Rect { rect, fill, stroke } => Item::Rect {
                rect: r(rect),
                fill: *fill,
                stroke: stroke.as_ref().map(st),
            },
            Item::Line { points, stroke } => Item::Line {
                points: points.iter().copied().map(p).collect(),
                stroke: st(stroke),
            },
            Item::Shape {
                points,
                fill,
                stroke,
            } => Item::Shape {
                points: points.iter().copied().map(p).collect(),
                fill: *fill,
                stroke: stroke.as_ref().map(st),
            },
            Item::Text {
                x,
                y,
                size,
                weight,
                color,
                text,
                width,
            } => Item::Text {
                x: x * s + dx,
                y: y * s + dy,
                size: size * s,
                weight: *weight,
                color: *color,
                text: text.clone(),
                width: width * s,
            },
            Item::Clipped { clip, items } => Item::Clipped {
                clip: r(clip),
                items: items.iter().map(|i| i.transformed(s, dx, dy)).collect(),
            },
            Item::Image { rect, photo } => Item::Image {
                rect: r(rect),
                photo: photo.clone(),
            },
        }
    }
}

fn bounds_of(points: &[(f32, f32)]) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for (x, y) in points {
        x0 = x0.min(*x);
        y0 = y0.min(*y);
        x1 = x1.max(*x);
        y1 = y1.max(*y);
    }
    if points.is_empty() {
        return Rect::default();
    }
    Rect::new(x0, y0, x1 - x0, y1 - y0)
}

/// Polygons for the markers that must not rely on colour: shape says what colour also says.
pub mod marks {
    pub fn triangle_up(cx: f32, cy: f32, r: f32) -> Vec<(f32, f32)> {
        vec![(cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)]
    }

    pub fn triangle_down(cx: f32, cy: f32, r: f32) -> Vec<(f32, f32)> {
        vec![(cx - r, cy - r * 0.8), (cx + r, cy - r * 0.8), (cx, cy + r)]
    }

    pub fn square(cx: f32, cy: f32, r: f32) -> Vec<(f32, f32)> {
        let r = r * 0.8;
        vec![
            (cx - r, cy - r),
            (cx + r, cy - r),
            (cx + r, cy + r),
            (cx - r, cy + r),
        ]
    }

    pub fn star(cx: f32, cy: f32, r: f32) -> Vec<(f32, f32)> {
        (0..10)
            .map(|i| {
                let radius = if i % 2 == 0 { r } else { r * 0.45 };
                let a = std::f32::consts::PI * (i as f32) / 5.0 - std::f32::consts::FRAC_PI_2;
                (cx + radius * a.cos(), cy + radius * a.sin())
            })
            .collect()
    }
}

/// Size, weight and colour of a run of text.
pub struct TextStyle {
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb,
}

impl TextStyle {
    pub const fn new(size: f32, weight: Weight, color: Rgb) -> TextStyle {
        TextStyle {
            size,
            weight,
            color,
        }
    }
}

pub fn text(
    fonts: &crate::fonts::FontSet,
    x: f32,
    baseline: f32,
    style: &TextStyle,
    s: impl Into<String>,
) -> Item {
    let text: String = s.into();
    Item::Text {
        x,
        y: baseline,
        size: style.size,
        weight: style.weight,
        color: style.color,
        width: fonts.width(&text, style.weight, style.size),
        text,
    }
}

/// Wraps `s` to `width` and adds one text item per line, `lead` apart, from the line top `*y`
/// down; `*y` ends under the last line. The baseline is centred in the line box. A line that
/// reads right to left (Arabic, Hebrew) is set flush right.
#[allow(clippy::too_many_arguments)]
pub fn paragraph(
    fonts: &crate::fonts::FontSet,
    items: &mut Vec<Item>,
    x: f32,
    y: &mut f32,
    width: f32,
    style: &TextStyle,
    lead: f32,
    s: &str,
) {
    for line in crate::wrap::wrap(fonts, s, style.weight, style.size, width) {
        let baseline = *y + (lead + style.size * 0.7) / 2.0;
        let mut item = text(fonts, x, baseline, style, line);
        if let Item::Text {
            x: left,
            width: drawn,
            text,
            ..
        } = &mut item
        {
            if crate::rtl::reads_right_to_left(text) {
                *left = x + (width - *drawn).max(0.0);
            }
        }
        items.push(item);
        *y += lead;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_lighten() {
        assert_eq!(Rgb::parse("#ff8000"), Some(Rgb(255, 128, 0)));
        assert_eq!(Rgb::parse("red"), None);
        assert_eq!(Rgb::parse("#ÿÿÿ"), None);
        assert_eq!(Rgb(0, 0, 0).lighten(1.0), WHITE);
    }

    #[test]
    fn transforms_scale_geometry_and_text() {
        let t = Item::Text {
            x: 10.0,
            y: 20.0,
            size: 10.0,
            weight: Weight::Regular,
            color: INK,
            text: "a".into(),
            width: 6.0,
        }
        .transformed(0.5, 100.0, 0.0);
        assert_eq!(t.bounds().x, 105.0);
        if let Item::Text { size, width, .. } = t {
            assert_eq!((size, width), (5.0, 3.0));
        }
        assert!(Rect::new(0.0, 0.0, 10.0, 10.0).contains(&Rect::new(1.0, 1.0, 9.0, 9.0)));
        assert!(!Rect::new(0.0, 0.0, 10.0, 10.0).intersects(&Rect::new(10.0, 0.0, 5.0, 5.0)));
    }
}
