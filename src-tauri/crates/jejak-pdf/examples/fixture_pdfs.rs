//! Writes the test fixture (Indonesian text, 60 cards, one 2,000-character card, a persona) in
//! every layout, for looking at: `cargo run -p jejak-pdf --example fixture_pdfs -- OUT_DIR`, then
//! `pdftoppm -png -r 60 OUT_DIR/fit.pdf page`.

use jejak_core::templates::Locale;
use jejak_pdf::{export, ExportOptions, Mode, Orientation, Paper};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .ok_or("usage: fixture_pdfs OUT_DIR")?;
    std::fs::create_dir_all(&out)?;
    let mut doc = jejak_pdf::fixture::journey(5, 60);
    if let Some(card) = doc.cards.get_mut(5) {
        card.body =
            "Nasabah menjelaskan setiap langkah verifikasi yang gagal dengan rinci. ".repeat(29);
    }
    for (name, mode, paper, orientation) in [
        ("fit", Mode::Fit, Paper::A3, Orientation::Landscape),
        ("by-stage", Mode::ByStage, Paper::A4, Orientation::Landscape),
        ("poster", Mode::Poster, Paper::A4, Orientation::Portrait),
    ] {
        let options = ExportOptions {
            mode,
            paper,
            orientation,
            poster_scale: 60.0,
            locale: Locale::Id,
            facilitator: "Dewi Lestari".into(),
            organisation: "Koperasi Sejahtera".into(),
            ..ExportOptions::default()
        };
        let pdf = export(&doc, &options, &mut |_, _| {})?;
        let path = std::path::Path::new(&out).join(format!("{name}.pdf"));
        jejak_pdf::save(&path, &pdf.bytes)?;
        println!("{}: {} pages", path.display(), pdf.pages);
    }
    Ok(())
}
