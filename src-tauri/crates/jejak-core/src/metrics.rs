//! Importing figures from a CSV export (link analytics, campaign reports, survey scores) onto the
//! touchpoints they belong to. Pure: it reads the CSV text and the map, and returns the edits and a
//! report. A file with any bad row produces only errors, one message per bad row.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Card, Id, MapDoc};
use crate::ops::Op;

/// How a CSV row finds its touchpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MatchBy {
    /// The row's value equals the card's link (ignoring case, scheme and a trailing slash).
    Url,
    /// The card carries the row's value as a tag.
    Tag,
    /// The row's value equals the card's title (ignoring case and surrounding spaces).
    Title,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MetricsImport {
    /// Header of the column that identifies the touchpoint.
    pub key_column: String,
    pub match_by: MatchBy,
    /// Headers of the numeric columns to import; each becomes a metric of that name.
    pub columns: Vec<String>,
}

/// The first rows of a CSV, to choose columns from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CsvPreview {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub row_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnmatchedRow {
    /// 1-based line number in the file (the header is line 1).
    pub line: u32,
    pub key: String,
}

/// What an import did (or would do).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    pub rows: u32,
    pub matched_rows: u32,
    pub updated_cards: u32,
    pub unmatched: Vec<UnmatchedRow>,
}

const MAX_ROWS: usize = 100_000;
const PREVIEW_ROWS: usize = 5;

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes())
}

fn line_of(pos: Option<&csv::Position>, fallback: usize) -> u32 {
    let line = pos.map(|p| p.line()).unwrap_or(fallback as u64);
    u32::try_from(line).unwrap_or(u32::MAX)
}

fn describe(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => format!(
            "line {}: {len} fields where the header has {expected_len}",
            line_of(pos.as_ref(), 0)
        ),
        csv::ErrorKind::Utf8 { pos, .. } => {
            format!(
                "line {}: the text is not valid UTF-8",
                line_of(pos.as_ref(), 0)
            )
        }
        _ => format!("the file cannot be read as CSV: {e}"),
    }
}

/// A CSV reader positioned after the header row, with the headers.
type Opened<'a> = (csv::Reader<&'a [u8]>, Vec<String>);

fn open(text: &str) -> Result<Opened<'_>, Vec<String>> {
    let mut rdr = reader(text);
    let headers = rdr
        .headers()
        .map_err(|e| vec![describe(&e)])?
        .iter()
        .map(str::to_string)
        .collect();
    Ok((rdr, headers))
}

pub fn preview(text: &str) -> Result<CsvPreview, Vec<String>> {
    let (mut rdr, headers) = open(text)?;
    if headers.iter().all(|h| h.is_empty()) {
        return Err(vec!["the file has no header row".into()]);
    }
    let mut rows = Vec::new();
    let mut count = 0u32;
    for record in rdr.records() {
        let record = record.map_err(|e| vec![describe(&e)])?;
        if rows.len() < PREVIEW_ROWS {
            rows.push(record.iter().map(str::to_string).collect());
        }
        count += 1;
    }
    Ok(CsvPreview {
        headers,
        rows,
        row_count: count,
    })
}

