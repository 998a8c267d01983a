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
}

impl FontSet {
    pub fn bundled() -> Result<FontSet, PdfError> {
        let parse = |bytes: &'static [u8], name: &str| {
            Face::parse(bytes, 0).map_err(|e| PdfError::Font(format!("{name}: {e}")))
        };
        Ok(FontSet {
            regular: parse(REGULAR_TTF, "DejaVuSans.ttf")?,
            bold: parse(BOLD_TTF, "DejaVuSans-Bold.ttf")?,
        })
    }

    fn face(&self, weight: Weight) -> &Face<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Whether both faces can draw `c` (text is printed in either weight).
    pub fn covers(&self, c: char) -> bool {
        self.regular.glyph_index(c).is_some() && self.bold.glyph_index(c).is_some()
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let face = self.face(weight);
        let per_unit = size / f32::from(face.units_per_em());
        text.chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0.0, f32::from)
            })
            .sum::<f32>()
            * per_unit
    }

    /// Advance of `c` in font units (0 when the font lacks it): summed and then scaled by
    /// [`FontSet::points`], equal to [`FontSet::width`] of the whole string.
    pub fn advance_units(&self, c: char, weight: Weight) -> u32 {
        let face = self.face(weight);
        face.glyph_index(c)
            .and_then(|g| face.glyph_hor_advance(g))
            .map_or(0, u32::from)
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
    fn widths_scale_with_size_and_bold_is_wider() {
        let fonts = FontSet::bundled().unwrap();
        let w10 = fonts.width("Pembelian", Weight::Regular, 10.0);
        let w20 = fonts.width("Pembelian", Weight::Regular, 20.0);
        assert!((w20 - 2.0 * w10).abs() < 0.01);
        assert!(fonts.width("Pembelian", Weight::Bold, 10.0) > w10);
        assert!(w10 > 30.0 && w10 < 60.0, "{w10}");
    }
}
