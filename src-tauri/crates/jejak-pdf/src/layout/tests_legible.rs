//! Big maps stay legible: each layout's smallest text against the reader's minimum, pages by stage
//! filled with whole stages and lanes, the curve beside its touchpoints, one very tall card
//! shrinking only its own sheet, and the layouts proposed when *fit* prints too small.

use jejak_core::curve::Scores;
use jejak_core::LaneKind;

use super::board::layout_board;
use super::by_stage::plan_for;
use super::items::{Item, Rgb};
use super::tests::{assert_cards_whole_on_one_sheet, assert_on_page, ctx, options, texts};
use super::*;
use crate::fixture::{journey, workshop};
use crate::options::{ExportOptions, Mode, Orientation, Paper};

/// Rounding slack on sizes in points.
const SLACK: f32 = 0.01;

fn plain(mode: Mode, paper: Paper) -> ExportOptions {
    ExportOptions {
        include_personas: false,
        include_inventory: false,
        ..options(mode, paper, Orientation::Landscape)
    }
}

fn tall_card_map() -> jejak_core::MapDoc {
    let mut doc = journey(5, 150);
    doc.cards[5].body = "Keluhan panjang tentang verifikasi. ".repeat(60);
    doc
}

#[test]
fn pages_by_stage_keep_the_text_readable_and_fill_their_sheets() {
    let ctx = ctx();
    for (doc, paper) in [
        (workshop(5, 50), Paper::A4),
        (workshop(6, 300), Paper::A4),
        (workshop(6, 300), Paper::A3),
    ] {
        let o = plain(Mode::ByStage, paper);
        let laid = layout(&ctx, &doc, &o);
        let p = &laid.preview;
        assert!(p.text_pt >= 6.0 - SLACK, "{paper:?}: {} pt", p.text_pt);
        assert!(p.scale <= 1.0, "not enlarged past natural size");
        assert!(p.smaller_sheets.is_empty(), "{:?}", p.smaller_sheets);
        assert!(p.proposals.is_empty());
        assert_cards_whole_on_one_sheet(&laid);
        laid.pages.iter().for_each(assert_on_page);
        // Full sheets: per run of stages, at most one sheet more than the height of its lanes
        // needs (a lane-by-lane split leaves most sheets half empty).
        let board = layout_board(&ctx, &doc, &Scores::new(&doc.emotions));
        let plan = plan_for(&ctx, &doc, &board, &o);
        let mut chunks: Vec<(usize, usize)> = plan.sheets.iter().map(|s| s.stages).collect();
        chunks.dedup();
        let mut least = 0;
        for chunk in &chunks {
            let used: f32 = plan
                .sheets
                .iter()
                .filter(|s| s.stages == *chunk)
                .map(|s| s.height())
                .sum();
            least += (used / plan.height).ceil() as usize + 1;
        }
        assert!(
            plan.sheets.len() <= least,
            "{paper:?}: {} sheets where {least} would do",
            plan.sheets.len()
        );
    }
}

#[test]
fn a_very_tall_card_makes_only_its_own_sheet_smaller() {
    let ctx = ctx();
    let doc = tall_card_map();
    let laid = layout(&ctx, &doc, &plain(Mode::ByStage, Paper::A4));
    let p = &laid.preview;
    assert!(
        p.scale * super::card::SMALLEST_PT >= 6.0 - SLACK,
        "the export keeps a readable scale: {}",
        p.scale
    );
    assert_eq!(p.smaller_sheets.len(), 1, "{:?}", p.smaller_sheets);
    assert!(
        p.text_pt < 6.0,
        "the preview says how small that sheet prints"
    );
    let board = layout_board(&ctx, &doc, &Scores::new(&doc.emotions));
    let tall = board
        .cards
        .iter()
        .find(|(id, _)| *id == doc.cards[5].id)
        .map(|(_, r)| *r)
        .unwrap();
    let sheet = p
        .sheets
        .iter()
        .find(|s| s.label == p.smaller_sheets[0])
        .unwrap();
    assert!(sheet
        .rects
        .iter()
        .any(|r| items::Rect::new(r[0], r[1], r[2], r[3]).contains(&tall)));
    assert_cards_whole_on_one_sheet(&laid);
    // On A3 the card fits a sheet at the readable size: nothing is smaller.
    let a3 = layout(&ctx, &doc, &plain(Mode::ByStage, Paper::A3));
    assert!(a3.preview.smaller_sheets.is_empty());
    assert!(a3.preview.text_pt >= 6.0 - SLACK);
}

