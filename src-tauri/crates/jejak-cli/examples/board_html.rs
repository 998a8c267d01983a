//! Writes a map as a self-contained HTML page (stages as columns, lanes as rows, cards with their
//! text and markers), sized for A1 landscape printing. The PDF benchmark prints it with headless
//! Chromium: the route Electron-based tools take, for comparison with our own export.
//!
//! `cargo run --release -p jejak-cli --example board_html -- LIBRARY MAP_ID OUT.html`

use std::fmt::Write as _;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lib, map, out] = args.as_slice() else {
        return Err("usage: board_html LIBRARY MAP_ID OUT.html".into());
    };
    let lib = jejak_store::Library::open(std::path::Path::new(lib))?;
    let doc = lib.load_map(uuid::Uuid::parse_str(map)?)?;
    let mut html = String::new();
    write!(
        html,
        "<!doctype html><html><head><meta charset=utf-8><title>{}</title><style>\
         @page {{ size: 841mm 594mm; margin: 12mm }}\
         body {{ font: 7pt 'DejaVu Sans', sans-serif; margin: 0 }}\
         h1 {{ font-size: 18pt }} table {{ border-collapse: collapse; width: 100% }}\
         th {{ background: #2b3a55; color: #fff; padding: 6px; text-align: left }}\
         td {{ border: 1px solid #c5ccd6; vertical-align: top; padding: 4px }}\
         td.lane {{ background: #e9edf2; font-weight: bold; width: 90px }}\
         .card {{ border: 1px solid #c5ccd6; border-left: 3px solid #2f6fdf; padding: 4px; margin: 0 0 4px; break-inside: avoid }}\
         .card b {{ display: block; font-size: 8pt }} .m {{ color: #2f6fdf; font-weight: bold; font-size: 6pt }}\
         </style></head><body><h1>{}</h1><table><tr><th></th>",
        esc(&doc.map.title),
        esc(&doc.map.title)
    )?;
    for s in &doc.stages {
        write!(html, "<th>{}</th>", esc(&s.title))?;
    }
    html.push_str("</tr>");
    for lane in &doc.lanes {
        write!(html, "<tr><td class=lane>{}</td>", esc(&lane.title))?;
        for stage in &doc.stages {
            html.push_str("<td>");
            let mut cards: Vec<_> = doc
                .cards
                .iter()
                .filter(|c| c.stage_id == stage.id && c.lane_id == lane.id)
                .collect();
            cards.sort_by(|a, b| a.rank.cmp(&b.rank));
            for c in cards {
                let kind = c
                    .attrs
                    .kind
                    .map(|k| format!("{k:?}").to_uppercase())
                    .unwrap_or_default();
                let mot = if c.attrs.moment_of_truth { " ★" } else { "" };
                write!(
                    html,
                    "<div class=card><span class=m>{kind}{mot}</span><b>{}</b>{}</div>",
                    esc(&c.title),
                    esc(&c.body)
                )?;
            }
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
    html.push_str("</table></body></html>");
    std::fs::write(out, html)?;
    Ok(())
}
