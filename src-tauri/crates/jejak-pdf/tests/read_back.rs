//! Exports read back with real PDF readers: poppler's pdftotext, pdffonts and pdfinfo, and qpdf.
//! (`make test` installs poppler-utils and qpdf.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use jejak_pdf::fixture::journey;
use jejak_pdf::{ExportOptions, Mode, Orientation, Paper};

mod common;
use common::{export, run};

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn info(pdf: &Path) -> Vec<(String, String)> {
    run("pdfinfo", &[], pdf)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn field(info: &[(String, String)], key: &str) -> String {
    info.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// Checks shared by every export: a valid file, subset embedded fonts, nothing off the page.
fn assert_sound(pdf: &Path) {
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf is needed");
    assert!(
        check.status.success(),
        "qpdf --check: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let fonts = run("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains('+'), "subset fonts carry a tag: {row}");
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "embedded, subset, unicode: {row}"
        );
    }
}

/// Every word box that pdftotext reports lies on its page.
fn assert_words_on_pages(pdf: &Path) {
    let html = run("pdftotext", &["-bbox"], pdf);
    let mut page = (0.0_f32, 0.0_f32);
    let attr = |line: &str, name: &str| -> f32 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut words = 0;
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page = (attr(line, "width"), attr(line, "height"));
        } else if line.starts_with("<word ") {
            words += 1;
            let (x0, y0, x1, y1) = (
                attr(line, "xMin"),
                attr(line, "yMin"),
                attr(line, "xMax"),
                attr(line, "yMax"),
            );
            assert!(
                x0 >= 0.0 && y0 >= 0.0 && x1 <= page.0 + 0.5 && y1 <= page.1 + 0.5,
                "off the page: {line}"
            );
        }
    }
    assert!(words > 0);
}

/// The words pdftotext finds on page `page` (from 1): text, left edge, top edge.
fn words_on(pdf: &Path, page: usize) -> Vec<(String, f32, f32)> {
    let p = page.to_string();
    let html = run("pdftotext", &["-bbox", "-f", &p, "-l", &p], pdf);
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| {
            let num = |name: &str| -> f32 {
                let at = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                l[at..].split('"').next().unwrap().parse().unwrap()
            };
            let word = l.rsplit_once('>').map(|(a, _)| a).unwrap();
            let word = word.rsplit_once("</word").map(|(a, _)| a).unwrap_or(word);
            let word = word.rsplit_once('>').map(|(_, w)| w).unwrap_or(word);
            (word.to_string(), num("xMin"), num("yMin"))
        })
        .collect()
}

/// An 8×8 grey JPEG, as the persona panel stores photos.
const PHOTO: &str = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/wAALCAAIAAgBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AJ//Z";

#[test]
fn fit_page_has_every_title_real_fonts_metadata_and_bookmarks() {
    let mut doc = journey(5, 40);
    doc.personas[0].photo = Some(PHOTO.into());
    let options = ExportOptions {
        facilitator: "Dewi Lestari".into(),
        organisation: "Koperasi Sejahtera".into(),
        ..ExportOptions::default()
    };
    let e = export(&doc, &options);
    assert_sound(&e.path);
    assert_words_on_pages(&e.path);
    let i = info(&e.path);
    assert_eq!(field(&i, "Page size"), "841.89 x 595.276 pts (A4)");
    assert_eq!(field(&i, "Title"), doc.map.title);
    assert_eq!(field(&i, "Author"), "Dewi Lestari, Koperasi Sejahtera");
    assert!(field(&i, "CreationDate").contains("2026"), "{i:?}");
    assert!(field(&i, "ModDate").contains("2026"));
    let text = squash(&run("pdftotext", &["-raw"], &e.path));
    for card in &doc.cards {
        assert!(
            text.contains(&card.title),
            "{} is not extractable",
            card.title
        );
    }
    for needle in [
        "Siti Nurhaliza",
        "Pertimbangan 2",
        "“Saya ingin menabung tanpa ke cabang.”",
        "Dewi Lestari",
        "22 November 2026",
        "Touchpoint inventory",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    // One outline entry per stage, plus persona and inventory pages.
    let outline = run("qpdf", &["--json", "--json-key=outlines"], &e.path);
    for stage in &doc.stages {
        assert!(
            outline.contains(&stage.title),
            "bookmark for {}",
            stage.title
        );
    }
    assert!(outline.contains("Touchpoint inventory"));
    // The curve has as-is scores only: the legend lists that line alone.
    assert!(text.contains("Siti Nurhaliza (as-is)"));
    assert!(!text.contains("Siti Nurhaliza (to-be)"), "{text}");
    // The persona's photo is embedded once, on the persona page (page 2).
    let images = run("pdfimages", &["-list"], &e.path);
    let rows: Vec<&str> = images.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "{images}");
    let cols: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!((cols[0], cols[3], cols[4]), ("2", "8", "8"), "{images}");
}

