//! What the user chooses in the export dialog (or on the command line).

use jejak_core::templates::Locale;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One millimetre in points.
pub const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Paper {
    A4,
    A3,
    A2,
    A1,
    Letter,
    Tabloid,
}

impl Paper {
    pub const ALL: [Paper; 6] = [
        Paper::A4,
        Paper::A3,
        Paper::A2,
        Paper::A1,
        Paper::Letter,
        Paper::Tabloid,
    ];

    /// Portrait width and height in points.
    pub fn portrait(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0 * MM, 297.0 * MM),
            Paper::A3 => (297.0 * MM, 420.0 * MM),
            Paper::A2 => (420.0 * MM, 594.0 * MM),
            Paper::A1 => (594.0 * MM, 841.0 * MM),
            Paper::Letter => (612.0, 792.0),
            Paper::Tabloid => (792.0, 1224.0),
        }
    }

    pub fn parse(s: &str) -> Option<Paper> {
        Paper::ALL
            .into_iter()
            .find(|p| format!("{p:?}").eq_ignore_ascii_case(s))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Orientation {
    Portrait,
    Landscape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Mode {
    /// The whole map scaled onto one sheet.
    Fit,
    /// Printed at `poster_scale` and tiled across sheets that overlap by `overlap_mm`.
    Poster,
    /// As many whole stages per sheet as fit; a stage (and so a card) is never cut.
    ByStage,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportOptions {
    pub paper: Paper,
    pub orientation: Orientation,
    pub mode: Mode,
    /// Poster only: printed size in percent of the map's natural size (100 = cards about 6.7 cm wide).
    pub poster_scale: f32,
    /// Poster only: how much neighbouring sheets repeat, for gluing or taping.
    pub overlap_mm: f32,
    pub include_personas: bool,
    pub include_inventory: bool,
    /// A page listing the open comment threads (absent in options saved before comments).
    #[serde(default)]
    pub include_comments: bool,
    pub facilitator: String,
    pub organisation: String,
    /// Language of the words the PDF adds (legend, headings); map content is printed as written.
    pub locale: Locale,
    /// The smallest text size, in points, the map's pages may print: layouts choose their scale
    /// to stay at or above it, and the preview says when one cannot.
    #[serde(default = "default_min_text_pt")]
    pub min_text_pt: f32,
}

/// About what most people still read on a handout held in the hand.
pub const DEFAULT_MIN_TEXT_PT: f32 = 6.0;
pub const MIN_TEXT_PT_RANGE: std::ops::RangeInclusive<f32> = 4.0..=14.0;

fn default_min_text_pt() -> f32 {
    DEFAULT_MIN_TEXT_PT
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            paper: Paper::A4,
            orientation: Orientation::Landscape,
            mode: Mode::Fit,
            poster_scale: 100.0,
            overlap_mm: 10.0,
            include_personas: true,
            include_inventory: true,
            include_comments: false,
            facilitator: String::new(),
            organisation: String::new(),
            locale: Locale::En,
            min_text_pt: DEFAULT_MIN_TEXT_PT,
        }
    }
}

pub const MIN_POSTER_SCALE: f32 = 10.0;
pub const MAX_POSTER_SCALE: f32 = 400.0;
pub const MAX_OVERLAP_MM: f32 = 30.0;

impl ExportOptions {
    /// Sheet width and height in points.
    pub fn sheet(&self) -> (f32, f32) {
        let (w, h) = self.paper.portrait();
        match self.orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        }
    }

    /// Checks the numbers a user can type.
    pub fn validated(&self) -> Result<ExportOptions, String> {
        if !(MIN_POSTER_SCALE..=MAX_POSTER_SCALE).contains(&self.poster_scale) {
            return Err(format!(
                "the poster scale must be between {MIN_POSTER_SCALE}% and {MAX_POSTER_SCALE}%, not {}%",
                self.poster_scale
            ));
        }
        if !(0.0..=MAX_OVERLAP_MM).contains(&self.overlap_mm) {
            return Err(format!(
                "the overlap must be between 0 and {MAX_OVERLAP_MM} mm, not {} mm",
                self.overlap_mm
            ));
        }
        if !MIN_TEXT_PT_RANGE.contains(&self.min_text_pt) {
            return Err(format!(
                "the smallest text size must be between {} and {} pt, not {} pt",
                MIN_TEXT_PT_RANGE.start(),
                MIN_TEXT_PT_RANGE.end(),
                self.min_text_pt
            ));
        }
        for (what, text) in [
            ("facilitator", &self.facilitator),
            ("organisation", &self.organisation),
        ] {
            if text.chars().count() > 200 {
                return Err(format!("the {what} is longer than 200 characters"));
            }
        }
        Ok(ExportOptions {
            facilitator: self.facilitator.trim().to_string(),
            organisation: self.organisation.trim().to_string(),
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_turn_with_orientation() {
        let mut o = ExportOptions::default();
        let (w, h) = o.sheet();
        assert!(w > h && (h - 595.28).abs() < 0.1);
        o.orientation = Orientation::Portrait;
        o.paper = Paper::Tabloid;
        assert_eq!(o.sheet(), (792.0, 1224.0));
        assert_eq!(Paper::parse("a1"), Some(Paper::A1));
        assert_eq!(Paper::parse("letter"), Some(Paper::Letter));
    }

    #[test]
    fn bad_numbers_are_refused() {
        let o = ExportOptions {
            poster_scale: 5.0,
            ..ExportOptions::default()
        };
        assert!(o.validated().is_err());
        let o = ExportOptions {
            overlap_mm: 40.0,
            ..ExportOptions::default()
        };
        assert!(o.validated().is_err());
    }
}
