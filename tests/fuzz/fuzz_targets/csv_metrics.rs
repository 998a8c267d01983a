//! Any bytes as a metrics CSV: the importer never panics, and an import it accepts only sets
//! figures that are finite numbers on cards of the map.
#![no_main]

use jejak_core::metrics::{plan, preview, MatchBy, MetricsImport};
use jejak_core::{NumberStyle, Op};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let _ = preview(&text);
    let doc = jejak_fuzz_support::doc();
    let spec = MetricsImport {
        key_column: "title".into(),
        match_by: [MatchBy::Title, MatchBy::Tag, MatchBy::Url][usize::from(choice % 3)],
        columns: vec!["clicks".into(), "csat".into()],
        number_style: [NumberStyle::Auto, NumberStyle::DotDecimal, NumberStyle::CommaDecimal]
            [usize::from(choice / 3 % 3)],
    };
    if let Ok((ops, report)) = plan(&doc, &text, &spec) {
        assert!(ops.len() <= doc.cards.len());
        assert_eq!(report.updated_cards as usize, ops.len());
        for op in ops {
            let Op::SetCardAttrs { attrs, .. } = op else {
                panic!("an import made another kind of edit")
            };
            assert!(attrs.metrics.values().all(|v| v.is_finite()));
        }
    }
});

#[path = "../support.rs"]
mod jejak_fuzz_support;
