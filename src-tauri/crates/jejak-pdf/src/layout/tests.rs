//! Layout checked with numbers: pages stay on paper, sheets cover the map, cards are whole.

use super::items::{Item, Rect};
use super::*;
use crate::fixture::journey;
use crate::options::{ExportOptions, Mode, Orientation, Paper};

pub(super) fn ctx() -> Ctx {
    Ctx::new(
        crate::fonts::FontSet::bundled().unwrap(),
        crate::labels::Labels::for_locale(jejak_core::templates::Locale::En),
        "22 November 2026".into(),
    )
}

pub(super) fn options(mode: Mode, paper: Paper, orientation: Orientation) -> ExportOptions {
    ExportOptions {
        mode,
        paper,
        orientation,
        ..ExportOptions::default()
    }
}

/// Every item outside a clip lies on the page; clips themselves lie on the page.
pub(super) fn assert_on_page(page: &Page) {
    let sheet = Rect::new(0.0, 0.0, page.width, page.height);
    for item in &page.items {
        let b = item.bounds();
        assert!(
            sheet.contains(&b),
            "{item:?} is off the {}x{} page",
            page.width,
            page.height
        );
    }
}

/// Each card lies whole inside exactly one sheet's window: no card is cut or printed twice.
pub(super) fn assert_cards_whole_on_one_sheet(laid: &Laid) {
    let rect = |w: &[f32; 4]| Rect::new(w[0], w[1], w[2], w[3]);
    for card in &laid.preview.cards {
        let holding = laid
            .preview
            .sheets
            .iter()
            .filter(|s| s.rects.iter().any(|w| rect(w).contains(&rect(card))))
            .count();
        assert_eq!(
            holding, 1,
            "card {card:?} must sit whole on exactly one sheet"
        );
    }
}

pub(super) fn texts(items: &[Item], out: &mut Vec<String>) {
    for i in items {
        match i {
            Item::Text { text, .. } => out.push(text.clone()),
            Item::Clipped { items, .. } => texts(items, out),
            _ => {}
        }
    }
}

#[test]
fn every_mode_and_paper_keeps_items_on_the_page() {
    let doc = journey(5, 60);
    let c = ctx();
    for paper in Paper::ALL {
        for orientation in [Orientation::Portrait, Orientation::Landscape] {
            for mode in [Mode::Fit, Mode::ByStage, Mode::Poster] {
                let laid = layout(&c, &doc, &options(mode, paper, orientation));
                assert!(!laid.pages.is_empty());
                for page in &laid.pages {
                    let (w, h) = options(mode, paper, orientation).sheet();
                    assert_eq!((page.width, page.height), (w, h));
                    assert_on_page(page);
                }
            }
        }
    }
}

#[test]
fn fit_puts_the_whole_board_on_one_sheet() {
    let doc = journey(5, 40);
    let laid = layout(
        &ctx(),
        &doc,
        &ExportOptions {
            include_personas: false,
            include_inventory: false,
            ..options(Mode::Fit, Paper::A4, Orientation::Landscape)
        },
    );
    assert_eq!(laid.pages.len(), 1);
    assert_eq!(laid.preview.sheets.len(), 1);
    let r = laid.preview.sheets[0].rects[0];
    assert_eq!((r[2], r[3]), (laid.preview.width, laid.preview.height));
    assert!(laid.preview.scale > 0.0 && laid.preview.scale <= 3.0);
    // Stage bookmarks all lead to that one page.
    assert!(laid.bookmarks.iter().all(|(_, p)| *p == 0));
    assert_eq!(laid.bookmarks.len(), 5);
}