/// `1234`, `-3.5`, `1,234,567.8`; empty means "no figure".
pub fn parse_number(raw: &str) -> Option<f64> {
    let s = raw.trim();
    let grouped = s.contains(',')
        && s.trim_start_matches('-')
            .split('.')
            .next()
            .is_some_and(|int| {
                let mut groups = int.split(',');
                groups.next().is_some_and(|g| (1..=3).contains(&g.len()))
                    && groups.all(|g| g.len() == 3)
            });
    let clean = if grouped {
        s.replace(',', "")
    } else {
        s.to_string()
    };
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn normalize_url(u: &str) -> String {
    let lower = u.trim().to_lowercase();
    let no_scheme = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let no_www = no_scheme.strip_prefix("www.").unwrap_or(no_scheme);
    no_www.trim_end_matches('/').to_string()
}

fn matches(card: &Card, by: MatchBy, key: &str) -> bool {
    let key = key.trim();
    if key.is_empty() {
        return false;
    }
    match by {
        MatchBy::Url => card
            .attrs
            .url
            .as_deref()
            .is_some_and(|u| normalize_url(u) == normalize_url(key)),
        MatchBy::Tag => card
            .attrs
            .tags
            .iter()
            .any(|t| t.to_lowercase() == key.to_lowercase()),
        MatchBy::Title => card.title.trim().to_lowercase() == key.to_lowercase(),
    }
}

/// Reads the CSV and returns one `SetCardAttrs` per touched card (to apply as one undo step), or
/// every problem found, one message per bad row.
pub fn plan(
    doc: &MapDoc,
    text: &str,
    spec: &MetricsImport,
) -> Result<(Vec<Op>, ImportReport), Vec<String>> {
    let (mut rdr, headers) = open(text)?;
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut errors = Vec::new();
    let key_at = col(&spec.key_column);
    if key_at.is_none() {
        errors.push(format!("there is no column {:?}", spec.key_column));
    }
    if spec.columns.is_empty() {
        errors.push("choose at least one column of figures".into());
    }
    let mut value_cols = Vec::new();
    for name in &spec.columns {
        match col(name) {
            Some(i) => value_cols.push((name.clone(), i)),
            None => errors.push(format!("there is no column {name:?}")),
        }
    }
    let Some(key_at) = key_at else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut report = ImportReport::default();
    let mut figures: BTreeMap<Id, BTreeMap<String, f64>> = BTreeMap::new();
    for (i, record) in rdr.records().enumerate() {
        if i >= MAX_ROWS {
            errors.push(format!("the file has more than {MAX_ROWS} rows"));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(describe(&e));
                continue;
            }
        };
        let line = line_of(record.position(), i + 2);
        report.rows += 1;
        let mut values = Vec::new();
        for (name, at) in &value_cols {
            let raw = record.get(*at).unwrap_or("");
            if raw.trim().is_empty() {
                continue;
            }
            match parse_number(raw) {
                Some(v) => values.push((name.clone(), v)),
                None => errors.push(format!(
                    "line {line}: {name:?} is {raw:?}, which is not a number"
                )),
            }
        }
        let key = record.get(key_at).unwrap_or("").to_string();
        let hits: Vec<&Card> = doc
            .cards
            .iter()
            .filter(|c| matches(c, spec.match_by, &key))
            .collect();
        if hits.is_empty() {
            report.unmatched.push(UnmatchedRow { line, key });
            continue;
        }
        report.matched_rows += 1;
        for card in hits {
            let entry = figures.entry(card.id).or_default();
            // A later row for the same touchpoint replaces the figures of an earlier one.
            for (name, v) in &values {
                entry.insert(name.clone(), *v);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut ops = Vec::new();
    for card in &doc.cards {
        if let Some(new) = figures.get(&card.id) {
            let mut attrs = card.attrs.clone();
            attrs
                .metrics
                .extend(new.iter().map(|(k, v)| (k.clone(), *v)));
            ops.push(Op::SetCardAttrs { id: card.id, attrs });
        }
    }
    report.updated_cards = u32::try_from(ops.len()).unwrap_or(u32::MAX);
    Ok((ops, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attrs::CardAttrs;
    use crate::model::{HistoryState, MapMeta};

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
            history: HistoryState::default(),
        }
    }

    const LINKS: &str = "\u{feff}link,long_url,title,tags,clicks\n\
        https://jjk.id/a,https://shop.example.com/promo/,Promo page,promo,\"1,204\"\n\
        https://jjk.id/b,https://shop.example.com/app,App download,app,88\n\
        https://jjk.id/c,https://other.example.com,Unknown,x,5\n";

    #[test]
    fn link_analytics_match_by_url_and_report_unmatched_rows() {
        let promo = card("Promo", Some("http://www.shop.example.com/promo"), &[]);
        let app = card("App", Some("https://shop.example.com/app"), &["app"]);
        let d = doc(vec![promo.clone(), app.clone()]);
        let spec = MetricsImport {
            key_column: "long_url".into(),
            match_by: MatchBy::Url,
            columns: vec!["clicks".into()],
        };
        let (ops, report) = plan(&d, LINKS, &spec).unwrap_or_default();
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
        let Some(Op::SetCardAttrs { attrs, .. }) = ops.first() else {
            panic!("no op")
        };
        assert_eq!(attrs.metrics.get("clicks"), Some(&1204.0));
    }

    #[test]
    fn bad_rows_are_each_reported_and_nothing_is_planned() {
        let d = doc(vec![card("Promo page", None, &[])]);
        let spec = MetricsImport {
            key_column: "title".into(),
            match_by: MatchBy::Title,
            columns: vec!["clicks".into()],
        };
        let bad = "title,clicks\nPromo page,12\nOther,lots\nThird,1,2\nFourth,n/a\n";
        let errors = plan(&d, bad, &spec).err().unwrap_or_default();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("line 3") && errors[0].contains("lots"));
        assert!(errors[1].contains("line 4"));
        assert!(errors[2].contains("line 5"));
        let missing = MetricsImport {
            key_column: "url".into(),
            ..spec
        };
        assert!(plan(&d, bad, &missing).is_err());
    }

    #[test]
    fn numbers_and_previews() {
        assert_eq!(parse_number("1,234,567.5"), Some(1_234_567.5));
        assert_eq!(parse_number("-3.5"), Some(-3.5));
        assert_eq!(parse_number("12,5"), None);
        assert_eq!(parse_number("abc"), None);
        let p = preview(LINKS).unwrap_or_else(|_| CsvPreview {
            headers: vec![],
            rows: vec![],
            row_count: 0,
        });
        assert_eq!(p.headers[0], "link");
        assert_eq!(p.row_count, 3);
        assert!(preview("").is_err());
        let broken = preview("a,b\n1\n2,3\n").err().unwrap_or_default();
        assert_eq!(broken, ["line 2: 1 fields where the header has 2"]);
    }
}

/// An applied import: the edits' patch and what matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportResult {
    pub patch: crate::model::Patch,
    pub report: ImportReport,
}
