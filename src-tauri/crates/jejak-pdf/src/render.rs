//! The printpdf half: laid-out pages become PDF operations. Only here do y coordinates flip to
//! PDF's bottom-left origin.

use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, RawImage,
    RawImageData, RawImageFormat, TextItem, WindingOrder, XObjectId, XObjectTransform,
};

use crate::fonts::{Weight, BOLD_TTF, REGULAR_TTF};
use crate::layout::items::{Item, Rect, Rgb, Stroke};
use crate::layout::{Laid, Page};
use crate::photo::Photo;
use crate::PdfError;

pub struct DocInfo<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    /// Seconds since the Unix epoch; used for the creation and modification dates.
    pub now_unix: i64,
}

pub fn render(
    laid: &Laid,
    info: &DocInfo,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<u8>, PdfError> {
    let mut warnings = Vec::new();
    let regular = ParsedFont::from_bytes(REGULAR_TTF, 0, &mut warnings)
        .ok_or_else(|| PdfError::Font("DejaVuSans.ttf could not be read".into()))?;
    let bold = ParsedFont::from_bytes(BOLD_TTF, 0, &mut warnings)
        .ok_or_else(|| PdfError::Font("DejaVuSans-Bold.ttf could not be read".into()))?;
    let mut doc = PdfDocument::new(info.title);
    let fonts = Fonts {
        regular: doc.add_font(&regular),
        bold: doc.add_font(&bold),
    };
    let images = register_images(&mut doc, laid);
    let total = laid.pages.len();
    let mut pages = Vec::with_capacity(total);
    for (i, page) in laid.pages.iter().enumerate() {
        pages.push(page_ops(page, &fonts, &images));
        progress(i + 1, total);
    }
    doc.with_pages(pages);
    for (name, page) in &laid.bookmarks {
        doc.add_bookmark(name, page + 1);
    }
    let now = printpdf::OffsetDateTime::from_unix_timestamp(info.now_unix)
        .map_err(|e| PdfError::Font(format!("bad clock: {e}")))?;
    let meta = &mut doc.metadata.info;
    meta.author = info.author.to_string();
    meta.creator = "Jejak".to_string();
    meta.producer = format!("Jejak {} (printpdf)", env!("CARGO_PKG_VERSION"));
    meta.subject = info.subject.to_string();
    meta.creation_date = now;
    meta.modification_date = now;
    meta.metadata_date = now;
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut save_warnings = Vec::new();
    Ok(doc.save(&options, &mut save_warnings))
}

/// Each distinct picture is embedded once, however many pages show it.
type Images = Vec<(*const Photo, XObjectId)>;

fn register_images(doc: &mut PdfDocument, laid: &Laid) -> Images {
    fn walk(items: &[Item], out: &mut Vec<std::sync::Arc<Photo>>) {
        for item in items {
            match item {
                Item::Image { photo, .. }
                    if !out.iter().any(|p| std::sync::Arc::ptr_eq(p, photo)) =>
                {
                    out.push(photo.clone());
                }
                Item::Clipped { items, .. } => walk(items, out),
                _ => {}
            }
        }
    }
    let mut photos = Vec::new();
    for page in &laid.pages {
        walk(&page.items, &mut photos);
    }
    photos
        .into_iter()
        .map(|photo| {
            let raw = RawImage {
                pixels: RawImageData::U8(photo.rgb.clone()),
                width: photo.width,
                height: photo.height,
                data_format: RawImageFormat::RGB8,
                tag: Vec::new(),
            };
            (std::sync::Arc::as_ptr(&photo), doc.add_image(&raw))
        })
        .collect()
}

struct Fonts {
    regular: FontId,
    bold: FontId,
}

/// Tracks what the PDF graphics state already holds, so repeated items do not repeat operators.
#[derive(Default)]
struct State {
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: Option<f32>,
    dash: Option<Option<(f32, f32)>>,
    font: Option<(Weight, f32)>,
    in_text: bool,
    /// Where the current line of text starts, inside a text object (which starts at 0, 0).
    line: (f32, f32),
}

struct Writer<'a> {
    ops: Vec<Op>,
    st: State,
    height: f32,
    fonts: &'a Fonts,
    images: &'a Images,
}

/// Positions to a hundredth of a point (0.0035 mm): finer is invisible on paper, and the full
/// precision of an f32 ("1123.4155") made the page content a third larger.
fn at(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// Sizes, widths and colour channels to a thousandth.
fn fine(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: fine(f32::from(c.0) / 255.0),
        g: fine(f32::from(c.1) / 255.0),
        b: fine(f32::from(c.2) / 255.0),
        icc_profile: None,
    })
}

fn page_ops(page: &Page, fonts: &Fonts, images: &Images) -> PdfPage {
    let mut w = Writer {
        ops: Vec::new(),
        st: State::default(),
        height: page.height,
        fonts,
        images,
    };
    for item in &page.items {
        w.item(item);
    }
    w.end_text();
    PdfPage::new(Mm::from(Pt(page.width)), Mm::from(Pt(page.height)), w.ops)
}

