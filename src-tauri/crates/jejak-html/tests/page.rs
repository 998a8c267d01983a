#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! The page as text: user text escaped everywhere, nothing that would reach the network, the
//! parts a reader needs. (A real browser loads it in tests/e2e/html-export.test.mjs.)

use jejak_core::attrs::Priority;
use jejak_core::templates::Locale;
use jejak_core::{
    Card, CardAttrs, EmotionScore, HistoryState, Horizon, Lane, LaneKind, MapDoc, MapMeta, Persona,
    Stage,
};
use uuid::Uuid;

const HOSTILE: &str = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn card(n: u128, stage: u128, lane: u128, title: &str, attrs: CardAttrs) -> Card {
    Card {
        id: id(n),
        stage_id: id(stage),
        lane_id: id(lane),
        title: title.into(),
        body: format!("{title} body"),
        rank: format!("{n:04}"),
        attrs,
    }
}

fn map() -> MapDoc {
    let lanes = [
        (10, "Touchpoints", LaneKind::Touchpoints),
        (11, "Emotions", LaneKind::Emotions),
        (12, "Pain points", LaneKind::PainPoints),
        (13, "Frontstage", LaneKind::Frontstage),
        (14, "Backstage", LaneKind::Backstage),
    ];
    let pain = |p| CardAttrs {
        priority: Some(p),
        owner: Some("Ops".into()),
        ..CardAttrs::default()
    };
    MapDoc {
        map: MapMeta {
            id: id(1),
            title: format!("Map {HOSTILE}"),
            created_at: 0,
            updated_at: 0,
        },
        stages: (0..2)
            .map(|i| Stage {
                id: id(100 + i),
                title: format!("Stage {i} {HOSTILE}"),
                rank: format!("{i:04}"),
            })
            .collect(),
        lanes: lanes
            .iter()
            .enumerate()
            .map(|(i, (n, t, k))| Lane {
                id: id(*n),
                title: t.to_string(),
                kind: *k,
                rank: format!("{i:04}"),
            })
            .collect(),
        cards: vec![
            card(
                1000,
                100,
                10,
                HOSTILE,
                CardAttrs {
                    url: Some("javascript:alert(3)".into()),
                    metrics: [("clicks".to_string(), 1842.5)].into_iter().collect(),
                    tags: vec![HOSTILE.into()],
                    color: Some("red;background:url(http://x)".into()),
                    ..CardAttrs::default()
                },
            ),
            card(
                1001,
                101,
                10,
                "Sign-up",
                CardAttrs {
                    url: Some("https://example.org/a?b=1&c=2".into()),
                    moment_of_truth: true,
                    ..CardAttrs::default()
                },
            ),
            card(1002, 100, 12, "Low one", pain(Priority::Low)),
            card(1003, 101, 12, "High one", pain(Priority::High)),
        ],
        personas: vec![Persona {
            id: id(500),
            name: format!("Rina {HOSTILE}"),
            role: String::new(),
            goals: "Save".into(),
            needs: String::new(),
            pains: String::new(),
            color: "#7c3aed".into(),
            photo: Some("https://tracker.example/pixel.png".into()),
            rank: "0000".into(),
        }],
        emotions: vec![
            EmotionScore {
                card_id: id(1000),
                persona_id: id(500),
                horizon: Horizon::AsIs,
                score: 2,
            },
            EmotionScore {
                card_id: id(1001),
                persona_id: id(500),
                horizon: Horizon::AsIs,
                score: -1,
            },
        ],
        comments: Vec::new(),
        history: HistoryState::default(),
    }
}

fn page(doc: &MapDoc, locale: Locale) -> String {
    jejak_html::page(doc, locale, 1_795_564_799_999).expect("the page renders")
}

#[test]
fn user_text_is_escaped_everywhere() {
    let html = page(&map(), Locale::En);
    // The only script is the page's own search; no user text becomes markup.
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(!html.contains("<img src=x"));
    // Quotes are escaped too, so text in an attribute (a title, a tooltip) cannot close it.
    assert!(!html.contains("\"'>"), "a quote got through");
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(!html.contains("javascript:"), "a script link was kept");
    assert!(!html.contains("url(http"), "a colour carried CSS");
}

