//! The two bundled faces (DejaVu Sans regular and bold): their bytes for embedding and their glyph
//! advances for measuring. printpdf neither measures nor wraps, so all text widths come from here.

use ttf_parser::Face;

use crate::PdfError;

pub const REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Printed instead of a character the font has no glyph for, so nothing becomes a silent box.
pub const REPLACEMENT: char = '\u{FFFD}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

pub struct FontSet {
    regular: Face<'static>,
    bold: Face<'static>,
    /// Advances of the characters below [`TABLED`] per weight, looked up once ([`NO_GLYPH`] where
    /// the face lacks one): a cmap lookup per character was a third of a big export's time.
    advances: [Vec<u16>; 2],
}

/// Characters below this (Latin, Greek, Cyrillic, Arabic, Hebrew, punctuation, arrows, shapes,
/// dingbats) are measured from the table.
const TABLED: u32 = 0x2800;
const NO_GLYPH: u16 = u16::MAX;

fn advances(face: &Face<'_>) -> Vec<u16> {
    (0..TABLED)
        .map(|u| {
            char::from_u32(u)
                .and_then(|c| face.glyph_index(c))
                .map_or(NO_GLYPH, |g| {
                    face.glyph_hor_advance(g).unwrap_or(0).min(NO_GLYPH - 1)
                })
        })
        .collect()
}

impl FontSet {
    pub fn bundled() -> Result<FontSet, PdfError> {
        let parse = |bytes: &'static [u8], name: &str| {
            Face::parse(bytes, 0).map_err(|e| PdfError::Font(format!("{name}: {e}")))
        };
        let regular = parse(REGULAR_TTF, "DejaVuSans.ttf")?;
        let bold = parse(BOLD_TTF, "DejaVuSans-Bold.ttf")?;
        Ok(FontSet {
            advances: [advances(&regular), advances(&bold)],
            regular,
            bold,
        })
    }

    /// The face's advance for `c`, or `None` when it has no glyph for it.
    fn advance(&self, c: char, weight: Weight) -> Option<u16> {
        let i = match weight {
            Weight::Regular => 0,
            Weight::Bold => 1,
        };
        match self.advances[i].get(c as usize) {
            Some(&NO_GLYPH) => None,
            Some(a) => Some(*a),
            None => {
                let face = self.face(weight);
                face.glyph_index(c)
                    .map(|g| face.glyph_hor_advance(g).unwrap_or(0))
            }
        }
    }

    fn face(&self, weight: Weight) -> &Face<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Whether both faces can draw `c` (text is printed in either weight).
    pub fn covers(&self, c: char) -> bool {
        self.advance(c, Weight::Regular).is_some() && self.advance(c, Weight::Bold).is_some()
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| self.advance_units(c, weight)).sum();
        self.points(units, weight, size)
    }

    /// Advance of `c` in font units (0 when the font lacks it): summed and then scaled by
    /// [`FontSet::points`], equal to [`FontSet::width`] of the whole string.
    pub fn advance_units(&self, c: char, weight: Weight) -> u32 {
        self.advance(c, weight).map_or(0, u32::from)
    }

    /// Font units in points at `size`.
    pub fn points(&self, units: u32, weight: Weight, size: f32) -> f32 {
        units as f32 * (size / f32::from(self.face(weight).units_per_em()))
    }

    /// Distance from the baseline to the top of capitals, as a fraction of the size.
    pub fn ascent_ratio(&self) -> f32 {
        let face = &self.regular;
        f32::from(face.ascender()) / f32::from(face.units_per_em())
    }
}

/// Text made printable: characters the fonts lack become [`REPLACEMENT`], control characters
/// (tabs, stray carriage returns) become spaces. Line feeds are kept for the wrapper.
pub struct Cleaned {
    pub text: String,
    pub replaced: usize,
}

pub fn clean(fonts: &FontSet, text: &str) -> Cleaned {
    let mut replaced = 0;
    let text = crate::rtl::join_letters(text)
        .chars()
        .filter(|c| *c != '\r')
        .map(|c| {
            if c == '\n' {
                c
            } else if c.is_control() {
                ' '
            } else if fonts.covers(c) {
                c
            } else {
                replaced += 1;
                REPLACEMENT
            }
        })
        .collect();
    Cleaned { text, replaced }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_cover_indonesian_and_markers_but_not_cjk() {
        let fonts = FontSet::bundled().unwrap();
        for c in "ĀéèñöüçÅ★▲▼■●◆→·–—“”€≤≥✓�".chars() {
            assert!(fonts.covers(c), "{c}");
        }
        let cleaned = clean(&fonts, "Kopi 咖啡\tenak\r\n");
        assert_eq!(cleaned.text, "Kopi \u{FFFD}\u{FFFD} enak\n");
        assert_eq!(cleaned.replaced, 2);
    }

    #[test]
    fn the_advance_table_agrees_with_the_faces() {
        let fonts = FontSet::bundled().unwrap();
        for (weight, face) in [
            (Weight::Regular, &fonts.regular),
            (Weight::Bold, &fonts.bold),
        ] {
            // Every tabled character, and some beyond the table (CJK, emoji, private use).
            let beyond = ['咖', '😀', '\u{E000}', '\u{FB01}', '\u{FFFD}'];
            for c in (0..TABLED).filter_map(char::from_u32).chain(beyond) {
                let direct = face
                    .glyph_index(c)
                    .map(|g| face.glyph_hor_advance(g).unwrap_or(0));
                assert_eq!(fonts.advance(c, weight), direct, "{c:?} {weight:?}");
            }
        }
    }

    #[test]
    fn widths_scale_with_size_and_bold_is_wider() {
        let fonts = FontSet::bundled().unwrap();
        let w10 = fonts.width("Pembelian", Weight::Regular, 10.0);
        let w20 = fonts.width("Pembelian", Weight::Regular, 20.0);
        assert!((w20 - 2.0 * w10).abs() < 0.01);
        assert!(fonts.width("Pembelian", Weight::Bold, 10.0) > w10);
        assert!(w10 > 30.0 && w10 < 60.0, "{w10}");
    }
}
