//! Right-to-left text (Arabic, Hebrew, Persian) for a PDF writer that draws one glyph per
//! character from left to right. Arabic letters are first put in their joined forms (the
//! presentation forms the bundled fonts have), in reading order, so lines are measured and wrapped
//! as printed; each printed line is then put in visual order by the Unicode bidirectional
//! algorithm, so right-to-left words and letters run right to left and numbers and Latin words
//! inside them keep their own order.
//!
//! Vowel marks (harakat) are left out: printed as separate glyphs they would stand beside their
//! letters, not above them.

use std::borrow::Cow;

use std::sync::LazyLock;

use ar_reshaper::{prelude::LigatureNames, ArabicReshaper, ReshaperConfig};
use unicode_bidi::BidiInfo;

/// The default joining, without the one ligature (ﷲ) the bundled fonts lack.
static RESHAPER: LazyLock<ArabicReshaper> = LazyLock::new(|| {
    let mut config = ReshaperConfig::default();
    config.update_ligature(LigatureNames::ARABIC_LIGATURE_ALLAH, false);
    config.to_reshaper()
});

/// Arabic letters in their joined forms, still in reading order. Text without Arabic letters
/// comes back as it is.
pub fn join_letters(text: &str) -> Cow<'_, str> {
    // Most map text has no Arabic at all: do not ask the reshaper letter by letter.
    let arabic = |c: char| matches!(c, '\u{0600}'..='\u{08FF}' | '\u{FB50}'..='\u{FEFF}');
    if text.chars().any(arabic) && RESHAPER.need_reshape(text) {
        Cow::Owned(RESHAPER.reshape(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// One line (no line feed) in the order it is drawn, left to right. Text that is all
/// left-to-right comes back as it is.
pub fn visual_order(line: &str) -> Cow<'_, str> {
    if !line.chars().any(is_rtl_letter) {
        return Cow::Borrowed(line);
    }
    let bidi = BidiInfo::new(line, None);
    let Some(paragraph) = bidi.paragraphs.first() else {
        return Cow::Borrowed(line);
    };
    // Runs in drawing order; right-to-left ones reversed with their brackets mirrored (rule L4,
    // which unicode-bidi's own reordering leaves out), so "(QRIS)" still opens on the right.
    let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
    let mut out = String::with_capacity(line.len());
    for run in runs {
        let text = &line[run.clone()];
        if levels[run.start].is_rtl() {
            out.extend(text.chars().rev().map(mirrored));
        } else {
            out.push_str(text);
        }
    }
    Cow::Owned(out)
}

/// The mirror image of a paired punctuation mark, as right-to-left text shows it.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// Whether a line reads right to left (its first strong letter is Arabic or Hebrew): such lines
/// are set flush right.
pub fn reads_right_to_left(line: &str) -> bool {
    use unicode_bidi::{bidi_class, BidiClass};
    line.chars()
        .map(bidi_class)
        .find(|c| matches!(c, BidiClass::L | BidiClass::R | BidiClass::AL))
        .is_some_and(|c| c != BidiClass::L)
}

fn is_rtl_letter(c: char) -> bool {
    use unicode_bidi::{bidi_class, BidiClass};
    // Nothing before the Hebrew block reads right to left (and most text is there).
    c >= '\u{0590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;

    #[test]
    fn latin_text_is_untouched() {
        let text = "Pelanggan membandingkan harga 1.842 (Rp)";
        assert!(matches!(join_letters(text), Cow::Borrowed(_)));
        assert!(matches!(visual_order(text), Cow::Borrowed(_)));
        assert!(!reads_right_to_left(text));
    }

    #[test]
    fn arabic_words_run_right_to_left_with_joined_letters() {
        let logical = "مرحبا بكم في المتجر";
        let joined = join_letters(logical);
        assert_eq!(
            joined.split(' ').count(),
            4,
            "words stay words and keep their order"
        );
        assert_ne!(joined, logical, "letters take their joined forms");
        let drawn = visual_order(&joined);
        // The first word read is the last one drawn from the left.
        let words: Vec<&str> = drawn.split(' ').collect();
        let first: String = joined.split(' ').next().unwrap().chars().rev().collect();
        assert_eq!(words.last().copied(), Some(first.as_str()));
        assert!(reads_right_to_left(&joined));
    }

    #[test]
    fn numbers_and_latin_inside_arabic_keep_their_order() {
        let joined = join_letters("السعر 1842 روبية عبر QRIS");
        let drawn = visual_order(&joined);
        assert!(drawn.contains("1842"), "{drawn}");
        assert!(drawn.contains("QRIS"), "{drawn}");
        // Read right to left, QRIS comes last: it is drawn first, on the left.
        assert!(drawn.starts_with("QRIS"), "{drawn}");
    }

    #[test]
    fn brackets_in_right_to_left_text_keep_their_meaning() {
        let joined = join_letters("الدفع (QRIS) سريع");
        let drawn = visual_order(&joined);
        // Read right to left, the bracket before QRIS opens it: drawn, "(" is left of QRIS
        // and ")" right of it, as in the left-to-right word itself.
        assert!(drawn.contains("(QRIS)"), "{drawn}");
        let text = join_letters("عميل [جديد]");
        let drawn = visual_order(&text);
        assert!(
            drawn.starts_with('['),
            "the bracket read last is drawn first: {drawn}"
        );
        assert!(
            !drawn.contains(']') || drawn.find('[') < drawn.find(']'),
            "{drawn}"
        );
    }

    #[test]
    fn the_bundled_fonts_have_every_joined_form() {
        let fonts = FontSet::bundled().unwrap();
        let sample = "مرحبا بكم في المتجر، لا إله إلا الله، شكراً جزيلاً، پرداخت، گزارش، يَوم";
        let joined = join_letters(sample);
        for c in joined.chars() {
            assert!(fonts.covers(c), "{c:?} U+{:04X}", u32::from(c));
        }
    }
}