#[test]
fn nothing_on_the_page_points_at_the_network() {
    let html = page(&map(), Locale::En);
    assert!(html.contains("default-src 'none'"), "the page's CSP");
    assert!(!html.contains("tracker.example"), "a photo from elsewhere");
    for needle in ["src=\"http", "@import", "url(", "@font-face", "srcset"] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    // A card's web link is there to click (escaped), never loaded.
    assert!(
        html.contains("href=\"https://example.org/a?b=1&#38;c=2\""),
        "{html}"
    );
}

#[test]
fn the_page_has_the_board_curve_personas_and_overview() {
    let html = page(&map(), Locale::En);
    assert!(html.contains("Exported: 24 November 2026 · 2 stages · 5 lanes · 4 cards · 1 persona"));
    assert!(html.contains("★ Moment of truth"));
    assert!(html.contains("clicks: 1,842.5"));
    assert!(html.contains("Line of visibility"), "the blueprint's line");
    assert_eq!(
        html.matches("<polyline").count(),
        1,
        "one as-is line, no empty to-be line"
    );
    assert!(html.contains("Rina &#60;script&#62;"));
    let high = html
        .find("High one</a>")
        .expect("the high one in the overview");
    let low = html
        .find("Low one</a>")
        .expect("the low one in the overview");
    assert!(high < low, "high priority first");
    assert!(html.contains(&format!("href=\"#card-{}\"", id(1003))));
    assert!(html.contains(&format!("id=\"card-{}\"", id(1003))));
}

#[test]
fn an_indonesian_page_is_worded_and_figured_in_indonesian() {
    let html = page(&map(), Locale::Id);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"));
    assert!(
        html.contains("Diekspor: 24 November 2026 · 2 tahap · 5 lajur · 4 kartu · 1 persona"),
        "{}",
        &html[..2000]
    );
    assert!(html.contains("clicks: 1.842,5"));
    assert!(html.contains("Titik masalah dan peluang"));
}

#[test]
fn a_map_without_scores_or_cards_still_makes_a_page() {
    let mut doc = map();
    doc.emotions.clear();
    doc.cards.clear();
    let html = page(&doc, Locale::En);
    assert!(!html.contains("<svg"), "no curve without scores");
    assert!(html.contains("None on this map."));
    doc.stages.clear();
    doc.lanes.clear();
    doc.personas.clear();
    let html = page(&doc, Locale::En);
    assert!(html.contains("0 stages"));
}

#[test]
fn scores_on_a_map_without_an_emotions_lane_still_draw_the_curve() {
    let mut doc = map();
    doc.lanes.retain(|l| l.kind != LaneKind::Emotions);
    let html = page(&doc, Locale::En);
    assert_eq!(html.matches("<svg").count(), 1);
    assert!(html.contains(">Emotion curve</div>"));
}

#[test]
fn the_board_as_a_table_escapes_html_and_quotes_multi_card_cells() {
    let mut doc = map();
    doc.cards
        .push(card(1004, 100, 10, "Second\tone", CardAttrs::default()));
    let t = jejak_html::table(&doc, Locale::En).unwrap();
    assert!(!t.html.contains("<script>"), "{}", t.html);
    assert!(t.html.contains("<th>Lane / Stage</th>"));
    assert!(
        t.html.contains("<br>Second\tone"),
        "two cards in one cell, one a line"
    );
    assert!(t.html.contains("★ Sign-up"), "a moment of truth is starred");
    // A spreadsheet reads it back to the same grid: a header and one row per lane.
    let mut rows = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .from_reader(t.text.as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1 + doc.lanes.len());
    assert_eq!(rows[0].len(), 1 + doc.stages.len());
    assert_eq!(&rows[1][0], "Touchpoints");
    assert_eq!(&rows[1][1], format!("{HOSTILE}\nSecond\tone"));
    assert_eq!(&rows[1][2], "★ Sign-up");
    let id = jejak_html::table(&doc, Locale::Id).unwrap();
    assert!(id.text.starts_with("Lajur / Tahap\t"));
}
