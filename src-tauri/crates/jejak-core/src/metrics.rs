//! Importing figures from a CSV export (link analytics, campaign reports, survey scores) onto the
//! touchpoints they belong to. Pure: it reads the CSV text and the map, and returns the edits and a
//! report. A file with any bad row produces only errors, one problem per bad cell or row.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Card, Id, MapDoc};
use crate::numbers;
use crate::ops::Op;
use crate::problem::{NumberStyle, Problem};

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
    /// How the file writes its figures; `auto` decides from the file's unambiguous ones.
    #[serde(default)]
    pub number_style: NumberStyle,
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

pub(crate) fn describe(e: &csv::Error) -> Problem {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => Problem::CsvFieldCount {
            line: line_of(pos.as_ref(), 0),
            found: u32::try_from(*len).unwrap_or(u32::MAX),
            expected: u32::try_from(*expected_len).unwrap_or(u32::MAX),
        },
        csv::ErrorKind::Utf8 { pos, .. } => Problem::CsvNotUtf8 {
            line: line_of(pos.as_ref(), 0),
        },
        _ => Problem::CsvUnreadable,
    }
}

/// A CSV reader positioned after the header row, with the headers.
pub(crate) type Opened<'a> = (csv::Reader<&'a [u8]>, Vec<String>);

/// Reads the header row of `rdr` (also for the cards import, whose reader sniffs the separator).
pub(crate) fn headed(mut rdr: csv::Reader<&[u8]>) -> Result<Opened<'_>, Vec<Problem>> {
    let headers = rdr
        .headers()
        .map_err(|e| vec![describe(&e)])?
        .iter()
        .map(str::to_string)
        .collect();
    Ok((rdr, headers))
}

pub fn preview(text: &str) -> Result<CsvPreview, Vec<Problem>> {
    let (mut rdr, headers) = headed(reader(text))?;
    if headers.iter().all(|h| h.is_empty()) {
        return Err(vec![Problem::CsvNoHeader]);
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

/// One data row, read but not yet matched: its line, key, and the figure cells that are not blank.
struct Row {
    line: u32,
    key: String,
    cells: Vec<(usize, String, numbers::Cell)>,
}

/// Reads the CSV and returns one `SetCardAttrs` per touched card (to apply as one undo step), or
/// every problem found, one per bad cell or row.
pub fn plan(
    doc: &MapDoc,
    text: &str,
    spec: &MetricsImport,
) -> Result<(Vec<Op>, ImportReport), Vec<Problem>> {
    let (mut rdr, headers) = headed(reader(text))?;
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut errors = Vec::new();
    let key_at = col(&spec.key_column);
    if key_at.is_none() {
        errors.push(Problem::CsvNoColumn {
            column: spec.key_column.clone(),
        });
    }
    if spec.columns.is_empty() {
        errors.push(Problem::CsvNoFigureColumns);
    }
    let mut value_cols = Vec::new();
    for name in &spec.columns {
        match col(name) {
            Some(i) => value_cols.push((name.clone(), i)),
            None => errors.push(Problem::CsvNoColumn {
                column: name.clone(),
            }),
        }
    }
    let Some(key_at) = key_at else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }

    // Every cell is first read for what it could mean; the file's number style is decided from
    // all of them before any figure is taken.
    let mut rows = Vec::new();
    for (i, record) in rdr.records().enumerate() {
        if i >= MAX_ROWS {
            errors.push(Problem::CsvTooManyRows {
                max: MAX_ROWS as u32,
            });
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
        let mut cells = Vec::new();
        for (c, (name, at)) in value_cols.iter().enumerate() {
            let raw = record.get(*at).unwrap_or("");
            if raw.trim().is_empty() {
                continue;
            }
            match numbers::read_cell(raw) {
                Ok(cell) => cells.push((c, raw.to_string(), cell)),
                Err(issue) => errors.push(Problem::CsvNumber {
                    line,
                    column: name.clone(),
                    value: raw.to_string(),
                    issue,
                }),
            }
        }
        let key = record.get(key_at).unwrap_or("").to_string();
        rows.push(Row { line, key, cells });
    }
    let all_cells = rows
        .iter()
        .flat_map(|r| r.cells.iter().map(move |(_, _, cell)| (r.line, cell)));
    let style = match numbers::decide(spec.number_style, all_cells) {
        numbers::Decided::Style(d) => Some(d),
        numbers::Decided::Unknown => None,
        numbers::Decided::Mixed {
            dot_line,
            comma_line,
        } => {
            errors.insert(
                0,
                Problem::CsvMixedStyles {
                    dot_line,
                    comma_line,
                },
            );
            return Err(errors);
        }
    };

    let mut report = ImportReport::default();
    let mut figures: BTreeMap<Id, BTreeMap<String, f64>> = BTreeMap::new();
    for row in rows {
        report.rows += 1;
        let mut values = Vec::new();
        for (c, raw, cell) in row.cells {
            let name = value_cols
                .get(c)
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            match numbers::resolve(cell, style) {
                Ok(v) => values.push((name, v)),
                Err(issue) => errors.push(Problem::CsvNumber {
                    line: row.line,
                    column: name,
                    value: raw,
                    issue,
                }),
            }
        }
        let hits: Vec<&Card> = doc
            .cards
            .iter()
            .filter(|c| matches(c, spec.match_by, &row.key))
            .collect();
        if hits.is_empty() {
            report.unmatched.push(UnmatchedRow {
                line: row.line,
                key: row.key,
            });
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
        errors.sort_by_key(problem_line);
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

/// Problems are listed in file order (those about the whole file first).
fn problem_line(p: &Problem) -> u32 {
    match p {
        Problem::CsvNumber { line, .. }
        | Problem::CsvFieldCount { line, .. }
        | Problem::CsvNotUtf8 { line } => *line,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
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
}

/// An applied import: the edits' patch and what matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportResult {
    pub patch: crate::model::Patch,
    pub report: ImportReport,
}
