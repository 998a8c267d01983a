//! A paginated table: a heading, a header row repeated on every page, rows of wrapped text. A row
//! taller than what is left of a page continues on the next one, so long text is never dropped.

use super::items::{text, Item, Rect, Rgb, Stroke, TextStyle, INK, RULE};
use super::sheets::MARGIN;
use super::{Ctx, Page};
use crate::fonts::Weight;
use crate::wrap::wrap;

const SIZE: f32 = 7.5;
const LINE: f32 = 9.6;
const PAD: f32 = 3.5;

/// The longest word of `text`, in points: what a column needs so no word of it is broken.
fn longest_word(ctx: &Ctx, text: &str, weight: Weight) -> f32 {
    text.split_whitespace()
        .map(|w| ctx.fonts.width(w, weight, SIZE))
        .fold(0.0, f32::max)
}

/// Widths of the columns across `total`: shares of it, except that a column empty in every row
/// is only as wide as its header's longest word, and a column is widened (from the others'
/// room) to its longest word, up to a quarter of the table, so words are broken only when they
/// could never fit (a link).
fn column_widths(ctx: &Ctx, total: f32, columns: &[Column], rows: &[Vec<String>]) -> Vec<f32> {
    let header_min: Vec<f32> = columns
        .iter()
        .map(|c| longest_word(ctx, &c.header, Weight::Bold) + 2.0 * PAD)
        .collect();
    let cell_min: Vec<f32> = (0..columns.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|cell| longest_word(ctx, cell, Weight::Regular) + 2.0 * PAD)
                .fold(0.0, f32::max)
        })
        .collect();
    let shares: Vec<f32> = columns.iter().map(|c| c.share).collect();
    fit_columns(total, &shares, &header_min, &cell_min)
}

/// The arithmetic of [`column_widths`]: `cell_min` is 0 for a column with no text in any row.
fn fit_columns(total: f32, shares: &[f32], header_min: &[f32], cell_min: &[f32]) -> Vec<f32> {
    let empty: Vec<bool> = cell_min.iter().map(|m| *m <= 2.0 * PAD).collect();
    let fixed: f32 = (0..shares.len())
        .filter(|&i| empty[i])
        .map(|i| header_min[i])
        .sum();
    let share_sum: f32 = (0..shares.len())
        .filter(|&i| !empty[i])
        .map(|i| shares[i])
        .sum::<f32>()
        .max(0.01);
    // Headers of empty columns never take more than half the table; with no text anywhere,
    // the shares hold.
    let shrink = if fixed > total / 2.0 {
        total / 2.0 / fixed
    } else {
        1.0
    };
    if empty.iter().all(|e| *e) {
        let all: f32 = shares.iter().sum::<f32>().max(0.01);
        return shares.iter().map(|s| total * s / all).collect();
    }
    let room = (total - fixed * shrink).max(0.0);
    let mut widths: Vec<f32> = (0..shares.len())
        .map(|i| {
            if empty[i] {
                header_min[i] * shrink
            } else {
                room * shares[i] / share_sum
            }
        })
        .collect();
    // Widen columns whose words do not fit, taking from those with room to spare.
    let cap = total / 4.0;
    let need: Vec<f32> = (0..shares.len())
        .map(|i| {
            if empty[i] {
                0.0
            } else {
                (cell_min[i].max(header_min[i]).min(cap) - widths[i]).max(0.0)
            }
        })
        .collect();
    let wanted: f32 = need.iter().sum();
    let spare: Vec<f32> = (0..shares.len())
        .map(|i| {
            if empty[i] || need[i] > 0.0 {
                0.0
            } else {
                (widths[i] - cell_min[i].max(header_min[i])).max(0.0)
            }
        })
        .collect();
    let available: f32 = spare.iter().sum();
    if wanted > 0.0 && available > 0.0 {
        let given = wanted.min(available);
        for i in 0..widths.len() {
            widths[i] += need[i] / wanted * given;
            widths[i] -= spare[i] / available * given;
        }
    }
    widths
}