fn draws_line(items: &[Item], color: Rgb, width: f32) -> bool {
    items.iter().any(|i| match i {
        Item::Line { stroke, .. } => stroke.color == color && (stroke.width - width).abs() < 1e-3,
        Item::Clipped { items, .. } => draws_line(items, color, width),
        _ => false,
    })
}

#[test]
fn the_emotion_curve_is_on_every_sheet_with_touchpoints() {
    let doc = workshop(6, 300);
    let touch_lane = doc
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .unwrap()
        .id;
    let persona = Rgb::parse(&doc.personas[0].color).unwrap();
    for paper in [Paper::A4, Paper::A3] {
        let laid = layout(&ctx(), &doc, &plain(Mode::ByStage, paper));
        let mut with_touchpoints = 0;
        for (i, page) in laid.pages.iter().enumerate() {
            let mut words = Vec::new();
            texts(&page.items, &mut words);
            let shows_touchpoint = doc
                .cards
                .iter()
                .filter(|c| c.lane_id == touch_lane)
                .any(|c| {
                    let head = c.title.split(':').next().unwrap_or_default();
                    words.iter().any(|w| w.starts_with(&format!("{head}:")))
                });
            if shows_touchpoint {
                with_touchpoints += 1;
                assert!(
                    draws_line(&page.items, persona, 1.6),
                    "{paper:?} page {}: touchpoints without the curve",
                    i + 1
                );
            }
        }
        assert!(with_touchpoints > 1, "the touchpoints span several sheets");
    }
}

#[test]
fn fit_says_when_it_prints_too_small_and_proposes_layouts_that_do_not() {
    let ctx = ctx();
    let doc = workshop(6, 300);
    let fit = layout(&ctx, &doc, &plain(Mode::Fit, Paper::A3));
    assert!(fit.preview.text_pt < 2.0, "{}", fit.preview.text_pt);
    let proposals = &fit.preview.proposals;
    let by = proposals.iter().find(|p| p.mode == Mode::ByStage).unwrap();
    let by_stage = layout(&ctx, &doc, &plain(Mode::ByStage, Paper::A3));
    assert_eq!(by.sheets, by_stage.preview.sheets.len());
    assert!(by.text_pt >= 6.0 - SLACK);
    let poster = proposals.iter().find(|p| p.mode == Mode::Poster).unwrap();
    assert_eq!(
        poster.poster_scale, 96.0,
        "the smallest whole percent for 6 pt"
    );
    let laid = layout(
        &ctx,
        &doc,
        &ExportOptions {
            poster_scale: poster.poster_scale,
            ..plain(Mode::Poster, Paper::A3)
        },
    );
    assert_eq!(poster.sheets, laid.preview.sheets.len());
    assert!(laid.preview.text_pt >= 6.0 - SLACK && poster.text_pt >= 6.0 - SLACK);
    assert!(laid.preview.proposals.is_empty());
    // A map that fits legibly is left alone.
    let small = layout(&ctx, &journey(3, 6), &plain(Mode::Fit, Paper::A3));
    assert!(small.preview.text_pt >= 6.0);
    assert!(small.preview.proposals.is_empty());
    // A poster printed too small is offered the scale that is not.
    let tiny = layout(
        &ctx,
        &doc,
        &ExportOptions {
            poster_scale: 50.0,
            ..plain(Mode::Poster, Paper::A3)
        },
    );
    let modes: Vec<Mode> = tiny.preview.proposals.iter().map(|p| p.mode).collect();
    assert_eq!(modes, [Mode::ByStage, Mode::Poster]);
    assert_eq!(tiny.preview.proposals[1].poster_scale, 96.0);
}

