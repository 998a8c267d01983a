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
                // The long word is broken; its last piece starts the next line.
                let mut rest: Vec<char> = word.chars().collect();
                let link = word.contains('/') || word.contains('@') || word.starts_with("www.");
                while rest.len() > 1
                    && fonts.width(&rest.iter().collect::<String>(), weight, size) > width
                {
                    let (head, hyphen) = break_point(fonts, &rest, weight, size, width, !link);
                    let mut piece: String = rest[..head].iter().collect();
                    if hyphen {
                        piece.push('-');
                    }
                    lines.push(piece);
                    rest.drain(..head);
                }
                line = rest.into_iter().collect();
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
fn break_point(
    fonts: &FontSet,
    word: &[char],
    weight: Weight,
    size: f32,
    width: f32,
    may_hyphenate: bool,
) -> (usize, bool) {
    let fits = |head: usize, hyphen: bool| {
        let mut piece: String = word[..head].iter().collect();
        if hyphen {
            piece.push('-');
        }
        fonts.width(&piece, weight, size) <= width
    };
    let letters =
        |head: usize| may_hyphenate && word[head - 1].is_alphabetic() && word[head].is_alphabetic();
    // The most characters that fit (always at least one, so a narrow column still progresses).
    let most = (1..word.len())
        .rev()
        .find(|&head| fits(head, letters(head)))
        .unwrap_or(1);
    let is_vowel = |c: char| {
        c.to_lowercase()
            .any(|c| "aeiouyàáâäãåèéêëìíîïòóôöõùúûüý".contains(c))
    };
    let good = |head: usize| {
        if matches!(
            word[head - 1],
            '/' | '.' | '-' | '_' | '?' | '&' | '=' | ','
        ) {
            return true;
        }
        head >= 2
            && word.len() - head >= 2
            && word[head - 1].is_alphabetic()
            && word[head].is_alphabetic()
            && !is_vowel(word[head])
            && word.get(head + 1).is_some_and(|&c| is_vowel(c))
    };
    // A good break is taken if it keeps at least half of what would fit.
    let head = (most.div_ceil(2).max(1)..=most)
        .rev()
        .find(|&head| good(head) && fits(head, letters(head)))
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