impl Writer<'_> {
    fn pt(&self, (x, y): (f32, f32)) -> LinePoint {
        LinePoint {
            p: Point {
                x: Pt(at(x)),
                y: Pt(at(self.height - y)),
            },
            bezier: false,
        }
    }

    fn end_text(&mut self) {
        if self.st.in_text {
            self.ops.push(Op::EndTextSection);
            self.st.in_text = false;
        }
    }

    fn fill(&mut self, c: Rgb) {
        if self.st.fill != Some(c) {
            self.ops.push(Op::SetFillColor { col: color(c) });
            self.st.fill = Some(c);
        }
    }

    fn stroke(&mut self, s: &Stroke) {
        if self.st.stroke != Some(s.color) {
            self.ops.push(Op::SetOutlineColor {
                col: color(s.color),
            });
            self.st.stroke = Some(s.color);
        }
        if self.st.width != Some(s.width) {
            self.ops.push(Op::SetOutlineThickness {
                pt: Pt(fine(s.width)),
            });
            self.st.width = Some(s.width);
        }
        if self.st.dash != Some(s.dash) {
            let dash = match s.dash {
                Some((a, b)) => LineDashPattern::new(0.0, &[fine(a), fine(b)]),
                None => LineDashPattern::solid(),
            };
            self.ops.push(Op::SetLineDashPattern { dash });
            self.st.dash = Some(s.dash);
        }
    }

    fn polygon(&mut self, points: &[(f32, f32)], mode: PaintMode) {
        let ring = PolygonRing {
            points: points.iter().map(|p| self.pt(*p)).collect(),
        };
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![ring],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// Sets the colours for painting with `fill` and `stroke`; `None` when there is nothing to
    /// paint.
    fn paint(&mut self, fill: Option<Rgb>, stroke: Option<&Stroke>) -> Option<PaintMode> {
        self.end_text();
        Some(match (fill, stroke) {
            (Some(f), Some(s)) => {
                self.fill(f);
                self.stroke(s);
                PaintMode::FillStroke
            }
            (Some(f), None) => {
                self.fill(f);
                PaintMode::Fill
            }
            (None, Some(s)) => {
                self.stroke(s);
                PaintMode::Stroke
            }
            (None, None) => return None,
        })
    }

    fn shape(&mut self, points: &[(f32, f32)], fill: Option<Rgb>, stroke: Option<&Stroke>) {
        if let Some(mode) = self.paint(fill, stroke) {
            self.polygon(points, mode);
        }
    }

    /// A rectangle as one `re` operator (a polygon takes five, with every corner in full).
    fn rect(&mut self, r: &Rect, mode: PaintMode) {
        self.ops.push(Op::DrawRectangle {
            rectangle: printpdf::Rect {
                x: Pt(at(r.x)),
                y: Pt(at(self.height - r.bottom())),
                width: Pt(at(r.w)),
                height: Pt(at(r.h)),
                mode: Some(mode),
                winding_order: None,
            },
        });
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Rect { rect, fill, stroke } => {
                if let Some(mode) = self.paint(*fill, stroke.as_ref()) {
                    self.rect(rect, mode);
                }
            }
            Item::Shape {
                points,
                fill,
                stroke,
            } => self.shape(points, *fill, stroke.as_ref()),
            Item::Line { points, stroke } => {
                self.end_text();
                self.stroke(stroke);
                let line = Line {
                    points: points.iter().map(|p| self.pt(*p)).collect(),
                    is_closed: false,
                };
                self.ops.push(Op::DrawLine { line });
            }
            Item::Text {
                x,
                y,
                size,
                weight,
                color: c,
                text,
                ..
            } => {
                if !self.st.in_text {
                    // The font is graphics state and outlives the text object; the position
                    // does not.
                    self.ops.push(Op::StartTextSection);
                    self.st.in_text = true;
                    self.st.line = (0.0, 0.0);
                }
                if self.st.font != Some((*weight, *size)) {
                    let id = match weight {
                        Weight::Regular => self.fonts.regular.clone(),
                        Weight::Bold => self.fonts.bold.clone(),
                    };
                    self.ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id),
                        size: Pt(fine(*size)),
                    });
                    self.st.font = Some((*weight, *size));
                }
                self.fill(*c);
                // Each line is placed from the previous one (`Td` with small numbers, not a
                // whole matrix): a third less page content.
                let (px, py) = self.st.line;
                let (dx, dy) = (at(at(*x) - px), at(at(self.height - y) - py));
                self.ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(dx),
                        y: Pt(dy),
                    },
                });
                self.st.line = (px + dx, py + dy);
                self.ops.push(Op::ShowText {
                    items: vec![TextItem::Text(crate::rtl::visual_order(text).into_owned())],
                });
            }
            Item::Image { rect, photo } => {
                self.end_text();
                let ptr = std::sync::Arc::as_ptr(photo);
                if let Some((_, id)) = self.images.iter().find(|(p, _)| *p == ptr) {
                    // At 72 dpi one pixel is one point; scale from there to the rectangle.
                    let transform = XObjectTransform {
                        translate_x: Some(Pt(rect.x)),
                        translate_y: Some(Pt(self.height - rect.bottom())),
                        scale_x: Some(rect.w / photo.width as f32),
                        scale_y: Some(rect.h / photo.height as f32),
                        dpi: Some(72.0),
                        ..XObjectTransform::default()
                    };
                    self.ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform,
                    });
                }
            }
            Item::Clipped { clip, items } => {
                if items.is_empty() {
                    return;
                }
                self.end_text();
                self.ops.push(Op::SaveGraphicsState);
                self.rect(clip, PaintMode::Clip);
                for i in items {
                    self.item(i);
                }
                self.end_text();
                self.ops.push(Op::RestoreGraphicsState);
                // The restored state is the one from before the clip; forget what we set inside.
                self.st = State::default();
            }
        }
    }
}
