use super::*;
use crate::attrs::CardAttrs;
use crate::model::{HistoryState, MapMeta};
use crate::problem::NumberIssue;

fn card(title: &str, url: Option<&str>, tags: &[&str]) -> Card {
    Card {
        id: crate::model::new_id(),
        stage_id: uuid::Uuid::nil(),
        lane_id: uuid::Uuid::nil(),
        title: title.into(),
        body: String::new(),
        rank: "80".into(),
        attrs: CardAttrs {
            url: url.map(str::to_string),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..CardAttrs::default()
        },
    }
}

fn doc(cards: Vec<Card>) -> MapDoc {
    MapDoc {
        map: MapMeta {
            id: uuid::Uuid::nil(),
            title: "M".into(),
            created_at: 0,
            updated_at: 0,
        },
        stages: vec![],
        lanes: vec![],
        cards,
        personas: vec![],
        emotions: vec![],
        comments: Vec::new(),
        history: HistoryState::default(),
    }
}

const LINKS: &str = "\u{feff}link,long_url,title,tags,clicks\n\
    https://jjk.id/a,https://shop.example.com/promo/,Promo page,promo,\"1,204\"\n\
    https://jjk.id/b,https://shop.example.com/app,App download,app,88\n\
    https://jjk.id/c,https://other.example.com,Unknown,x,5\n";

fn spec(key: &str, by: MatchBy, style: NumberStyle) -> MetricsImport {
    MetricsImport {
        key_column: key.into(),
        match_by: by,
        columns: vec!["clicks".into()],
        number_style: style,
    }
}

fn figure(ops: &[Op], at: usize) -> Option<f64> {
    match ops.get(at) {
        Some(Op::SetCardAttrs { attrs, .. }) => attrs.metrics.get("clicks").copied(),
        _ => None,
    }
}

#[test]
fn link_analytics_match_by_url_and_report_unmatched_rows() {
    let promo = card("Promo", Some("http://www.shop.example.com/promo"), &[]);
    let app = card("App", Some("https://shop.example.com/app"), &["app"]);
    let d = doc(vec![promo.clone(), app.clone()]);
    let by_url = spec("long_url", MatchBy::Url, NumberStyle::DotDecimal);
    let (ops, report) = plan(&d, LINKS, &by_url).unwrap_or_default();
    assert_eq!(report.rows, 3);
    assert_eq!(report.matched_rows, 2);
    assert_eq!(report.updated_cards, 2);
    assert_eq!(
        report.unmatched,
        vec![UnmatchedRow {
            line: 4,
            key: "https://other.example.com".into()
        }]
    );
    assert_eq!(figure(&ops, 0), Some(1204.0));
    // Nothing in this file says whether "1,204" is 1204 or 1.204: refused until chosen.
    let auto = spec("long_url", MatchBy::Url, NumberStyle::Auto);
    assert_eq!(
        plan(&d, LINKS, &auto).err().unwrap_or_default(),
        vec![Problem::CsvNumber {
            line: 2,
            column: "clicks".into(),
            value: "1,204".into(),
            issue: NumberIssue::Ambiguous
        }]
    );
}

