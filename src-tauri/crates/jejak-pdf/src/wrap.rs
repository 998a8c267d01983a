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
                // Break the long word where it stops fitting; the last piece starts the next line.
                for c in word.chars() {
                    let mut next = line.clone();
                    next.push(c);
                    if !line.is_empty() && fonts.width(&next, weight, size) > width {
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    } else {
                        line = next;
                    }
                }
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
    fn long_words_are_broken_between_characters() {
        let f = fonts();
        let word = "https://contoh.co.id/sangat/panjang/sekali/tanpa/spasi/sama/sekali";
        let lines = wrap(&f, word, Weight::Regular, 8.0, 60.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), word);
        for l in &lines {
            assert!(f.width(l, Weight::Regular, 8.0) <= 60.0, "{l}");
        }
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
