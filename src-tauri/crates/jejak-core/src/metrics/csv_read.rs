//! Reading a metrics CSV: the reader, its header row, the first rows for the preview, and csv's
//! errors as problems (shared with the cards import).

use super::CsvPreview;
use crate::problem::Problem;

const PREVIEW_ROWS: usize = 5;

pub(super) fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes())
}

pub(super) fn line_of(pos: Option<&csv::Position>, fallback: usize) -> u32 {
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
