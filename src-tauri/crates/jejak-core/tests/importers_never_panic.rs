#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

//! Proptest versions of the fuzz targets in tests/fuzz (run there for longer by `make fuzz`):
//! the number reader and the metrics CSV importer take any input without panicking, and what
//! they accept is right.

use jejak_core::metrics::{plan, preview, MatchBy, MetricsImport};
use jejak_core::numbers::{read_cell, resolve, Cell, Decimal};
use jejak_core::{CardAttrs, HistoryState, MapDoc, MapMeta, NumberStyle, Op};
use proptest::prelude::*;

/// `value` as a person or a spreadsheet writes it in `style`, grouped by threes or not.
fn write_in(value: f64, style: Decimal, grouped: bool, space: bool) -> String {
    let (decimal, group) = match (style, space) {
        (_, true) => (if style == Decimal::Dot { '.' } else { ',' }, ' '),
        (Decimal::Dot, false) => ('.', ','),
        (Decimal::Comma, false) => (',', '.'),
    };
    let text = format!("{:.2}", value.abs());
    let (int, frac) = text.split_once('.').unwrap();
    let mut digits = String::new();
    for (i, c) in int.chars().enumerate() {
        if grouped && i > 0 && (int.len() - i) % 3 == 0 {
            digits.push(group);
        }
        digits.push(c);
    }
    format!(
        "{}{digits}{decimal}{frac}",
        if value < 0.0 { "-" } else { "" }
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_reads_as_a_finite_number_or_not_at_all(text in ".{0,24}") {
        if let Ok(cell) = read_cell(&text) {
            for style in [None, Some(Decimal::Dot), Some(Decimal::Comma)] {
                if let Ok(v) = resolve(cell, style) {
                    prop_assert!(v.is_finite());
                }
            }
        }
    }

    #[test]
    fn a_figure_written_in_either_style_reads_back(
        cents in -10_000_000_000i64..10_000_000_000,
        comma in any::<bool>(),
        grouped in any::<bool>(),
        space in any::<bool>(),
    ) {
        let value = cents as f64 / 100.0;
        let style = if comma { Decimal::Comma } else { Decimal::Dot };
        let written = write_in(value, style, grouped, space);
        let cell = read_cell(&written).unwrap();
        prop_assert!((resolve(cell, Some(style)).unwrap() - value).abs() < 1e-6, "{written}");
        // Two decimals always show the style, so the file's own figures decide it.
        prop_assert!(matches!(cell, Cell::Only(d, _) if d == style) || matches!(cell, Cell::Plain(_)), "{written}");
    }

    #[test]
    fn any_csv_is_refused_or_imported_without_panicking(
        text in "[a-z0-9,.;\"\\n \u{a0}-]{0,200}",
        header in prop::sample::select(vec!["title,clicks\n", "tag,clicks,csat\n", "", "title\n"]),
        style in prop::sample::select(vec![NumberStyle::Auto, NumberStyle::DotDecimal, NumberStyle::CommaDecimal]),
    ) {
        let csv = format!("{header}{text}");
        let _ = preview(&csv);
        let doc = doc();
        let spec = MetricsImport {
            key_column: "title".into(),
            match_by: MatchBy::Title,
            columns: vec!["clicks".into()],
            number_style: style,
        };
        if let Ok((ops, report)) = plan(&doc, &csv, &spec) {
            prop_assert_eq!(report.updated_cards as usize, ops.len());
            for op in ops {
                match op {
                    Op::SetCardAttrs { attrs, .. } => prop_assert!(attrs.metrics.values().all(|v| v.is_finite())),
                    other => prop_assert!(false, "unexpected edit {other:?}"),
                }
            }
        }
    }
}

fn doc() -> MapDoc {
    let card = |title: &str| jejak_core::Card {
        id: jejak_core::new_id(),
        stage_id: jejak_core::new_id(),
        lane_id: jejak_core::new_id(),
        title: title.into(),
        body: String::new(),
        rank: "80".into(),
        attrs: CardAttrs::default(),
    };
    MapDoc {
        map: MapMeta {
            id: jejak_core::new_id(),
            title: "P".into(),
            created_at: 0,
            updated_at: 0,
        },
        stages: vec![],
        lanes: vec![],
        cards: vec![card("a"), card("b1")],
        personas: vec![],
        emotions: vec![],
        comments: Vec::new(),
        history: HistoryState::default(),
    }
}

/// A small but complete map JSON text to mutate.
const MAP_JSON: &str = r##"{"format":"jejak.map","version":1,
"map":{"id":"01890000-0000-7000-8000-000000000001","title":"M","createdAt":1,"updatedAt":2},
"stages":[{"id":"01890000-0000-7000-8000-000000000002","title":"S","rank":"80"}],
"lanes":[{"id":"01890000-0000-7000-8000-000000000003","title":"L","kind":"touchpoints","rank":"80"}],
"cards":[{"id":"01890000-0000-7000-8000-000000000004","stageId":"01890000-0000-7000-8000-000000000002",
"laneId":"01890000-0000-7000-8000-000000000003","title":"C","body":"","rank":"80","attrs":{}}],
"personas":[],"emotions":[]}"##;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn map_json_takes_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = jejak_core::mapjson::read(&bytes);
    }

    #[test]
    fn mutated_map_json_is_read_or_refused(at in 0usize..MAP_JSON.len(), byte in any::<u8>(), cut in any::<bool>()) {
        let mut bytes = MAP_JSON.as_bytes().to_vec();
        if cut { bytes.truncate(at) } else { bytes[at] = byte }
        if let Ok(doc) = jejak_core::mapjson::read(&bytes) {
            // What is accepted writes back to something that reads as the same map.
            let again = jejak_core::mapjson::read(jejak_core::mapjson::write(&doc).as_bytes());
            prop_assert_eq!(again.ok(), Some(doc));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_is_a_mermaid_journey_or_refused(body in "(\\PC{0,20}[:,\n]){0,12}") {
        let text = format!("journey\n{body}");
        if let Ok(doc) = jejak_core::mermaid::read(&text) {
            prop_assert!(doc.emotions.iter().all(|e| (-2..=2).contains(&e.score)));
            // What came in goes out and back in the same.
            let out = jejak_core::mermaid::write(&doc, None);
            let again = jejak_core::mermaid::read(&out);
            prop_assert!(again.is_ok(), "{out}");
        }
    }
}

#[test]
fn the_sample_map_json_is_accepted() {
    assert!(jejak_core::mapjson::read(MAP_JSON.as_bytes()).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_csv_of_cards_is_refused_or_planned_without_panicking(
        text in "[a-zA-Z0-9,;\t\"'=\\n ★-]{0,240}",
        header in prop::sample::select(vec!["Stage,Lane,Title,Kind,Moment of truth\n", "Tahap;Lajur;Judul;Prioritas\n", "", "Title\n"]),
        create in any::<bool>(),
    ) {
        let csv = format!("{header}{text}");
        let mut doc = doc();
        doc.cards.clear();
        if let Ok(preview) = jejak_core::cards_csv::preview(&csv) {
            let spec = jejak_core::cards_csv::CardsImport { mapping: preview.suggested, create_missing: create };
            if let Ok(plan) = jejak_core::cards_csv::plan(&doc, &csv, &spec) {
                let created = plan.summary.new_stages.len() + plan.summary.new_lanes.len();
                prop_assert_eq!(plan.ops.len(), created + plan.summary.cards as usize);
                for op in plan.ops.iter().skip(created) {
                    match op {
                        Op::CreateCard { card, .. } => prop_assert!(card.attrs.validated().is_ok()),
                        other => prop_assert!(false, "unexpected edit {other:?}"),
                    }
                }
            }
        }
    }
}