#[test]
fn pages_by_stage_never_cut_a_card() {
    let doc = journey(9, 120);
    let laid = layout(
        &ctx(),
        &doc,
        &options(Mode::ByStage, Paper::A4, Orientation::Portrait),
    );
    let sheets = &laid.preview.sheets;
    assert!(
        sheets.len() > 1,
        "nine stages do not fit one A4 portrait sheet"
    );
    assert_cards_whole_on_one_sheet(&laid);
    // Each stage's bookmark points at the page that shows it; pages are in stage order.
    let pages: Vec<usize> = laid.bookmarks.iter().take(9).map(|(_, p)| *p).collect();
    assert!(pages.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn poster_sheets_overlap_by_the_chosen_amount_and_cover_the_map() {
    let doc = journey(8, 200);
    let o = ExportOptions {
        poster_scale: 100.0,
        overlap_mm: 12.0,
        include_personas: false,
        include_inventory: false,
        ..options(Mode::Poster, Paper::A4, Orientation::Portrait)
    };
    let laid = layout(&ctx(), &doc, &o);
    let sheets = &laid.preview.sheets;
    assert_eq!(
        laid.pages.len(),
        sheets.len() + 1,
        "tiles plus the assembly key"
    );
    let first = sheets[0].rects[0];
    let second = sheets[1].rects[0];
    let overlap = first[0] + first[2] - second[0];
    assert!(
        (overlap - 12.0 * crate::options::MM).abs() < 0.01,
        "{overlap}"
    );
    let right = sheets
        .iter()
        .map(|s| s.rects[0][0] + s.rects[0][2])
        .fold(0.0, f32::max);
    let bottom = sheets
        .iter()
        .map(|s| s.rects[0][1] + s.rects[0][3])
        .fold(0.0, f32::max);
    assert!(right >= laid.preview.width && bottom >= laid.preview.board_y + laid.preview.height);
    // Every tile names itself.
    let mut words = Vec::new();
    texts(&laid.pages[1].items, &mut words);
    assert!(words.iter().any(|w| w.starts_with("Sheet A1")), "{words:?}");
}

#[test]
fn poster_sheets_with_nothing_on_them_are_left_out_and_listed_in_the_key() {
    // Cards only in the first lane: at 200% the sheets under the empty lanes hold empty cells.
    let mut doc = journey(6, 6);
    let first_lane = doc.lanes[0].id;
    for card in &mut doc.cards {
        card.lane_id = first_lane;
    }
    doc.emotions.clear();
    let o = ExportOptions {
        poster_scale: 200.0,
        include_personas: false,
        include_inventory: false,
        ..options(Mode::Poster, Paper::A4, Orientation::Landscape)
    };
    let laid = layout(&ctx(), &doc, &o);
    let printed = laid.preview.sheets.len();
    assert_eq!(laid.pages.len(), printed + 1, "printed sheets plus the key");
    let mut key = Vec::new();
    texts(&laid.pages[0].items, &mut key);
    let key = key.join(" ");
    let listed = key
        .split("Not printed, as nothing is on them (shaded below):")
        .nth(1)
        .unwrap_or_else(|| panic!("the key lists the sheets left out: {key}"));
    let skipped: Vec<&str> = listed
        .split(['.', ','])
        .map(str::trim)
        .take_while(|w| !w.is_empty() && w.len() <= 3)
        .collect();
    assert!(!skipped.is_empty(), "{key}");
    for label in &skipped {
        assert!(
            laid.preview.sheets.iter().all(|s| s.label != *label),
            "{label} is left out and not previewed"
        );
    }
    // Every printed sheet has words of the map on it besides its own marks.
    for page in &laid.pages[1..] {
        let mut words = Vec::new();
        texts(&page.items, &mut words);
        assert!(words.len() > 3, "{words:?}");
    }
}

#[test]
fn a_long_card_grows_and_its_text_stays_inside() {
    let mut doc = journey(3, 6);
    let long: String = "Pelanggan menulis keluhan panjang tentang proses verifikasi. ".repeat(34);
    assert!(long.chars().count() >= 2000);
    doc.cards[0].body = long.clone();
    let c = ctx();
    let board = board::layout_board(&c, &doc, &jejak_core::curve::Scores::new(&doc.emotions));
    let (_, rect) = board
        .cards
        .iter()
        .find(|(id, _)| *id == doc.cards[0].id)
        .unwrap();
    assert!(
        rect.h > 400.0,
        "a 2,000-character card is tall, not cut: {}",
        rect.h
    );
    let mut inside = 0;
    for item in &board.items {
        if let Item::Text { .. } = item {
            let b = item.bounds();
            if rect.intersects(&b) {
                assert!(
                    b.x >= rect.x && b.right() <= rect.right() + 0.01,
                    "{item:?}"
                );
                inside += 1;
            }
        }
    }
    assert!(inside > 30);
}

#[test]
fn every_card_title_is_printed_and_missing_glyphs_are_counted() {
    let mut doc = journey(4, 30);
    doc.cards[3].title = "Kopi 咖啡 enak".into();
    let c = ctx();
    let laid = layout(
        &c,
        &doc,
        &options(Mode::Fit, Paper::A3, Orientation::Landscape),
    );
    let mut words = Vec::new();
    for p in &laid.pages {
        texts(&p.items, &mut words);
    }
    let all = words.join(" ");
    for card in &doc.cards[4..] {
        for w in card.title.split(' ') {
            assert!(all.contains(w), "{w}");
        }
    }
    assert!(all.contains("Kopi \u{FFFD}\u{FFFD} enak"));
    assert!(laid.replaced >= 2);
}

#[test]
fn empty_maps_and_empty_cells_still_lay_out() {
    let mut doc = journey(3, 0);
    let laid = layout(
        &ctx(),
        &doc,
        &options(Mode::ByStage, Paper::Letter, Orientation::Landscape),
    );
    assert!(!laid.pages.is_empty());
    doc.stages.clear();
    doc.lanes.clear();
    for mode in [Mode::Fit, Mode::ByStage, Mode::Poster] {
        let laid = layout(
            &ctx(),
            &doc,
            &options(mode, Paper::A4, Orientation::Landscape),
        );
        assert!(!laid.pages.is_empty());
        laid.pages.iter().for_each(assert_on_page);
    }
}

#[test]
fn inventory_continues_over_pages_with_its_header() {
    let doc = journey(5, 400);
    let c = ctx();
    let pages = inventory::inventory_pages(
        &c,
        &doc,
        &jejak_core::curve::Scores::new(&doc.emotions),
        Paper::A4.portrait(),
    );
    assert!(pages.len() > 2);
    for p in &pages {
        let mut words = Vec::new();
        texts(&p.items, &mut words);
        assert!(
            words.iter().any(|w| w == "Touchpoint"),
            "header row on every page"
        );
        assert_on_page(p);
    }
}
