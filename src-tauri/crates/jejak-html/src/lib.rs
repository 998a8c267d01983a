//! Jejak's standalone HTML export: one file holding the whole map (board with markers and the
//! emotion curve, personas, the pain points and opportunities), its styles and a search box,
//! that opens offline in any browser and asks nothing of the network. User text reaches the page
//! only through askama's HTML escaping. Also the board as a table for the clipboard.

mod curve;
mod table;
mod view;
mod words;

pub use table::{table, Table};

use askama::Template;
use jejak_core::templates::Locale;
use jejak_core::MapDoc;

#[derive(Template)]
#[template(path = "map.html")]
struct MapPage<'a> {
    v: view::View<'a>,
}

/// The page for `doc`, worded in `locale`, dated `exported_at_ms` (UTC day).
pub fn page(doc: &MapDoc, locale: Locale, exported_at_ms: i64) -> Result<String, askama::Error> {
    MapPage {
        v: view::build(doc, locale, exported_at_ms),
    }
    .render()
}