#[test]
fn the_smallest_text_size_is_the_users_choice() {
    let ctx = ctx();
    let doc = workshop(5, 50);
    let eight = ExportOptions {
        min_text_pt: 8.0,
        ..plain(Mode::ByStage, Paper::A3)
    };
    let laid = layout(&ctx, &doc, &eight);
    assert!(
        laid.preview.text_pt >= 8.0 - SLACK,
        "{}",
        laid.preview.text_pt
    );
    assert!(laid.preview.proposals.is_empty());
    let fit = layout(
        &ctx,
        &doc,
        &ExportOptions {
            mode: Mode::Fit,
            ..eight.clone()
        },
    );
    assert!(fit
        .preview
        .proposals
        .iter()
        .all(|p| p.text_pt >= 8.0 - SLACK));
    for bad in [3.0, 15.0, f32::NAN] {
        let o = ExportOptions {
            min_text_pt: bad,
            ..eight.clone()
        };
        assert!(o.validated().is_err(), "{bad} pt");
    }
}

#[test]
fn a_lane_full_in_some_stages_and_empty_in_others_takes_a_strip_where_empty() {
    let mut doc = journey(6, 60);
    let lane = doc.lanes[4].id; // opportunities
    let first = doc.stages[0].id;
    let template = doc.cards[0].clone();
    for n in 0..40 {
        doc.cards.push(jejak_core::Card {
            id: uuid::Uuid::from_u128(90_000 + n),
            stage_id: first,
            lane_id: lane,
            rank: format!("z{n:04}"),
            ..template.clone()
        });
    }
    let laid = layout(&ctx(), &doc, &plain(Mode::ByStage, Paper::A4));
    let p = &laid.preview;
    assert!(p.smaller_sheets.is_empty(), "{:?}", p.smaller_sheets);
    assert!(p.text_pt >= 6.0 - SLACK, "{}", p.text_pt);
    assert_cards_whole_on_one_sheet(&laid);
}

fn draws_dashed(items: &[Item], color: Rgb) -> bool {
    items.iter().any(|i| match i {
        Item::Line { stroke, .. } => stroke.color == color && stroke.dash.is_some(),
        Item::Clipped { items, .. } => draws_dashed(items, color),
        _ => false,
    })
}

#[test]
fn pages_by_stage_keep_the_line_of_visibility_and_their_margins() {
    let ctx = ctx();
    let visibility = Rgb(0x6b, 0x4c, 0x9a);
    // Twelve stages: two-digit ranges in the sheets' subtitles.
    for (doc, paper) in [(workshop(12, 300), Paper::A4), (workshop(6, 80), Paper::A3)] {
        let o = plain(Mode::ByStage, paper);
        let board = layout_board(&ctx, &doc, &Scores::new(&doc.emotions));
        let sheets = super::by_stage::by_stage(&ctx, &doc, &board, &o);
        let (_, h) = o.sheet();
        let mut captions = 0;
        for (i, page) in sheets.pages.iter().enumerate() {
            for item in &page.items {
                let bottom = item.bounds().bottom();
                assert!(
                    bottom <= h - super::sheets::MARGIN + 0.5,
                    "{paper:?} page {}: {item:?} runs into the bottom margin",
                    i + 1
                );
            }
            let mut words = Vec::new();
            texts(&page.items, &mut words);
            if words.iter().any(|w| w.ends_with("Line of visibility")) {
                captions += 1;
                assert!(
                    draws_dashed(&page.items, visibility),
                    "{paper:?} page {}: the caption without its line",
                    i + 1
                );
            }
        }
        assert!(captions > 0, "{paper:?}: the line of visibility is printed");
    }
}