#[test]
fn indonesian_labels_accents_long_words_and_missing_glyphs() {
    let mut doc = journey(3, 9);
    doc.cards[0].title = "Pelayanan ramah — café & crème brûlée, ‘naïve’ façade".into();
    doc.cards[1].title = "Superkalifragilistikekspialidosiustanpaspasisamasekalipanjangnya".into();
    doc.cards[2].title = "Kopi 咖啡 enak".into();
    doc.cards[0].attrs.metrics = [("Kunjungan".to_string(), 1842.5)].into();
    let options = ExportOptions {
        locale: jejak_core::templates::Locale::Id,
        ..ExportOptions::default()
    };
    let e = export(&doc, &options);
    assert_sound(&e.path);
    assert_words_on_pages(&e.path);
    let raw = run("pdftotext", &["-raw"], &e.path);
    let text = squash(&raw);
    assert!(text.contains("Pelayanan ramah — café & crème brûlée, ‘naïve’ façade"));
    // The long word is broken across lines, never lost or cut off.
    assert!(raw
        .replace('\n', "")
        .contains("Superkalifragilistikekspialidosiustanpaspasisamasekalipanjangnya"));
    // Figures as the board writes them in Indonesian, on the card and in the inventory.
    assert_eq!(text.matches("Kunjungan 1.842,5").count(), 2, "{text}");
    assert!(
        text.contains("Kopi \u{FFFD}\u{FFFD} enak"),
        "missing glyphs show a visible mark"
    );
    // Board, persona page and inventory each print the title once.
    assert_eq!(e.replaced, 3 * 2);
    for word in [
        "Keterangan",
        "Momen penentu",
        "Daftar titik sentuh",
        "Halaman 1 dari",
    ] {
        assert!(text.contains(word), "{word}");
    }
}

#[test]
fn arabic_prints_right_to_left_with_joined_letters() {
    let mut doc = journey(2, 4);
    let title = "مرحبا بكم في المتجر";
    let body = "السعر 1842 روبية عبر QRIS";
    doc.cards[0].title = title.into();
    doc.cards[0].body = body.into();
    let e = export(&doc, &ExportOptions::default());
    assert_sound(&e.path);
    assert_eq!(e.replaced, 0, "the bundled fonts have every joined form");
    // Poppler reads right-to-left runs back into reading order: text drawn in the wrong order
    // (words left to right) would read back reversed.
    let marks = ['\u{202A}', '\u{202B}', '\u{202C}'];
    let text = squash(&run("pdftotext", &[], &e.path).replace(marks, ""));
    let printed = jejak_pdf::rtl::join_letters(title);
    assert!(text.contains(printed.as_ref()), "{printed} in {text}");
    // Mixed text, drawn left to right: the last word read comes first; Arabic words have their
    // letters reversed, the number and the Latin word keep theirs.
    let joined = jejak_pdf::rtl::join_letters(body);
    let mut expected: Vec<String> = joined
        .split(' ')
        .map(|w| {
            if w.chars().any(|c| c.is_ascii_alphanumeric()) {
                w.to_string()
            } else {
                w.chars().rev().collect()
            }
        })
        .collect();
    expected.reverse();
    let words = words_on(&e.path, 1);
    let qris = words.iter().find(|(w, _, _)| w == "QRIS").unwrap();
    let mut line: Vec<&(String, f32, f32)> = words
        .iter()
        .filter(|(_, _, y)| (y - qris.2).abs() < 0.5)
        .collect();
    line.sort_by(|a, b| a.1.total_cmp(&b.1));
    let drawn: Vec<&str> = line.iter().map(|(w, _, _)| w.as_str()).collect();
    assert_eq!(drawn, expected);
}

#[test]
fn two_hundred_cards_by_stage_on_a3_and_a_two_thousand_character_card() {
    let mut doc = journey(6, 220);
    let long =
        "Nasabah menjelaskan setiap langkah verifikasi yang gagal dengan sangat rinci. ".repeat(26);
    assert!(long.chars().count() >= 2000);
    doc.cards[5].body = long.clone();
    let options = ExportOptions {
        paper: Paper::A3,
        orientation: Orientation::Landscape,
        mode: Mode::ByStage,
        ..ExportOptions::default()
    };
    let e = export(&doc, &options);
    assert_sound(&e.path);
    assert_words_on_pages(&e.path);
    let i = info(&e.path);
    assert_eq!(field(&i, "Page size"), "1190.55 x 841.89 pts (A3)");
    let text = squash(&run("pdftotext", &["-raw"], &e.path));
    for card in &doc.cards {
        assert!(text.contains(&card.title), "{}", card.title);
    }
    assert!(
        text.contains(squash(&long).as_str()),
        "the whole 2,000 characters are printed"
    );
}

#[test]
fn poster_tiles_repeat_the_overlap_strip_on_neighbouring_sheets() {
    let doc = journey(8, 80);
    let overlap_mm = 15.0;
    let options = ExportOptions {
        paper: Paper::A4,
        orientation: Orientation::Portrait,
        mode: Mode::Poster,
        poster_scale: 100.0,
        overlap_mm,
        include_personas: false,
        include_inventory: false,
        ..ExportOptions::default()
    };
    let e = export(&doc, &options);
    assert_sound(&e.path);
    let i = info(&e.path);
    assert_eq!(field(&i, "Page size"), "595.276 x 841.89 pts (A4)");
    let pages: usize = field(&i, "Pages").parse().unwrap();
    assert!(
        pages > 4,
        "an 8-stage map at 100% needs several A4 sheets: {pages}"
    );
    // The same word sits one tile step apart on sheet A1 (page 2) and A2 (page 3).
    let words = |page: usize| words_on(&e.path, page);
    let (a1, a2) = (words(2), words(3));
    let margin = 10.0 * 72.0 / 25.4;
    let step = (595.276 - 2.0 * margin) - overlap_mm * 72.0 / 25.4;
    let repeated = a1
        .iter()
        .filter(|(w, x, y)| {
            a2.iter()
                .any(|(w2, x2, y2)| w2 == w && (y2 - y).abs() < 0.5 && (x - x2 - step).abs() < 0.5)
        })
        .count();
    assert!(
        repeated > 0,
        "no word of A1's overlap strip is repeated on A2"
    );
    let key = squash(&run("pdftotext", &["-raw", "-f", "1", "-l", "1"], &e.path));
    assert!(key.contains("Assembly key"));
}
