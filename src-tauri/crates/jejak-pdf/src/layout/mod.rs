//! The pure half of the export: a map and options in, pages of positioned items (in points) out.
//! Nothing here touches printpdf, so it is tested with plain numbers.

pub mod board;
pub mod by_stage;
pub mod by_stage_plan;
pub mod card;
pub mod chrome;
pub mod inventory;
pub mod items;
pub mod open_comments;
pub mod personas;
pub mod poster;
pub mod poster_key;
pub mod proposals;
pub mod sheets;
pub mod table;

use std::cell::Cell;

use jejak_core::MapDoc;
use serde::Serialize;
use ts_rs::TS;

use crate::fonts::{self, FontSet};
use crate::labels::Labels;
use crate::options::{ExportOptions, Mode};
use items::Item;

/// What layout code shares: fonts to measure with, the words to print, today's date, and a
/// count of characters the fonts could not draw.
pub struct Ctx {
    pub fonts: FontSet,
    pub labels: &'static Labels,
    pub date: String,
    replaced: Cell<usize>,
}

impl Ctx {
    pub fn new(fonts: FontSet, labels: &'static Labels, date: String) -> Ctx {
        Ctx {
            fonts,
            labels,
            date,
            replaced: Cell::new(0),
        }
    }

    /// Map text made printable (see [`fonts::clean`]), counting replacements.
    pub fn clean(&self, s: &str) -> String {
        let c = fonts::clean(&self.fonts, s);
        self.replaced.set(self.replaced.get() + c.replaced);
        c.text
    }

    /// The printable title of stage `id` of `doc` (empty when the map has no such stage).
    pub fn stage_title(&self, doc: &MapDoc, id: jejak_core::Id) -> String {
        doc.stages
            .iter()
            .find(|s| s.id == id)
            .map(|s| self.clean(&s.title))
            .unwrap_or_default()
    }
}

pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

impl Page {
    pub fn new(width: f32, height: f32, items: Vec<Item>) -> Page {
        Page {
            width,
            height,
            items,
        }
    }
}

/// Where the sheets fall on the map, for the export dialog's preview. Map coordinates in points;
/// `board_y` is where the grid starts (posters carry the title block above it).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Preview {
    pub width: f32,
    pub height: f32,
    pub board_y: f32,
    pub header_h: f32,
    pub stages: Vec<PreviewStage>,
    /// Top and height of each lane.
    pub rows: Vec<[f32; 2]>,
    /// x, y, width, height of each card.
    pub cards: Vec<[f32; 4]>,
    /// Map pages in order (the poster's assembly key and extra pages are not drawn).
    pub sheets: Vec<PreviewSheet>,
    /// Every page of the PDF, extra pages included.
    pub page_count: usize,
    /// Map points to paper points.
    pub scale: f32,
    pub sheet_width: f32,
    pub sheet_height: f32,
    /// The smallest text the map's sheets print, in points (a card's attributes).
    pub text_pt: f32,
    /// Sheets printed smaller than the others, each to hold a card taller than a sheet.
    pub smaller_sheets: Vec<String>,
    /// When the text prints below the chosen minimum: layouts that keep it at least that big.
    pub proposals: Vec<proposals::Proposal>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewStage {
    pub title: String,
    pub x: f32,
    pub w: f32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewSheet {
    pub label: String,
    pub rects: Vec<[f32; 4]>,
}

impl Preview {
    fn of_board(
        b: &board::Board,
        options: &ExportOptions,
        scale: f32,
        sheets: Vec<PreviewSheet>,
    ) -> Preview {
        let (sheet_width, sheet_height) = options.sheet();
        Preview {
            width: b.width,
            height: b.height,
            board_y: 0.0,
            header_h: b.header_h,
            stages: b
                .stages
                .iter()
                .map(|s| PreviewStage {
                    title: s.title.clone(),
                    x: s.x,
                    w: board::STAGE_W,
                })
                .collect(),
            rows: b.rows.iter().map(|(y, h)| [*y, *h]).collect(),
            cards: b.cards.iter().map(|(_, r)| [r.x, r.y, r.w, r.h]).collect(),
            sheets,
            page_count: 0,
            scale,
            sheet_width,
            sheet_height,
            text_pt: 0.0,
            smaller_sheets: Vec::new(),
            proposals: Vec::new(),
        }
    }
}

/// The whole document, ready to render.
pub struct Laid {
    pub pages: Vec<Page>,
    /// Outline entries: title and page index.
    pub bookmarks: Vec<(String, usize)>,
    pub preview: Preview,
    /// Characters printed as a replacement mark because the fonts lack them.
    pub replaced: usize,
}

pub fn layout(ctx: &Ctx, doc: &MapDoc, options: &ExportOptions) -> Laid {
    let scores = jejak_core::curve::Scores::new(&doc.emotions);
    let board = board::layout_board(ctx, doc, &scores);
    let sheets = match options.mode {
        Mode::Fit => sheets::fit(ctx, doc, &board, options),
        Mode::ByStage => by_stage::by_stage(ctx, doc, &board, options),
        Mode::Poster => poster::poster(ctx, doc, &board, options),
    };
    let mut pages = sheets.pages;
    let mut bookmarks: Vec<(String, usize)> = Vec::new();
    if options.mode == Mode::Poster {
        bookmarks.push((ctx.labels.assembly_key.to_string(), 0));
    }
    // printpdf orders outline entries by (page, name): numbers keep stages in journey order,
    // zero-padded so "10." does not sort before "2.".
    let digits = board.stages.len().to_string().len();
    for (i, (st, page)) in board.stages.iter().zip(&sheets.stage_pages).enumerate() {
        bookmarks.push((format!("{:0digits$}. {}", i + 1, st.title), *page));
    }
    let (w, h) = options.sheet();
    if options.include_personas {
        for (persona, page) in personas::persona_pages(ctx, doc, &scores, (w, h)) {
            if !persona.is_empty() {
                bookmarks.push((persona, pages.len()));
            }
            pages.push(page);
        }
    }
    if options.include_inventory {
        let table = inventory::inventory_pages(ctx, doc, &scores, (w, h));
        if !table.is_empty() {
            bookmarks.push((ctx.labels.inventory.to_string(), pages.len()));
            pages.extend(table);
        }
    }
    if options.include_comments {
        let table = open_comments::open_comment_pages(ctx, doc, (w, h));
        if !table.is_empty() {
            bookmarks.push((ctx.labels.open_comments.to_string(), pages.len()));
            pages.extend(table);
        }
    }
    let total = pages.len();
    let title = ctx.clean(&doc.map.title);
    for (i, page) in pages.iter_mut().enumerate() {
        let tile = options.mode == Mode::Poster && i > 0 && i <= sheets.preview.sheets.len();
        let sheet = (page.width, page.height);
        if tile {
            // Poster sheets keep their bottom margin free for the cut marks: the page number goes
            // top right, clear of the corner mark.
            page.items.push(chrome::page_number(
                ctx,
                i + 1,
                total,
                sheet,
                sheets::POSTER_MARGIN,
            ));
        } else {
            page.items.extend(chrome::footer(
                ctx,
                &title,
                i + 1,
                total,
                sheet,
                sheets::MARGIN,
            ));
        }
    }
    let mut preview = sheets.preview;
    preview.page_count = total;
    preview.proposals = proposals::proposals(ctx, doc, &board, options, preview.text_pt);
    Laid {
        pages,
        bookmarks,
        preview,
        replaced: ctx.replaced.get(),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_legible;
