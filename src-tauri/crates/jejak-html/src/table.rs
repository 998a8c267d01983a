//! The board as a table for the clipboard: stages across, lanes down, each cell its cards' titles
//! (a ★ before a moment of truth), once as HTML (for slides and documents) and once as
//! tab-separated text (for spreadsheets; a cell with several cards is quoted, one title a line).

use std::collections::HashMap;

use askama::Template;
use jejak_core::labels::Labels;
use jejak_core::templates::Locale;
use jejak_core::{Card, Id, MapDoc};

pub struct Table {
    pub html: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "table.html")]
struct TableHtml<'a> {
    title: &'a str,
    corner: String,
    stages: Vec<&'a str>,
    rows: Vec<(&'a str, Vec<Vec<String>>)>,
}

/// The map `doc` as a table, headed in `locale`.
pub fn table(doc: &MapDoc, locale: Locale) -> Result<Table, askama::Error> {
    let l = Labels::for_locale(locale);
    let mut by_cell: HashMap<(Id, Id), Vec<&Card>> = HashMap::new();
    for c in &doc.cards {
        by_cell.entry((c.stage_id, c.lane_id)).or_default().push(c);
    }
    for cards in by_cell.values_mut() {
        cards.sort_by(|a, b| a.rank.cmp(&b.rank));
    }
    let line = |c: &Card| {
        if c.attrs.moment_of_truth {
            format!("★ {}", c.title)
        } else {
            c.title.clone()
        }
    };
    let rows: Vec<(&str, Vec<Vec<String>>)> = doc
        .lanes
        .iter()
        .map(|lane| {
            let cells = doc
                .stages
                .iter()
                .map(|s| {
                    by_cell
                        .get(&(s.id, lane.id))
                        .map(|cards| cards.iter().map(|c| line(c)).collect())
                        .unwrap_or_default()
                })
                .collect();
            (lane.title.as_str(), cells)
        })
        .collect();
    let corner = format!("{} / {}", l.lane, l.stage);
    let stages: Vec<&str> = doc.stages.iter().map(|s| s.title.as_str()).collect();

    let mut tsv = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a refused record would only shorten the text.
    let _ = tsv.write_record(std::iter::once(corner.as_str()).chain(stages.iter().copied()));
    for (lane, cells) in &rows {
        let joined: Vec<String> = cells.iter().map(|c| c.join("\n")).collect();
        let _ = tsv.write_record(std::iter::once(*lane).chain(joined.iter().map(String::as_str)));
    }
    let text = String::from_utf8_lossy(&tsv.into_inner().unwrap_or_default()).into_owned();

    let html = TableHtml {
        title: &doc.map.title,
        corner,
        stages,
        rows,
    }
    .render()?;
    Ok(Table { html, text })
}