pub struct Column {
    pub header: String,
    /// Share of the table width.
    pub share: f32,
}

impl Column {
    /// Columns from their headers and shares of the table width.
    pub fn list(spec: &[(&str, f32)]) -> Vec<Column> {
        spec.iter()
            .map(|(header, share)| Column {
                header: (*header).to_string(),
                share: *share,
            })
            .collect()
    }
}

/// Pages for `rows` (each a cell per column) under `heading`. `lead` is drawn above the table
/// on the first page and `lead_h` tall (a persona's profile, for instance).
pub fn table_pages(
    ctx: &Ctx,
    heading: &str,
    columns: &[Column],
    rows: &[Vec<String>],
    sheet: (f32, f32),
    lead: Option<(Vec<Item>, f32)>,
) -> Vec<Page> {
    let (w, h) = sheet;
    let content = Rect::new(MARGIN, MARGIN, w - 2.0 * MARGIN, h - 2.0 * MARGIN);
    let widths = column_widths(ctx, content.w, columns, rows);
    let xs: Vec<f32> = widths
        .iter()
        .scan(content.x, |x, w| {
            let at = *x;
            *x += w;
            Some(at)
        })
        .collect();
    let wrapped: Vec<Vec<Vec<String>>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(&widths)
                .map(|(cell, cw)| wrap(&ctx.fonts, cell, Weight::Regular, SIZE, cw - 2.0 * PAD))
                .collect()
        })
        .collect();

    let head_style = TextStyle::new(13.0, Weight::Bold, INK);
    let cell_style = TextStyle::new(SIZE, Weight::Regular, INK);
    let hdr_style = TextStyle::new(SIZE, Weight::Bold, INK);
    let mut pages = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut y = content.y;

    let start_page = |items: &mut Vec<Item>, y: &mut f32, continued: bool| {
        *y = content.y;
        let title = if continued {
            format!("{heading} ({})", ctx.labels.continued)
        } else {
            heading.to_string()
        };
        *y += 16.0;
        items.push(text(&ctx.fonts, content.x, *y - 3.0, &head_style, title));
        *y += 6.0;
        // Headers wrap (Indonesian ones are long) rather than lose words.
        let header_lines: Vec<Vec<String>> = columns
            .iter()
            .zip(&widths)
            .map(|(col, cw)| wrap(&ctx.fonts, &col.header, Weight::Bold, SIZE, cw - 2.0 * PAD))
            .collect();
        let rows_n = header_lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let header_h = rows_n as f32 * LINE + 2.0 * PAD;
        items.push(Item::Rect {
            rect: Rect::new(content.x, *y, content.w, header_h),
            fill: Some(Rgb(0xe9, 0xed, 0xf2)),
            stroke: None,
        });
        for (lines, x) in header_lines.iter().zip(&xs) {
            for (k, line) in lines.iter().enumerate() {
                let baseline = *y + PAD + SIZE + k as f32 * LINE;
                items.push(text(
                    &ctx.fonts,
                    x + PAD,
                    baseline,
                    &hdr_style,
                    line.clone(),
                ));
            }
        }
        *y += header_h;
    };

    if let Some((lead_items, lead_h)) = lead {
        items.extend(lead_items);
        y = content.y + lead_h;
        // The heading and header row follow the lead on the same page.
        let mut sub = Vec::new();
        let mut yy = 0.0;
        start_page(&mut sub, &mut yy, false);
        let dy = y - content.y;
        items.extend(sub.into_iter().map(|i| i.transformed(1.0, 0.0, dy)));
        y = yy + dy;
    } else {
        start_page(&mut items, &mut y, false);
    }

    let mut fresh = true;
    for (ri, row) in wrapped.iter().enumerate() {
        let mut from = 0; // first line of each cell still to print
        let tallest = row.iter().map(Vec::len).max().unwrap_or(0).max(1);
        while from < tallest {
            let mut room = ((content.bottom() - y - 2.0 * PAD) / LINE).floor().max(0.0) as usize;
            if fresh {
                room = room.max(1); // a tiny sheet still makes progress
            }
            if !fresh && (room == 0 || (from == 0 && tallest <= 6 && room < tallest)) {
                fresh = true;
                // Short rows move whole to the next page rather than split.
                pages.push(Page::new(w, h, std::mem::take(&mut items)));
                start_page(&mut items, &mut y, true);
                continue;
            }
            fresh = false;
            let take = room.min(tallest - from);
            let row_h = take as f32 * LINE + 2.0 * PAD;
            if ri % 2 == 1 {
                items.push(Item::Rect {
                    rect: Rect::new(content.x, y, content.w, row_h),
                    fill: Some(Rgb(0xf6, 0xf7, 0xf9)),
                    stroke: None,
                });
            }
            for ((cell, x), cw) in row.iter().zip(&xs).zip(&widths) {
                for (k, line) in cell.iter().skip(from).take(take).enumerate() {
                    // A line that reads right to left is set flush right, as in a card.
                    let left = if crate::rtl::reads_right_to_left(line) {
                        let drawn = ctx.fonts.width(line, Weight::Regular, SIZE);
                        x + (cw - PAD - drawn).max(PAD)
                    } else {
                        x + PAD
                    };
                    items.push(text(
                        &ctx.fonts,
                        left,
                        y + PAD + SIZE + k as f32 * LINE,
                        &cell_style,
                        line.clone(),
                    ));
                }
            }
            y += row_h;
            items.push(Item::Line {
                points: vec![(content.x, y), (content.right(), y)],
                stroke: Stroke::solid(RULE, 0.4),
            });
            from += take;
        }
    }
    pages.push(Page::new(w, h, items));
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_columns_shrink_and_long_words_get_room() {
        // Four columns of equal share across 400 pt; the third is empty in every row, and the
        // second has a word 130 pt wide.
        let widths = fit_columns(
            400.0,
            &[1.0, 1.0, 1.0, 1.0],
            &[40.0, 40.0, 50.0, 40.0],
            &[60.0, 130.0, 0.0, 60.0],
        );
        assert!(
            (widths.iter().sum::<f32>() - 400.0).abs() < 0.01,
            "{widths:?}"
        );
        assert_eq!(widths[2], 50.0, "an empty column is as wide as its header");
        assert!(
            widths[1] >= 100.0 - 0.01,
            "widened up to a quarter: {widths:?}"
        );
        assert!(widths[0] >= 60.0 && widths[3] >= 60.0, "{widths:?}");
    }

    #[test]
    fn widths_always_fill_the_table() {
        let cases: [(&[f32], &[f32]); 3] = [
            (&[300.0, 300.0, 10.0], &[0.0, 0.0, 40.0]), // empty headers wider than the table
            (&[30.0, 30.0], &[0.0, 0.0]),               // no text at all
            (&[30.0, 30.0], &[500.0, 500.0]),           // words wider than the table
        ];
        for (header, cells) in cases {
            let shares = vec![1.0; header.len()];
            let widths = fit_columns(400.0, &shares, header, cells);
            assert!(
                (widths.iter().sum::<f32>() - 400.0).abs() < 0.01,
                "{widths:?}"
            );
            assert!(widths.iter().all(|w| *w > 0.0), "{widths:?}");
        }
    }

    #[test]
    fn shares_hold_when_every_word_fits() {
        let widths = fit_columns(300.0, &[1.0, 2.0], &[30.0, 30.0], &[40.0, 40.0]);
        assert!((widths[0] - 100.0).abs() < 0.01 && (widths[1] - 200.0).abs() < 0.01);
    }
}