#[test]
fn a_file_is_read_in_its_own_number_style() {
    let d = doc(vec![
        card("A", None, &[]),
        card("B", None, &[]),
        card("C", None, &[]),
    ]);
    let by_title = |style| spec("title", MatchBy::Title, style);
    // Indonesian: "1.842" is shown to mean 1842 by "1.842,50" in the same file.
    let id_file = "title,clicks\nA,\"1.842,50\"\nB,1.842\nC,\"12,5\"\n";
    let (ops, _) = plan(&d, id_file, &by_title(NumberStyle::Auto)).unwrap_or_default();
    assert_eq!(
        (figure(&ops, 0), figure(&ops, 1), figure(&ops, 2)),
        (Some(1842.5), Some(1842.0), Some(12.5))
    );
    // English: "1,842" is 1842 because "12.5" shows the dot is the decimal point.
    let en_file = "title,clicks\nA,\"1,842\"\nB,12.5\nC,1 842\n";
    let (ops, _) = plan(&d, en_file, &by_title(NumberStyle::Auto)).unwrap_or_default();
    assert_eq!(
        (figure(&ops, 0), figure(&ops, 1), figure(&ops, 2)),
        (Some(1842.0), Some(12.5), Some(1842.0))
    );
    // A lone "1.842" is refused, and read as the user says once they choose.
    let lone = "title,clicks\nA,1.842\n";
    let refused = plan(&d, lone, &by_title(NumberStyle::Auto))
        .err()
        .unwrap_or_default();
    assert!(matches!(
        refused.as_slice(),
        [Problem::CsvNumber {
            issue: NumberIssue::Ambiguous,
            line: 2,
            ..
        }]
    ));
    let (ops, _) = plan(&d, lone, &by_title(NumberStyle::CommaDecimal)).unwrap_or_default();
    assert_eq!(figure(&ops, 0), Some(1842.0));
    // Both styles in one file: nothing is taken.
    let mixed = "title,clicks\nA,12.5\nB,\"3,25\"\n";
    assert_eq!(
        plan(&d, mixed, &by_title(NumberStyle::Auto))
            .err()
            .unwrap_or_default(),
        vec![Problem::CsvMixedStyles {
            dot_line: 2,
            comma_line: 3
        }]
    );
    // A chosen style refuses figures written in the other one, naming the row.
    let other = "title,clicks\nA,\"1.842,50\"\nB,\"12.5,3\"\nC,1e-400\n";
    let refused = plan(&d, other, &by_title(NumberStyle::DotDecimal))
        .err()
        .unwrap_or_default();
    let issues: Vec<(u32, NumberIssue)> = refused
        .iter()
        .filter_map(|p| match p {
            Problem::CsvNumber { line, issue, .. } => Some((*line, *issue)),
            _ => None,
        })
        .collect();
    assert_eq!(
        issues,
        vec![
            (2, NumberIssue::OtherStyle),
            (3, NumberIssue::NotANumber),
            (4, NumberIssue::OutOfRange)
        ]
    );
}

#[test]
fn bad_rows_are_each_reported_and_nothing_is_planned() {
    let d = doc(vec![card("Promo page", None, &[])]);
    let by_title = spec("title", MatchBy::Title, NumberStyle::Auto);
    let bad = "title,clicks\nPromo page,12\nOther,lots\nThird,1,2\nFourth,n/a\n";
    let errors = plan(&d, bad, &by_title).err().unwrap_or_default();
    let lines: Vec<u32> = errors.iter().map(problem_line).collect();
    assert_eq!(lines, [3, 4, 5], "{errors:?}");
    assert!(matches!(&errors[0], Problem::CsvNumber { value, .. } if value == "lots"));
    assert_eq!(
        errors[1],
        Problem::CsvFieldCount {
            line: 4,
            found: 3,
            expected: 2
        }
    );
    let missing = MetricsImport {
        key_column: "url".into(),
        ..by_title
    };
    assert_eq!(
        plan(&d, bad, &missing).err().unwrap_or_default(),
        vec![Problem::CsvNoColumn {
            column: "url".into()
        }]
    );
}

#[test]
fn previews() {
    let p = preview(LINKS).unwrap_or_else(|_| CsvPreview {
        headers: vec![],
        rows: vec![],
        row_count: 0,
    });
    assert_eq!(p.headers[0], "link");
    assert_eq!(p.row_count, 3);
    assert!(preview("").is_err());
    let broken = preview("a,b\n1\n2,3\n").err().unwrap_or_default();
    assert_eq!(
        broken,
        [Problem::CsvFieldCount {
            line: 2,
            found: 1,
            expected: 2
        }]
    );
}
