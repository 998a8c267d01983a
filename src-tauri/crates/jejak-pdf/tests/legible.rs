//! Big maps printed legibly, measured the way a reader would: the height of every word poppler's
//! pdftotext finds, on generated maps of 50 (a small workshop), 300 (a big one) and 2,000 cards.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use jejak_pdf::fixture::workshop;
use jejak_pdf::{preview, ExportOptions, Mode, Orientation, Paper};

mod common;
use common::{export, run};

/// pdftotext's word boxes are the font's ascent to descent: 1.164 em for DejaVu Sans.
const BOX_PER_PT: f32 = 1.164;

/// The smallest text on the PDF's pages, in points, from pdftotext's word boxes.
fn smallest_text_pt(pdf: &Path) -> f32 {
    let html = run("pdftotext", &["-bbox"], pdf);
    let num = |line: &str, name: &str| -> f32 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("<word "))
        .map(|l| (num(l, "yMax") - num(l, "yMin")) / BOX_PER_PT)
        .fold(f32::INFINITY, f32::min)
}

fn options(mode: Mode, paper: Paper) -> ExportOptions {
    ExportOptions {
        mode,
        paper,
        orientation: Orientation::Landscape,
        include_personas: false,
        include_inventory: false,
        ..ExportOptions::default()
    }
}

#[test]
fn big_maps_by_stage_and_as_proposed_print_no_text_below_six_points() {
    for (stages, cards, paper) in [
        (5, 50, Paper::A4),
        (6, 300, Paper::A3),
        (6, 300, Paper::A4),
        (8, 2000, Paper::A3),
    ] {
        let doc = workshop(stages, cards);
        let what = format!("{cards} cards on {paper:?}");
        // Fit prints the big maps far too small, which the measurement sees...
        let fit = options(Mode::Fit, paper);
        let fit_pt = smallest_text_pt(&export(&doc, &fit).path);
        let said = preview(&doc, &fit).unwrap();
        assert!(
            (fit_pt - said.text_pt).abs() < 0.1,
            "{what}: fit prints {fit_pt} pt, the preview says {}",
            said.text_pt
        );
        // ...so it proposes layouts that do not, and they do not.
        let mut checked = vec![options(Mode::ByStage, paper)];
        if fit_pt < 6.0 {
            assert!(!said.proposals.is_empty(), "{what}: nothing proposed");
            checked.extend(said.proposals.iter().map(|p| ExportOptions {
                mode: p.mode,
                poster_scale: p.poster_scale,
                ..fit.clone()
            }));
        }
        for o in checked {
            let pt = smallest_text_pt(&export(&doc, &o).path);
            assert!(pt >= 6.0 - 0.05, "{what}, {:?}: {pt} pt", o.mode);
        }
    }
}
