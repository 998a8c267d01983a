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

mod csv_read;
#[cfg(test)]
mod tests;

pub use csv_read::preview;
pub(crate) use csv_read::{describe, headed, Opened};
use csv_read::{line_of, reader};

const MAX_ROWS: usize = 100_000;

/// An applied import: the edits' patch and what matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportResult {
    pub patch: crate::model::Patch,
    pub report: ImportReport,
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
