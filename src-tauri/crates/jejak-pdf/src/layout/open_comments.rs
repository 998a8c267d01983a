//! The page of open comments: each open thread with what it is about, its first comment and its
//! replies, oldest thread first. Resolved threads are left out; long comments run on to the next
//! page (the table never drops text).

use jejak_core::comment::open_threads;
use jejak_core::{Comment, CommentOn, MapDoc};

use super::table::{table_pages, Column};
use super::{Ctx, Page};

pub fn open_comment_pages(ctx: &Ctx, doc: &MapDoc, sheet: (f32, f32)) -> Vec<Page> {
    let threads = open_threads(&doc.comments);
    if threads.is_empty() {
        return Vec::new();
    }
    let l = ctx.labels;
    let columns = Column::list(&[(l.comment_on, 1.4), (l.comment, 4.0)]);
    let rows: Vec<Vec<String>> = threads
        .iter()
        .map(|(first, replies)| {
            let mut said = vec![signed(ctx, first, None)];
            said.extend(replies.iter().map(|r| signed(ctx, r, Some(l.reply))));
            vec![about(ctx, doc, first.on), said.join("\n\n")]
        })
        .collect();
    table_pages(ctx, l.open_comments, &columns, &rows, sheet, None)
}

/// The card (with its stage and lane) or the stage a thread is about.
fn about(ctx: &Ctx, doc: &MapDoc, on: CommentOn) -> String {
    let stage_title = |id| ctx.stage_title(doc, id);
    match on {
        CommentOn::Stage(id) => format!("{}\n{}", stage_title(id), ctx.labels.whole_stage),
        CommentOn::Card(id) => {
            let Some(card) = doc.cards.iter().find(|c| c.id == id) else {
                return String::new();
            };
            let lane = doc
                .lanes
                .iter()
                .find(|l| l.id == card.lane_id)
                .map(|l| ctx.clean(&l.title))
                .unwrap_or_default();
            format!(
                "{}\n{} · {lane}",
                ctx.clean(&card.title),
                stage_title(card.stage_id)
            )
        }
    }
}

/// "Ayu · 25 November 2026" over the comment's text; a reply says so first.
fn signed(ctx: &Ctx, c: &Comment, reply: Option<&str>) -> String {
    let by = format!(
        "{} · {}",
        ctx.clean(&c.author),
        ctx.labels.date_of_millis(c.created_at)
    );
    let by = match reply {
        Some(word) => format!("{word} — {by}"),
        None => by,
    };
    format!("{by}\n{}", ctx.clean(&c.text))
}
