//! Cards from a CSV: a touchpoint list from a spreadsheet, or Jejak's own inventory CSV read back.
//! The user sees the first rows, says which column holds which field (suggested from the headers,
//! in English or Indonesian), and the rows become cards in the cells their stage and lane titles
//! name. Stages and lanes the map lacks are created only when the user agrees. Pure: the text and
//! the map in, one group of ops (one undo step) or one problem per bad row or cell out.
//! Scores and metrics columns are not read here (figures come in through the metrics import).

mod read;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::labels::Labels;
use crate::problem::Problem;
use crate::templates::Locale;

pub use read::{plan, CardsPlan, CardsSummary};

/// A card field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CardField {
    Stage,
    Lane,
    Title,
    Text,
    Channel,
    Kind,
    Phase,
    MomentOfTruth,
    Owner,
    Evidence,
    Tags,
    Link,
    Priority,
}

impl CardField {
    pub const ALL: [CardField; 13] = [
        CardField::Stage,
        CardField::Lane,
        CardField::Title,
        CardField::Text,
        CardField::Channel,
        CardField::Kind,
        CardField::Phase,
        CardField::MomentOfTruth,
        CardField::Owner,
        CardField::Evidence,
        CardField::Tags,
        CardField::Link,
        CardField::Priority,
    ];

    /// The header Jejak's inventory CSV gives this field in `locale`.
    fn header(self, locale: Locale) -> &'static str {
        let l = Labels::for_locale(locale);
        match self {
            CardField::Stage => l.stage,
            CardField::Lane => l.lane,
            CardField::Title => l.title,
            CardField::Text => l.text,
            CardField::Channel => l.channel,
            CardField::Kind => l.kind,
            CardField::Phase => l.phase,
            CardField::MomentOfTruth => l.moment_of_truth,
            CardField::Owner => l.owner,
            CardField::Evidence => l.evidence,
            CardField::Tags => l.tags,
            CardField::Link => l.link,
            CardField::Priority => l.priority,
        }
    }
}

/// Which column (by header) fills which field; fields left out stay empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ColumnMapping {
    pub field: CardField,
    pub column: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CardsImport {
    pub mapping: Vec<ColumnMapping>,
    /// The user agreed to create the stages and lanes the file names and the map lacks.
    pub create_missing: bool,
}

/// The first rows of the file and the mapping its headers suggest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CardsCsvPreview {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub row_count: u32,
    pub suggested: Vec<ColumnMapping>,
}

pub(crate) const MAX_ROWS: usize = 20_000;
const PREVIEW_ROWS: usize = 5;

/// The field separator: whichever of `,` `;` and tab the header line has most of (outside
/// quotes). Spreadsheets set to Indonesian write `;`; Jejak's Indonesian export does too.
pub(crate) fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for ch in first.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Fields whose header names them in English or Indonesian (Jejak's own export, or the plain
/// words a spreadsheet would use). A header is used once.
pub fn suggest(headers: &[String]) -> Vec<ColumnMapping> {
    let extra: &[(CardField, &[&str])] = &[
        (
            CardField::Title,
            &[
                "touchpoint",
                "titik sentuh",
                "name",
                "nama",
                "card",
                "kartu",
            ],
        ),
        (
            CardField::Text,
            &[
                "description",
                "deskripsi",
                "body",
                "teks",
                "notes",
                "catatan",
            ],
        ),
        (CardField::Link, &["url", "tautan"]),
        (CardField::Tags, &["tag", "label"]),
    ];
    let mut used = vec![false; headers.len()];
    let mut out = Vec::new();
    for field in CardField::ALL {
        let mut names: Vec<String> = [Locale::En, Locale::Id]
            .iter()
            .map(|l| fold(field.header(*l)))
            .collect();
        if let Some((_, more)) = extra.iter().find(|(f, _)| *f == field) {
            names.extend(more.iter().map(|m| m.to_string()));
        }
        let found = headers
            .iter()
            .enumerate()
            .find(|(i, h)| !used[*i] && names.contains(&fold(h)));
        if let Some((i, h)) = found {
            used[i] = true;
            out.push(ColumnMapping {
                field,
                column: h.clone(),
            });
        }
    }
    out
}

/// The reader past the header row, and the headers.
pub(crate) fn open(text: &str) -> Result<crate::metrics::Opened<'_>, Vec<Problem>> {
    crate::metrics::headed(reader(text))
}

pub fn preview(text: &str) -> Result<CardsCsvPreview, Vec<Problem>> {
    let (mut rdr, headers) = open(text)?;
    if headers.iter().all(|h| h.is_empty()) {
        return Err(vec![Problem::CsvNoHeader]);
    }
    let mut rows = Vec::new();
    let mut count = 0u32;
    for record in rdr.records() {
        let record = record.map_err(|e| vec![crate::metrics::describe(&e)])?;
        if rows.len() < PREVIEW_ROWS {
            rows.push(record.iter().map(str::to_string).collect());
        }
        count += 1;
        if count as usize > MAX_ROWS {
            return Err(vec![Problem::CsvTooManyRows {
                max: MAX_ROWS as u32,
            }]);
        }
    }
    Ok(CardsCsvPreview {
        suggested: suggest(&headers),
        headers,
        rows,
        row_count: count,
    })
}
