//! Line breaking with real glyph widths: paragraphs at line feeds, lines at spaces, and words
//! longer than the line broken between characters (a URL or a German compound never overflows).

use crate::fonts::{FontSet, Weight};

/// Lines of `text` (already cleaned) that each fit in `width` points. An empty text gives no lines.
pub fn wrap(fonts: &FontSet, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.trim_end().split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fonts.width(&candidate, weight, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if fonts.width(word, weight, size) <= width {
                line = word.to_string();
            } else {
                // The long word is broken; its last piece starts the next line. Widths are
                // summed from each character's advance, so a very long word (a pasted code)
                // costs time in proportion to its length.
                let chars: Vec<char> = word.chars().collect();
                let units: Vec<u32> = chars
                    .iter()
                    .map(|&c| fonts.advance_units(c, weight))
                    .collect();
                let link = word.contains('/') || word.contains('@') || word.starts_with("www.");
                let mut start = 0;
                while chars.len() - start > 1
                    && fonts.points(units[start..].iter().sum(), weight, size) > width
                {
                    let piece = Piece {
                        chars: &chars[start..],
                        units: &units[start..],
                        hyphen: fonts.advance_units('-', weight),
                    };
                    let (head, hyphen) =
                        break_point(&piece, |u| fonts.points(u, weight, size) <= width, !link);
                    let mut text: String = chars[start..start + head].iter().collect();
                    if hyphen {
                        text.push('-');
                    }
                    lines.push(text);
                    start += head;
                }
                line = chars[start..].iter().collect();
            }
        }
        if !line.is_empty() || !lines.is_empty() {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// Where a word too long for the line is broken: how many characters stay on this line, and
/// whether a hyphen marks the break. A break after a slash, dot or dash needs no hyphen, and a
/// link or an address never gets one (it would read as part of it); between letters it goes before a consonant that starts a syllable (Pertim-bangan,
/// Manu-sia: Indonesian syllables, and most English ones, start so), at least two letters from
/// either end; failing that, wherever the line is full, with a hyphen between letters.
struct Piece<'a> {
    chars: &'a [char],
    /// Each character's advance in font units.
    units: &'a [u32],
    /// The hyphen's advance.
    hyphen: u32,
}

fn break_point(
    word: &Piece,
    fits_units: impl Fn(u32) -> bool,
    may_hyphenate: bool,
) -> (usize, bool) {
    let chars = word.chars;
    let letters = |head: usize| {
        may_hyphenate && chars[head - 1].is_alphabetic() && chars[head].is_alphabetic()
    };
    // Widths of the first 1, 2, … characters, up to the first that overflows: a line's worth.
    let mut prefix = vec![0u32];
    for &u in word.units.iter().take(chars.len() - 1) {
        let next = prefix[prefix.len() - 1] + u;
        if !fits_units(next) {
            break;
        }
        prefix.push(next);
    }
    let fits = |head: usize| {
        prefix
            .get(head)
            .is_some_and(|&w| fits_units(w + if letters(head) { word.hyphen } else { 0 }))
    };
    // The most characters that fit; at least one, unhyphenated, so a narrow column progresses.
    let Some(most) = (1..prefix.len()).rev().find(|&head| fits(head)) else {
        return (1, false);
    };
    let is_vowel = |c: char| {
        c.to_lowercase()
            .any(|c| "aeiouyàáâäãåèéêëìíîïòóôöõùúûüý".contains(c))
    };
    let good = |head: usize| {
        if matches!(
            chars[head - 1],
            '/' | '.' | '-' | '_' | '?' | '&' | '=' | ','
        ) {
            return true;
        }
        head >= 2
            && chars.len() - head >= 2
            && chars[head - 1].is_alphabetic()
            && chars[head].is_alphabetic()
            && !is_vowel(chars[head])
            && chars.get(head + 1).is_some_and(|&c| is_vowel(c))
    };
    // A good break is taken if it keeps at least half of what would fit.
    let head = (most.div_ceil(2).max(1)..=most)
        .rev()
        .find(|&head| good(head) && fits(head))
        .unwrap_or(most);
    (head, letters(head))
}

/// `text` shortened with an ellipsis to fit `width` (for one-line labels such as table headers).
pub fn fit_line(fonts: &FontSet, text: &str, weight: Weight, size: f32, width: f32) -> String {
    if fonts.width(text, weight, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let mut next = out.clone();
        next.push(c);
        next.push('…');
        if fonts.width(&next, weight, size) > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> FontSet {
        FontSet::bundled().unwrap()
    }

    #[test]
    fn every_line_fits_and_no_word_is_lost() {
        let f = fonts();
        let text =
            "Pelanggan membandingkan harga di lokapasar sebelum memutuskan pembelian pertama";
        let lines = wrap(&f, text, Weight::Regular, 8.0, 90.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(f.width(l, Weight::Regular, 8.0) <= 90.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn links_are_broken_after_their_slashes_and_dots_without_hyphens() {
        let f = fonts();
        let word = "https://contoh.co.id/sangat/panjang/sekali/tanpa/spasi/sama/sekali";
        let lines = wrap(&f, word, Weight::Regular, 8.0, 60.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), word);
        for l in &lines {
            assert!(f.width(l, Weight::Regular, 8.0) <= 60.0, "{l}");
            assert!(!l.ends_with('-'), "{l}");
        }
    }

    #[test]
    fn long_words_are_hyphenated_at_a_syllable() {
        let f = fonts();
        let word = "Pertimbangankeberlanjutanpelayanan";
        let lines = wrap(&f, word, Weight::Bold, 8.0, 70.0);
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines {
            assert!(f.width(l, Weight::Bold, 8.0) <= 70.0, "{l}");
        }
        for l in &lines[..lines.len() - 1] {
            let piece = l.strip_suffix('-').expect("a hyphen marks each break");
            let next = lines.iter().skip_while(|x| *x != l).nth(1).unwrap();
            let (before, after) = (piece.chars().last().unwrap(), next.chars().next().unwrap());
            let vowel = |c: char| "aeiou".contains(c);
            // The next line starts a syllable: consonant then vowel, the break not inside "ng".
            assert!(
                !vowel(after) && next.chars().nth(1).is_some_and(vowel),
                "{l} | {next}"
            );
            assert!(before.is_alphabetic());
        }
        assert_eq!(lines.concat().replace('-', ""), word);
    }

    #[test]
    fn a_pasted_code_of_twenty_thousand_characters_wraps_whole() {
        let f = fonts();
        let code: String = "QmFzZTY0IGRhdGEgdGhhdCBoYXMgbm8gc3BhY2Vz".repeat(500);
        let lines = wrap(&f, &code, Weight::Regular, 7.0, 120.0);
        assert!(lines.len() > 100);
        assert_eq!(lines.concat().replace('-', ""), code);
        for l in &lines {
            assert!(f.width(l, Weight::Regular, 7.0) <= 120.0, "{l}");
        }
    }

    #[test]
    fn a_column_narrower_than_one_letter_still_progresses() {
        let f = fonts();
        let lines = wrap(&f, "Manusia", Weight::Regular, 8.0, 2.0);
        assert_eq!(lines.concat().replace('-', ""), "Manusia");
    }

    #[test]
    fn paragraphs_are_kept_and_empty_text_has_no_lines() {
        let f = fonts();
        assert_eq!(
            wrap(&f, "Satu\n\nDua", Weight::Bold, 8.0, 200.0),
            vec!["Satu", "", "Dua"]
        );
        assert!(wrap(&f, "  \n ", Weight::Regular, 8.0, 200.0).is_empty());
    }

    #[test]
    fn fit_line_adds_an_ellipsis_only_when_needed() {
        let f = fonts();
        assert_eq!(fit_line(&f, "Kanal", Weight::Regular, 8.0, 100.0), "Kanal");
        let cut = fit_line(
            &f,
            "Pengalaman pelanggan yang panjang",
            Weight::Regular,
            8.0,
            50.0,
        );
        assert!(cut.ends_with('…') && f.width(&cut, Weight::Regular, 8.0) <= 50.0);
    }
}
